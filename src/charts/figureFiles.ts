// The files of each figure (/figurer/<id>.svg, .png and .csv), made once per build, and the cacheKey of each path: a
// hash of the file itself. The charts read most datasets, so keyed by the route's data every figure was drawn again
// after any changed row; keyed by what it shows, Astro's incremental build makes a figure's files again exactly when
// they change (src/pipeline/astro/dataDependencies.ts, keyedThrough).
import type { FigureFormat } from "../addresses.ts";
import { cacheKeyOf } from "../site.ts";
import { contentHash } from "../generatedHashes.ts";
import { chartCsv, chartSvgFile, pngOfSvg } from "./exportChart.ts";
import { charts } from "./registry.ts";
import { sourceLineOf } from "./sourceLine.ts";

const made = new Map<string, string>();
const once = (key: string, make: () => string) => {
  let file = made.get(key);
  if (file === undefined) made.set(key, (file = make()));
  return file;
};

const chartOf = (id: string) => {
  const chart = charts[id];
  if (!chart) throw new Error(`no chart has the id ${id}`);
  return chart;
};

/** The figure as a self-contained SVG file, with its source line. */
export const figureSvg = (id: string): string => once(`${id}.svg`, () => chartSvgFile(chartOf(id), sourceLineOf(chartOf(id))));

/** The figure's data table as CSV. */
export const figureCsv = (id: string): string => once(`${id}.csv`, () => chartCsv(chartOf(id)));

/** The figure as PNG, drawn from its SVG file alone. */
export const figurePng = (id: string): Promise<Buffer> => pngOfSvg(figureSvg(id));

/** The paths of a figure route (one per chart), each keyed by the file it makes: the PNG by its SVG, which it is drawn from. */
export function figurePaths(format: FigureFormat) {
  return Object.keys(charts).map((id) => {
    const shown = format === "csv" ? figureCsv(id) : figureSvg(id);
    return { cacheKey: cacheKeyOf(contentHash(shown).slice(0, 16)), params: { id } };
  });
}
