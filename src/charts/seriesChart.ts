import * as Plot from "@observablehq/plot";
import { numberFormat } from "../format.ts";
import type { Statistic } from "../model/datasets.ts";
import { statistics } from "../records.ts";
import { formatCell, yearOf } from "../statistics.ts";
import { defineChart, type ChartDefinition, sourceColumn } from "./chart.ts";

/** One value of a line: which series, which year, and whether the year is only partly counted. */
export interface SeriesPoint {
  series: string;
  year: number;
  value: number;
  partial: boolean;
  cell: Statistic;
}

interface SeriesChartOptions {
  id: string;
  title: string;
  /** One sentence from the points, e.g. "Andelen kvinner økte fra 51 til 63 prosent." */
  takeaway: (points: SeriesPoint[]) => string;
  alt: (points: SeriesPoint[]) => string;
  caveats: string[];
  /** Name of the series a cell belongs to, or undefined to leave it out. */
  select: (cell: Statistic) => string | undefined;
  yLabel: string;
  sourceLocation: string;
}

/**
 * A line per series over years, drawn from the statistics cells. A year that is only partly
 * counted (2021 to the 2nd tertial) is a hollow point joined by a dashed line, so it never reads as a full year.
 */
export function seriesChart(options: SeriesChartOptions): ChartDefinition<SeriesPoint> {
  const points: SeriesPoint[] = statistics.flatMap((cell) => {
    const series = options.select(cell);
    const year = yearOf(cell.period);
    if (series === undefined || year === undefined || cell.value === undefined) return [];
    return [{ series, year, value: cell.value, partial: cell.partial_period, cell }];
  });
  points.sort((a, b) => a.series.localeCompare(b.series, "nb") || a.year - b.year);
  if (points.length === 0) throw new Error(`chart ${options.id} selects no cells`);
  const sources = [...new Set(points.map((p) => p.cell.source_id))];
  const hasPartial = points.some((p) => p.partial);
  return defineChart<SeriesPoint>({
    id: options.id,
    title: options.title,
    takeaway: options.takeaway(points),
    alt: options.alt(points),
    sourceId: sources[0]!,
    sourceLocation: options.sourceLocation,
    caveats: [
      ...(hasPartial ? ["2021 gjelder bare januar–september (til og med 2. tertial) og vises med åpent punkt og stiplet linje."] : []),
      ...options.caveats,
    ],
    rows: points,
    columns: [
      { label: "Serie", value: (p) => p.series },
      { label: "År", value: (p) => (p.partial ? `${p.year} (jan.–sep.)` : String(p.year)) },
      { label: "Verdi", value: (p) => formatCell(p.cell), csv: (p) => p.value, numeric: true },
      sourceColumn(),
    ],
    plot: (data) => {
      const full = data.filter((p) => !p.partial);
      const bySeries = Map.groupBy(data, (p) => p.series);
      // The dashed bridge from the last full year to a partial one.
      const bridges = [...bySeries.values()].flatMap((ps) => {
        const partial = ps.find((p) => p.partial);
        const lastFull = ps.filter((p) => !p.partial).at(-1);
        return partial && lastFull ? [lastFull, partial] : [];
      });
      const lastPoints = [...bySeries.values()].map((ps) => ps.at(-1)!);
      const years = [...new Set(data.map((p) => p.year))];
      return {
        width: 720,
        height: 380,
        marginLeft: 60,
        marginRight: 170,
        x: { label: null, tickFormat: (d: number) => String(d), ticks: years, domain: [Math.min(...years), Math.max(...years)] },
        y: { label: options.yLabel, grid: true, zero: true, tickFormat: (d: number) => numberFormat(0, 3).format(d) },
        color: { type: "ordinal", scheme: "tableau10" },
        marks: [
          Plot.ruleY([0]),
          Plot.line(full, { x: "year", y: "value", stroke: "series", strokeWidth: 2 }),
          Plot.line(bridges, { x: "year", y: "value", stroke: "series", z: "series", strokeWidth: 2, strokeDasharray: "4 4" }),
          Plot.dot(data, { x: "year", y: "value", stroke: "series", fill: (p: SeriesPoint) => (p.partial ? "white" : p.series), r: 3.5 }),
          Plot.text(lastPoints, { x: "year", y: "value", text: "series", fill: "series", dx: 8, textAnchor: "start", fontSize: 12 }),
        ],
      };
    },
  });
}
