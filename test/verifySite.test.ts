// The verify stage on small built sites made here: what it requires of a site, and what it says is missing.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { verifySite } from "../src/pipeline/verify/verifySite.ts";

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

const chartPage = '<main><figure class="chart" id="f1"><svg viewBox="0 0 10 10"><rect/></svg><figcaption>Bevilgninger</figcaption></figure></main>';

/** A built site with the given files (path → content). */
async function site(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "hoa-verify-"));
  dirs.push(dir);
  for (const [rel, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), content);
  }
  return dir;
}

/** Every page and file the stage requires, for sources a and b and offer x. */
const complete: Record<string, string> = {
  "index.html": "<p>forside</p>",
  "404.html": "<p>ikke funnet</p>",
  "tilbud/index.html": "<p>tilbud</p>",
  "kilder/index.html": "<p>kilder</p>",
  "statistikk/bevilgninger/index.html": chartPage,
  "pagefind/pagefind-entry.json": "{}",
  "pagefind/bundles.json": '["/pagefind/deler/2-a/"]',
  "pagefind/deler/2-a/pagefind-entry.json": "{}",
  "kilder/a/index.html": "<p>a</p>",
  "kilder/b/index.html": "<p>b</p>",
  "tilbud/x/index.html": "<p>x</p>",
  "statistikk/figurer/index.html": '<ul class="figure-grid"><li><p><a href="/statistikk/aktivitet/#f2">Aktivitet</a></p></li></ul>',
  "statistikk/aktivitet/index.html": '<figure class="chart" id="f2"><svg></svg></figure>',
};
const expected = { sourceIds: ["a", "b"], offerIds: ["x"] };

/** The problems the stage finds, one per line, or [] when it passes. */
const problems = (dir: string) =>
  verifySite(dir, expected).then(
    () => [],
    (e: Error) => e.message.split("\n").slice(1),
  );

describe("the verify stage", () => {
  it("passes a complete site, counting one check per source, offer, fixed page, the index, its list of bundles and each bundle, the chart, the figure list and its link", async () => {
    expect(await verifySite(await site(complete), expected)).toBe(2 + 1 + 5 + 1 + 1 + 1 + 1 + 1 + 1);
  });

  it("fails a site that lacks a page of a source or an offer, naming each", async () => {
    const { ["kilder/b/index.html"]: _b, ["tilbud/x/index.html"]: _x, ...rest } = complete;
    const error = await verifySite(await site(rest), expected).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(
      "The built site failed verification:\n- source b has no page (kilder/b/index.html)\n- offer x has no page (tilbud/x/index.html)",
    );
  });

  it("fails an empty site with every fixed page, the search index and the chart named", async () => {
    expect(await problems(await site({ "kilder/a/index.html": "", "kilder/b/index.html": "", "tilbud/x/index.html": "" }))).toEqual([
      "- expected page index.html is missing",
      "- expected page tilbud/index.html is missing",
      "- expected page 404.html is missing",
      "- expected page kilder/index.html is missing",
      "- expected page statistikk/bevilgninger/index.html is missing",
      "- the search index (pagefind/pagefind-entry.json) is missing",
      "- the list of the search index's bundles (pagefind/bundles.json) is missing or not a list",
      "- statistikk/bevilgninger has no chart figure with an SVG",
      "- the figure list (statistikk/figurer/index.html) lists no figures",
    ]);
  });

  it("fails a site whose list of bundles names one that is not there, or is not a list", async () => {
    const { ["pagefind/deler/2-a/pagefind-entry.json"]: _bundle, ...rest } = complete;
    expect(await problems(await site(rest))).toEqual(["- the search index's bundle /pagefind/deler/2-a/, listed in pagefind/bundles.json, is missing"]);
    expect(await problems(await site({ ...complete, "pagefind/bundles.json": '{"a": 1}' }))).toEqual([
      "- the list of the search index's bundles (pagefind/bundles.json) is missing or not a list",
    ]);
  });

  it("fails a figure list link that does not reach the page showing that figure", async () => {
    const list = (href: string) => `<ul class="figure-grid"><li><p><a href="${href}">Aktivitet</a></p></li></ul>`;
    const wrongPage = { ...complete, "statistikk/figurer/index.html": list("/statistikk/bevilgninger/#f2") };
    expect(await problems(await site(wrongPage))).toEqual([
      "- the figure list links f2 to /statistikk/bevilgninger/#f2, which shows no such figure",
    ]);
    const noAnchor = { ...complete, "statistikk/figurer/index.html": list("/statistikk/aktivitet/") };
    expect(await problems(await site(noAnchor))).toEqual([
      "- the figure list links /statistikk/aktivitet/ to /statistikk/aktivitet/, which shows no such figure",
    ]);
    const twoLinks = { ...complete, "statistikk/figurer/index.html": list("/statistikk/aktivitet/#f2").replace("</ul>", '<li><p><a href="/statistikk/aktivitet/#f2">x</a></p></li></ul>') };
    expect(await verifySite(await site(twoLinks), expected)).toBe(2 + 1 + 5 + 1 + 1 + 1 + 1 + 1 + 2);
  });

  it("fails a statistics page whose chart figure has no drawing", async () => {
    const noSvg = { ...complete, "statistikk/bevilgninger/index.html": '<figure class="chart"><table></table></figure>' };
    expect(await problems(await site(noSvg))).toEqual(["- statistikk/bevilgninger has no chart figure with an SVG"]);
    const svgOutside = { ...complete, "statistikk/bevilgninger/index.html": '<figure class="chart"></figure><svg></svg>' };
    expect(await problems(await site(svgOutside))).toEqual(["- statistikk/bevilgninger has no chart figure with an SVG"]);
  });
});
