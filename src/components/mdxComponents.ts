import Chart from "./Chart.astro";
import SourceData from "./SourceData.astro";
import SourceFacts from "./SourceFacts.astro";
import SourceFindings from "./evidence/SourceFindings.astro";
import ThemeTables from "./ThemeTables.astro";

/** Components every MDX page (hand-written or generated) may use without importing them. */
export const mdxComponents = { Chart, SourceData, SourceFacts, SourceFindings, ThemeTables };
