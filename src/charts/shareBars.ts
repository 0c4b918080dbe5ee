import * as Plot from "@observablehq/plot";

/**
 * Stacked shares (%) of answers, one bar per row: each answer in its colour (the chart's color scale), its share written
 * in each segment wide enough for it, so colour is never the only key. outlined draws a thin edge round each segment,
 * for scales with a near-white colour.
 */
export function shareBars<R extends { answer: string; share: number }>(
  data: R[],
  options: { y: keyof R & string; order: string[]; textFrom: number; outlined?: boolean },
): Plot.Markish[] {
  const edge = options.outlined ? { stroke: "#767676", strokeWidth: 0.5 } : {};
  return [
    Plot.barX(data, Plot.stackX({ y: options.y, x: "share", fill: "answer", order: options.order, ...edge })),
    Plot.text(data, Plot.stackX({ y: options.y, x: "share", z: "answer", order: options.order, text: (r: R) => (r.share >= options.textFrom ? String(r.share) : ""), fill: "black", fontSize: 12 })),
  ];
}
