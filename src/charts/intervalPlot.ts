import * as Plot from "@observablehq/plot";
import { numberFormat } from "../format.ts";

/** Estimates as dots with a line for their interval, one row each, around a dashed zero line. */
export function intervalDots<R extends { low: number; high: number }>(
  data: R[],
  options: { label: (r: R) => string; value: (r: R) => number; xLabel: string; marginLeft: number; height: number },
): Plot.PlotOptions {
  return {
    width: 720,
    height: options.height,
    marginLeft: options.marginLeft,
    marginRight: 20,
    x: { label: options.xLabel, grid: true, nice: true, tickFormat: (d: number) => numberFormat(0, 3).format(d) },
    y: { label: null, domain: data.map(options.label) },
    marks: [
      Plot.ruleX([0], { strokeDasharray: "3 3" }),
      Plot.ruleY(data, { y: options.label, x1: "low", x2: "high", strokeWidth: 2 }),
      Plot.dot(data, { y: options.label, x: options.value, r: 5, className: "chart-mark", fill: "currentColor" }),
    ],
  };
}
