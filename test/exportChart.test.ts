import { describe, expect, it } from "vitest";
import * as Plot from "@observablehq/plot";
import { chartSvgFile, pngOfSvg, xmlText } from "../src/charts/exportChart.ts";
import type { ChartDefinition } from "../src/charts/chart.ts";

const hostile = "Kompetanse & kunnskap <script>alert(document.domain)</script> (<50 km)\f";
const chart: ChartDefinition<{ label: string; value: number }> = {
  id: "test",
  title: hostile,
  takeaway: "T",
  alt: `Søyler for ${hostile}`,
  sourceId: "s",
  sourceLocation: "Tabell 1",
  caveats: [],
  rows: [{ label: hostile, value: 3 }],
  columns: [{ label: "Kategori", value: (r) => r.label }],
  plot: (rows) => ({ marks: [Plot.barX(rows, { x: "value", y: "label" })] }),
};

describe("a figure's SVG file", () => {
  it("carries text from the data as text: no element, no script, well-formed XML an image library can draw", async () => {
    const svg = chartSvgFile(chart, `Kilde: ${hostile}`);
    expect(svg).not.toMatch(/<script/i);
    expect(svg).toContain("<title>Kompetanse &amp; kunnskap &lt;script&gt;alert(document.domain)&lt;/script&gt; (&lt;50 km) . Søyler for");
    expect(svg).not.toContain("\f");
    // librsvg refuses a file that is not well-formed XML.
    const png = await pngOfSvg(svg);
    expect(png.subarray(1, 4).toString()).toBe("PNG");
  });

  it("escapes the XML specials of text and drops forbidden control characters", () => {
    expect(xmlText("a & b < c > d")).toBe("a &amp; b &lt; c &gt; d");
    expect(xmlText("side\fskift\u0000")).toBe("side skift ");
  });
});
