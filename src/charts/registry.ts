import { appropriationsPerYear } from "./appropriations.ts";
import type { ChartDefinition } from "./chart.ts";
import { delphiMeaningUnits } from "./delphiChart.ts";
import { effectEstimates } from "./effectsChart.ts";
import { gpReferrals } from "./gpReferralsChart.ts";
import { navReferralsByCounty } from "./navReferralsChart.ts";
import { sickPayDurationRegression } from "./regressionChart.ts";
import { debitorCodeFocus } from "./surveyCharts.ts";
import { reviewsByGroupAndYear } from "./literatureChart.ts";
import { collaborationRatings } from "./ratingsChart.ts";
import { offerMap } from "./offerMap.ts";
import { offersByRegionAndGroup } from "./offers.ts";
import * as statisticsCharts from "./statisticsCharts.ts";
import * as comparisonCharts from "./comparisonCharts.ts";
import { chartPageProblems } from "./chartPages.ts";

/** Every chart on the site by id, so an MDX page can embed one as <Chart id="…" />. */
export const charts: Record<string, ChartDefinition<any>> = Object.fromEntries(
  [appropriationsPerYear, offersByRegionAndGroup, offerMap, ...Object.values(statisticsCharts), ...Object.values(comparisonCharts), effectEstimates, gpReferrals, navReferralsByCounty, sickPayDurationRegression, debitorCodeFocus, delphiMeaningUnits, reviewsByGroupAndYear, collaborationRatings].map((c) => [c.id, c as ChartDefinition<any>]),
);

// Every chart has exactly one page in chartPages.ts, the page the figure list links to.
const pageProblems = chartPageProblems(Object.keys(charts));
if (pageProblems.length) throw new Error(`Charts and their pages disagree:\n- ${pageProblems.join("\n- ")}`);
