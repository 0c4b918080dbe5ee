import { access, readFile } from "node:fs/promises";
import path from "node:path";
import { fileOfHref, offerHref, sitePages, sourceHref } from "../../addresses.ts";
import type { LoadedData } from "../loadData.ts";

/** What the verify stage needs of the data: the ids that must each have a page. */
export interface ExpectedPages {
  sourceIds: string[];
  offerIds: string[];
}

export const expectedPages = (data: LoadedData): ExpectedPages => ({
  sourceIds: data.sources.rows.map((r) => r.record.id),
  offerIds: data.offers.rows.map((r) => r.record.id),
});

/**
 * Verify stage: checks the built site itself, because some failures upstream only log
 * (a page that silently did not render, an index that was not written). Returns the number of checks.
 */
export async function verifySite(siteDir: string, expected: ExpectedPages): Promise<number> {
  const problems: string[] = [];
  let checks = 0;
  const exists = (rel: string) => access(path.join(siteDir, rel)).then(() => true, () => false);

  for (const id of expected.sourceIds) {
    checks++;
    const page = fileOfHref(sourceHref(id));
    if (!(await exists(page))) problems.push(`source ${id} has no page (${page})`);
  }
  for (const id of expected.offerIds) {
    checks++;
    const page = fileOfHref(offerHref(id));
    if (!(await exists(page))) problems.push(`offer ${id} has no page (${page})`);
  }
  for (const page of [sitePages.home, sitePages.offers, sitePages.notFound, sitePages.sources, sitePages.appropriations].map(fileOfHref)) {
    checks++;
    if (!(await exists(page))) problems.push(`expected page ${page} is missing`);
  }
  checks++;
  if (!(await exists("pagefind/pagefind-entry.json"))) problems.push("the search index (pagefind/pagefind-entry.json) is missing");
  // The search page merges the bundles this list names (src/pipeline/search/searchBundles.ts); one missing loses its pages' results.
  checks++;
  const bundleList = fileOfHref(sitePages.searchBundles);
  const bundles: unknown = await readFile(path.join(siteDir, bundleList), "utf8").then(JSON.parse, () => undefined);
  if (!Array.isArray(bundles)) problems.push(`the list of the search index's bundles (${bundleList}) is missing or not a list`);
  else {
    for (const href of bundles) {
      checks++;
      if (!(await exists(fileOfHref(`${href}pagefind-entry.json`)))) problems.push(`the search index's bundle ${href}, listed in ${bundleList}, is missing`);
    }
  }

  checks++;
  const statsPage = await readFile(path.join(siteDir, fileOfHref(sitePages.appropriations)), "utf8").catch(() => "");
  if (!/<figure class="chart"[^>]*>[\s\S]*?<svg[\s\S]*?<\/figure>/.test(statsPage)) {
    problems.push("statistikk/bevilgninger has no chart figure with an SVG");
  }

  // The figure list links each chart to its page (src/charts/chartPages.ts): each link must reach a page showing that figure.
  const figureList = await readFile(path.join(siteDir, fileOfHref(sitePages.figures)), "utf8").catch(() => "");
  const grid = /<ul class="figure-grid"[^>]*>([\s\S]*?)<\/ul>/.exec(figureList)?.[1] ?? "";
  checks++;
  if (!/<li/.test(grid)) problems.push(`the figure list (${fileOfHref(sitePages.figures)}) lists no figures`);
  for (const [, href] of grid.matchAll(/<p><a href="([^"]+)"/g)) {
    checks++;
    const [pagePath, id] = href!.split("#");
    const target = await readFile(path.join(siteDir, fileOfHref(pagePath!)), "utf8").catch(() => "");
    if (!id || !target.includes(`<figure class="chart" id="${id}"`)) {
      problems.push(`the figure list links ${id ?? href} to ${href}, which shows no such figure`);
    }
  }
  if (problems.length) throw new Error(`The built site failed verification:\n- ${problems.join("\n- ")}`);
  return checks;
}
