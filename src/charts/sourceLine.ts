import { sourceById } from "../records.ts";
import type { ChartDefinition } from "./chart.ts";

/** e.g. "Kilde: Følgeevalueringen, vedleggsrapport, Tabell 2.1." */
export function sourceLineOf(chart: ChartDefinition<any>): string {
  return `Kilde: ${sourceById(chart.sourceId).short_title}, ${chart.sourceLocation}.`;
}
