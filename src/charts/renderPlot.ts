import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";

/**
 * Renders a Plot spec to an SVG string at build time, so charts need no JavaScript.
 * Plot labels its <g> groups with aria-label, which axe flags (aria-prohibited-attr on
 * an element without a role); the figure around the SVG carries the text alternative
 * and a data table instead, so the graphics are hidden from assistive technology.
 *
 * `chartId` names the ids inside the SVG (such as a clip path's). Plot numbers them from a counter shared by the
 * whole process, so the same chart came out with another id depending on what was drawn before it: an incremental
 * build then wrote a page unlike a full build's, and the PNG cache, keyed by the SVG, missed.
 */
export function renderPlot(options: Plot.PlotOptions, chartId: string): string {
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  const svg = Plot.plot({ ...options, document: document as unknown as Document }) as unknown as Element;
  for (const el of svg.querySelectorAll("[aria-label],[aria-description]")) {
    el.removeAttribute("aria-label");
    el.removeAttribute("aria-description");
  }
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  return withChartIds(svg, chartId).outerHTML;
}

/** Renames every id inside `svg` to `<chartId>-svg-<n>` (n in document order) and each `url(#id)` or `#id` link to it. */
function withChartIds(svg: Element, chartId: string): Element {
  const renamed = new Map<string, string>();
  for (const el of svg.querySelectorAll("[id]")) {
    const id = `${chartId}-svg-${renamed.size + 1}`;
    renamed.set(el.getAttribute("id")!, id);
    el.setAttribute("id", id);
  }
  if (!renamed.size) return svg;
  for (const el of [svg, ...svg.querySelectorAll("*")]) {
    for (const { name, value } of [...el.attributes]) {
      const linked = value.replace(/url\(#([^)]+)\)|^#(.+)$/g, (whole, inUrl?: string, inHref?: string) => {
        const id = renamed.get((inUrl ?? inHref)!);
        return id === undefined ? whole : inUrl !== undefined ? `url(#${id})` : `#${id}`;
      });
      if (linked !== value) el.setAttribute(name, linked);
    }
  }
  return svg;
}
