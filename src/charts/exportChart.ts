import { csvFile } from "../csvFile.ts";
import { parseHTML } from "linkedom";
import sharp from "sharp";
import { cachedFile } from "../fileCache.ts";
import type { ChartDefinition } from "./chart.ts";
import { renderPlot } from "./renderPlot.ts";
import { escapeXml } from "../format.ts";

/** Control characters XML forbids, such as a form feed pasted from a PDF. */
const notInXml = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;

/** Text for an XML file: escaped, and without the control characters XML forbids. */
export const xmlText = (text: string): string => escapeXml(text.replace(notInXml, " "));

const pngDensity = 144;
/** What makes a chart's PNG besides its SVG (sharp and libvips, the density), so a cached PNG is one they would make. */
const pngDrawing = `sharp ${sharp.versions.sharp} vips ${sharp.versions.vips} density ${pngDensity}`;

/** A chart's SVG file as PNG at twice its size, sharp enough for a slide or a report. */
export const pngOfSvg = (svg: string): Promise<Buffer> =>
  cachedFile("chart-png", `${pngDrawing}\n${svg}`, () => sharp(Buffer.from(svg), { density: pngDensity }).png().toBuffer());

/** Fills the page's CSS gives the marks (src/styles/site.css), written into the file so it stands alone. */
const markFills: Record<string, string> = { "chart-mark": "#2f6fad", "chart-mark-alt": "#7fa9d3" };

/**
 * The chart as a self-contained SVG file: namespace, title, white background, the caption's source line,
 * and mark colours as attributes, since the site's stylesheet is not there.
 */
export function chartSvgFile(chart: ChartDefinition<any>, sourceLine: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${renderPlot(chart.plot(chart.rows), chart.id)}</body></html>`);
  const svg = document.querySelector("svg")!;
  svg.removeAttribute("aria-hidden");
  svg.removeAttribute("focusable");
  svg.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  svg.setAttribute("role", "img");
  svg.setAttribute("font-size", "13");
  const [, , width, plotHeight] = (svg.getAttribute("viewBox") ?? "0 0 640 400").split(" ").map(Number);
  // Room for the title above the plot and the source line below it.
  const top = 36;
  const extra = 40;
  const height = plotHeight! + top;
  const body = document.createElement("g");
  body.setAttribute("transform", `translate(0,${top})`);
  for (const child of [...svg.childNodes]) if ((child as Element).tagName?.toLowerCase() !== "style") body.appendChild(child);
  svg.appendChild(body);
  svg.setAttribute("viewBox", `0 0 ${width} ${height + extra}`);
  svg.setAttribute("height", String(height + extra));
  for (const [cls, fill] of Object.entries(markFills)) {
    for (const el of svg.querySelectorAll(`.${cls}`)) el.setAttribute("fill", fill);
  }
  const background = document.createElement("rect");
  for (const [k, v] of Object.entries({ x: "0", y: "0", width: String(width), height: String(height! + extra), fill: "white" })) background.setAttribute(k, v);
  const heading = document.createElement("text");
  for (const [k, v] of Object.entries({ x: "8", y: "22", "text-anchor": "start", "font-size": "16", "font-weight": "bold" })) heading.setAttribute(k, v);
  heading.textContent = chart.title;
  const caption = document.createElement("text");
  for (const [k, v] of Object.entries({ x: "8", y: String(height! + extra - 14), "text-anchor": "start", "font-size": "12" })) caption.setAttribute(k, v);
  caption.textContent = sourceLine;
  svg.insertBefore(background, svg.firstChild);
  svg.appendChild(heading);
  svg.appendChild(caption);
  // The title goes in as escaped text, never through the DOM shim: in its HTML document a <title> is written out raw,
  // so a label with "<" or "&" would become markup (or break the file).
  const title = `<title>${xmlText(`${chart.title}. ${chart.alt}`)}</title>`;
  const file = svg.outerHTML.replace(/^<svg\b[^>]*>/, (open) => open + title).replace(notInXml, " ");
  return `<?xml version="1.0" encoding="UTF-8"?>\n${file}`;
}

/** The chart's data table as CSV, with plain numbers (no thousands separators) for reuse. */
export function chartCsv(chart: ChartDefinition<any>): string {
  const header = chart.columns.map((c) => c.label);
  const rows = chart.rows.map((row) => chart.columns.map((c) => String((c.csv ?? c.value)(row))));
  return csvFile([header, ...rows]);
}
