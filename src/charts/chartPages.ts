/**
 * The page that shows each chart (with <Chart id="…" />), so the figure list (/statistikk/figurer/) can link to it
 * without searching page sources. The map is kept true by the build: <Chart> refuses to render a chart on any other
 * page, registry.ts refuses a chart without a page (or a page for no chart), and the verify stage checks that each
 * link on the built figure list reaches a page holding that figure.
 */
import { contentPageHref, sitePages } from "../addresses.ts";

const activity = contentPageHref("statistikk/aktivitet");
const patients = contentPageHref("statistikk/pasienter");
const sickLeave = contentPageHref("statistikk/ventetid-og-sykefravaer");
const surveys = contentPageHref("statistikk/undersokelser");

export const chartPages: Readonly<Record<string, string>> = {
  "bevilgninger-per-ar": sitePages.appropriations,
  "tilbud-etter-region-og-malgruppe": sitePages.offers,
  "kart-over-tilbud": sitePages.offerMap,
  "unike-pasienter-etter-sektor": activity,
  "polikliniske-konsultasjoner-etter-sektor": activity,
  "fastleger-som-henviser-helse-nord": activity,
  "nav-henvisninger-etter-fylke-2008": activity,
  "raskere-tilbake-pasienter-per-ar": patients,
  "andel-kvinner-og-menn": patients,
  "pasienter-etter-sektor": patients,
  "pasienter-etter-region": patients,
  "pasienter-etter-diagnose": patients,
  "sykepengetilfeller-per-ar": sickLeave,
  "ventetid-etter-sektor": sickLeave,
  "sykepengedager-etter-diagnose": sickLeave,
  "sykepengedager-etter-diagnose-og-sektor": sickLeave,
  "sykepengedager-regresjon-debitorkode-20": sickLeave,
  "viktigste-samhandlingsaktor": surveys,
  "vurdering-av-samarbeid": surveys,
  "fokus-pa-debitorkode-20-2019-og-2021": surveys,
  "effekt-sykefravaer-og-ytelser": contentPageHref("statistikk/effekter"),
  "delphi-meningsenheter": sitePages.delphi,
  "oversikter-etter-gruppe-og-ar": sitePages.knowledge,
};

/** The path of the page that shows the chart, e.g. "/statistikk/pasienter/". */
export function pageOfChart(id: string): string {
  const page = chartPages[id];
  if (!page) throw new Error(`chart ${id} has no page in src/charts/chartPages.ts; add the page that embeds <Chart id="${id}" />`);
  return page;
}

/** Problems with the map against the registered chart ids: a chart without a page, or a page for no chart. */
export function chartPageProblems(chartIds: readonly string[]): string[] {
  const known = new Set(chartIds);
  return [
    ...chartIds.filter((id) => !(id in chartPages)).map((id) => `chart ${id} has no page in src/charts/chartPages.ts`),
    ...Object.keys(chartPages).filter((id) => !known.has(id)).map((id) => `src/charts/chartPages.ts names ${id}, which is no chart in registry.ts`),
  ];
}
