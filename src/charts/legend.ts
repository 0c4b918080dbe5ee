import * as Plot from "@observablehq/plot";

/**
 * A key drawn inside the SVG, above the plot, so it travels with the downloaded figure: per name a swatch
 * (drawn by the caller, in the chart's own colour and shape) and the name in the text colour.
 */
export function inFigureLegend(
  names: string[],
  options: { startDx?: number; dy: number; labelDx: number; gap: number; swatch: (name: string, dx: number) => Plot.Markish },
): Plot.Markish[] {
  let offset = options.startDx ?? 0;
  return names.flatMap((name) => {
    const dx = offset;
    offset += name.length * 7 + options.gap;
    return [
      options.swatch(name, dx),
      Plot.text([name], { frameAnchor: "top-left", dx: dx + options.labelDx, dy: options.dy, text: (d: string) => d, fill: "currentColor", textAnchor: "start", lineAnchor: "middle", fontSize: 12 }),
    ];
  });
}
