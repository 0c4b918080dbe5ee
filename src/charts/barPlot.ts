import * as Plot from "@observablehq/plot";

/** Horizontal bars with the value written at the end of each bar, one bar per row, in the rows' order. */
export function labelledBars<R>(data: R[], options: { label: (r: R) => string; value: (r: R) => number; xLabel: string; marginLeft: number; height: number }): Plot.PlotOptions {
  return {
    width: 720,
    height: options.height,
    marginLeft: options.marginLeft,
    marginRight: 40,
    x: { label: options.xLabel, grid: true },
    y: { label: null, domain: data.map(options.label) },
    marks: [
      Plot.barX(data, { y: options.label, x: options.value, className: "chart-mark" }),
      Plot.text(data, { y: options.label, x: options.value, text: (r: R) => String(options.value(r)), dx: 14 }),
      Plot.ruleX([0]),
    ],
  };
}
