import { describe, expect, it } from "vitest";
import * as Plot from "@observablehq/plot";
import { renderPlot } from "../src/charts/renderPlot.ts";

// A clipped mark: Plot gives its clip path an id and links the mark to it with clip-path="url(#…)".
const clipped = (): Plot.PlotOptions => ({
  marks: [Plot.dot([{ x: 1, y: 2 }, { x: 3, y: 4 }], { x: "x", y: "y", clip: "frame" }), Plot.ruleY([0], { clip: true })],
});

const idsOf = (svg: string) => [...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
const linksOf = (svg: string) => [...svg.matchAll(/url\(#([^)]+)\)/g)].map((m) => m[1]);

describe("renderPlot", () => {
  it("draws the same chart the same way, whatever was drawn before it in the process", () => {
    const first = renderPlot(clipped(), "kart");
    renderPlot(clipped(), "annet");
    expect(renderPlot(clipped(), "kart")).toBe(first);
  });

  it("names the ids inside a chart after the chart, and every link inside it still finds its target", () => {
    const svg = renderPlot(clipped(), "kart");
    const ids = idsOf(svg);
    // (Plot draws one clip path for the frame and links both marks to it.)
    expect(ids).toEqual(["kart-svg-1"]);
    expect(linksOf(svg)).toHaveLength(2);
    for (const link of linksOf(svg)) expect(ids).toContain(link);
  });

  it("gives two charts on one page no id in common", () => {
    const a = idsOf(renderPlot(clipped(), "a"));
    const b = idsOf(renderPlot(clipped(), "b"));
    expect(a.length).toBeGreaterThan(0);
    expect(a.filter((id) => b.includes(id))).toEqual([]);
  });

  it("leaves a chart without ids as Plot drew it, hidden from assistive technology", () => {
    const svg = renderPlot({ marks: [Plot.barX([{ v: 3 }], { x: "v" })] }, "stolper");
    expect(idsOf(svg)).toEqual([]);
    expect(svg).toMatch(/^<svg [^>]*aria-hidden="true"/);
    expect(svg).not.toContain("aria-label");
  });
});
