import * as Plot from "@observablehq/plot";
import { formatNumber, numberFormat } from "../format.ts";
import type { Statistic } from "../model/datasets.ts";
import { statistics } from "../records.ts";
import { formatCell } from "../statistics.ts";
import { defineChart, type ChartDefinition, sourceColumn } from "./chart.ts";
import { inFigureLegend } from "./legend.ts";

/** One value of a category in one series, e.g. { category: "Psykisk", series: "Raskere tilbake", value: 179 }. */
export interface ComparisonPoint {
  category: string;
  series: string;
  value: number;
  cell: Statistic;
}

interface ComparisonChartOptions {
  id: string;
  title: string;
  takeaway: (points: ComparisonPoint[]) => string;
  caveats: string[];
  /** Category and series a cell belongs to, or undefined to leave it out. */
  select: (cell: Statistic) => { category: string; series: string } | undefined;
  /** Series in the order of the legend; the first is drawn as a circle, the second as a triangle, and so on. */
  series: string[];
  xLabel: string;
  sourceLocation: string;
  /** Sort categories by the value of this series, largest first; otherwise the table's row order. */
  sortBy?: string;
}

const symbols = ["circle", "triangle", "square", "diamond"];


/**
 * Categories down the side, a dot per series: for comparing two or more groups across many categories
 * (RT patients vs others per diagnosis). Series differ by shape as well as colour, so print and colour-blind
 * readers can tell them apart.
 */
export function comparisonChart(options: ComparisonChartOptions): ChartDefinition<ComparisonPoint> {
  const points: ComparisonPoint[] = statistics.flatMap((cell) => {
    const picked = options.select(cell);
    if (!picked || cell.value === undefined) return [];
    return [{ ...picked, value: cell.value, cell }];
  });
  if (points.length === 0) throw new Error(`chart ${options.id} selects no cells`);
  for (const s of new Set(points.map((p) => p.series))) {
    if (!options.series.includes(s)) throw new Error(`chart ${options.id}: series ${s} is not in its legend`);
  }
  let categories = [...new Set(points.map((p) => p.category))];
  if (options.sortBy) {
    const valueOf = (c: string) => points.find((p) => p.category === c && p.series === options.sortBy)?.value ?? -Infinity;
    categories = categories.sort((a, b) => valueOf(b) - valueOf(a));
  }
  const ordered = categories.flatMap((c) => options.series.flatMap((s) => points.filter((p) => p.category === c && p.series === s)));
  return defineChart<ComparisonPoint>({
    id: options.id,
    title: options.title,
    takeaway: options.takeaway(points),
    alt:
      `Punktdiagram med ${categories.length} kategorier og ett punkt per gruppe (${options.series.join(", ")}). ` +
      categories
        .map((c) => `${c}: ${ordered.filter((p) => p.category === c).map((p) => `${p.series} ${formatNumber(p.value)}`).join(", ")}`)
        .join("; ") +
      ".",
    sourceId: points[0]!.cell.source_id,
    sourceLocation: options.sourceLocation,
    caveats: options.caveats,
    rows: ordered,
    columns: [
      { label: "Kategori", value: (p) => p.category },
      { label: "Gruppe", value: (p) => p.series },
      { label: "Verdi", value: (p) => formatCell(p.cell), csv: (p) => p.value, numeric: true },
      sourceColumn(),
    ],
    plot: (data) => ({
      width: 720,
      height: 100 + categories.length * 26,
      marginBottom: 50,
      marginLeft: 290,
      marginRight: 30,
      x: { label: options.xLabel, labelAnchor: "center", labelOffset: 40, grid: true, zero: true, nice: true, tickFormat: (d: number) => numberFormat(0, 3).format(d) },
      y: { label: null, domain: categories },
      marginTop: 50,
      color: { type: "ordinal", domain: options.series, scheme: "tableau10" },
      symbol: { type: "ordinal", domain: options.series, range: symbols.slice(0, options.series.length) },
      marks: [
        Plot.ruleY(categories, { stroke: "currentColor", strokeOpacity: 0.15 }),
        Plot.dot(data, { y: "category", x: "value", stroke: "series", fill: "series", symbol: "series", r: 4.5 }),
        ...inFigureLegend(options.series, {
          dy: -30,
          labelDx: 16,
          gap: 40,
          swatch: (name, dx) => Plot.dot([name], { frameAnchor: "top-left", dx: dx + 6, dy: -30, fill: (d: string) => d, stroke: (d: string) => d, symbol: (d: string) => d, r: 4.5 }),
        }),
      ],
    }),
  });
}
