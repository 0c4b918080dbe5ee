import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";

/**
 * Renders a Plot spec to an SVG string at build time, so charts need no JavaScript.
 * Plot labels its <g> groups with aria-label, which axe flags (aria-prohibited-attr on
 * an element without a role); the figure around the SVG carries the text alternative
 * and a data table instead, so the graphics are hidden from assistive technology.
 */
export function renderPlot(options: Plot.PlotOptions): string {
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  const svg = Plot.plot({ ...options, document: document as unknown as Document }) as unknown as Element;
  for (const el of svg.querySelectorAll("[aria-label],[aria-description]")) {
    el.removeAttribute("aria-label");
    el.removeAttribute("aria-description");
  }
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  return svg.outerHTML;
}
