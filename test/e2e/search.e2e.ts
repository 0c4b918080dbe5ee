import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { loadData } from "../../src/pipeline/loadData.ts";
import { useSiteInBrowser } from "./browser.ts";
import { distDir } from "./helpers.ts";

const site = useSiteInBrowser();
const { data } = await loadData(path.resolve(import.meta.dirname, "../../data"));
/** The overview of activity, or any source table whose printed caption is about activity coded with debitorkode 20. */
const debitorCodePages = [
  "/statistikk/aktivitet/",
  ...data.statistics_tables.rows.filter((r) => /debitorkode 20/i.test(r.record.caption)).map((r) => `/statistikk/tabeller/${r.record.id}/`),
];

/**
 * What a reader types, and a page that must be among the first five results: the domain's words,
 * compounds split both ways, abbreviations, upper and lower case, and typos of one letter.
 */
const queries: [query: string, expected: string | string[]][] = [
  ["angst", "/tilbud/malgruppe/psykisk-helse/"],
  ["ANGST", "/tilbud/malgruppe/psykisk-helse/"],
  ["angts", "/tilbud/malgruppe/psykisk-helse/"],
  ["depresjon", "/tilbud/malgruppe/psykisk-helse/"],
  ["fravær", "/statistikk/effekter/"],
  ["sykefravær", "/kunnskap/tema/effekt-sykefravaer/"],
  ["sykefavær", "/statistikk/effekter/"],
  ["lidelser", "/kunnskap/oversikter/psykiske-lidelser/"],
  ["skjelettlidelser", "/kunnskap/oversikter/muskel-skjelett/"],
  ["MSK", "/kunnskap/oversikter/muskel-skjelett/"],
  ["muskelskjelett", "/kunnskap/oversikter/muskel-skjelett/"],
  ["arbeidsrettet rehabilitering", "/tilbud/malgruppe/rehabilitering/"],
  ["Raskere tilbake", "/statistikk/pasienter/"],
  ["RT", "/kilder/iris-2011-rt-tilbud/"],
  ["HelseIArbeid", "/tilbud/helgeland-helseiarbeid/"],
  ["HIA", "/tilbud/unn-helseiarbeid/"],
  ["helse i arbeid", "/tilbud/unn-helseiarbeid/"],
  ["DPS", "/tilbud/vestre-viken-dps-angst-depresjon/"],
  ["NAV", "/kunnskap/tema/samhandling/"],
  ["fastlege", "/kunnskap/oversikter/fastlege-arbeidsgiver/"],
  ["fastlgee", "/tilbud/slik-henviser-du/"],
  ["henvisning", "/kunnskap/tema/henvisning/"],
  ["debitorkode 20", debitorCodePages],
  ["TSB", "/statistikk/aktivitet/"],
  ["IPS", "/kunnskap/studier/reme-2019/"],
  ["kreft", "/kunnskap/oversikter/kreft/"],
  ["hjerneskade", "/tilbud/malgruppe/hjerneskade/"],
  ["Tønsberg", "/tilbud/siv-rask-avklaring/"],
  ["koordinator", "/kunnskap/tema/koordinering/"],
  ["bevilgninger", "/statistikk/bevilgninger/"],
  ["ventetid", "/statistikk/ventetid-og-sykefravaer/"],
  ["Delphi", "/kunnskap/delphi-studien/"],
];

async function search(page: Page, query: string, extra = ""): Promise<{ status: string; top: string[] }> {
  await page.goto(`${site.url}/sok/?q=${encodeURIComponent(query)}${extra}`);
  await page.waitForFunction(() => /treff/.test(document.querySelector("#sok-status")?.textContent ?? ""));
  return {
    status: (await page.textContent("#sok-status"))!,
    top: await page.$$eval("#sok-treff h2 a", (links) => links.slice(0, 5).map((a) => new URL((a as HTMLAnchorElement).href).pathname)),
  };
}

describe("search", () => {
  it(`finds the expected page among the first five results for ${queries.length} queries`, async () => {
    expect(queries.length).toBeGreaterThanOrEqual(25);
    const page = await site.browser.newPage();
    const misses: string[] = [];
    for (const [query, expected] of queries) {
      const { top } = await search(page, query);
      const wanted = typeof expected === "string" ? [expected] : expected;
      if (!top.some((href) => wanted.includes(href))) misses.push(`${query} → ${wanted.join(" or ")} not in ${top.join(", ")}`);
    }
    expect(misses).toEqual([]);
    await page.close();
  });

  it("says when it corrected a typo", async () => {
    const page = await site.browser.newPage();
    expect((await search(page, "angts")).status).toContain("viser treff for «angst»");
    expect((await search(page, "angst")).status).not.toContain("viser treff for");
    await page.close();
  });

  it("narrows results by content type and region, keeps the facets in the URL, and shows type and region on each result", async () => {
    const page = await site.browser.newPage();
    const all = await search(page, "angst");
    await page.check("input[name=type][value=Tilbud]");
    await page.waitForURL(/type=Tilbud/);
    // A facet's own choice does not zero its other values: they still count what choosing them too would add.
    await page.waitForFunction(() => {
      const metas = [...document.querySelectorAll(".search-result-meta")];
      return metas.length > 0 && metas.every((m) => m.textContent!.startsWith("Tilbud"));
    });
    const otherType = await page.textContent("label[for='fasett-type-Kunnskap']");
    expect(Number(/\((\d+)\)/.exec(otherType!)![1])).toBeGreaterThan(0);
    await page.check("input[name=region][value='Helse Vest']");
    await page.waitForURL(/region=Helse\+Vest/);
    await page.waitForFunction(() => {
      const metas = [...document.querySelectorAll(".search-result-meta")];
      return metas.length > 0 && metas.every((m) => m.textContent!.includes("Helse Vest"));
    });
    const metas = await page.$$eval(".search-result-meta", (ms) => ms.map((m) => m.textContent!));
    expect(metas.length).toBeGreaterThan(0);
    for (const meta of metas) expect(meta).toMatch(/^Tilbud · Helse Vest/);
    const narrowed = Number(/(\d+) treff/.exec((await page.textContent("#sok-status"))!)![1]);
    expect(narrowed).toBeLessThan(Number(/(\d+) treff/.exec(all.status)![1]));
    // The facets survive a reload from the URL.
    await page.reload();
    await page.waitForFunction(() => /treff/.test(document.querySelector("#sok-status")?.textContent ?? ""));
    expect(await page.isChecked("input[name=region][value='Helse Vest']")).toBe(true);
    await page.close();
  });

  it("filters research by diagnosis group and year", async () => {
    const page = await site.browser.newPage();
    await search(page, "arbeid", "&gruppe=Kreft&%C3%A5r=2021");
    const links = await page.$$eval("#sok-treff h2 a", (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link).toMatch(/^\/kunnskap\/studier\//);
    await page.close();
  });

  it("does not index navigation, footer, the search page or the 404 page", async () => {
    const page = await site.browser.newPage();
    // The text Pagefind holds for a page carries none of the skip link, navigation, search box or footer.
    await page.goto(`${site.url}/sok/`);
    // A string, so the test runner does not rewrite the browser's dynamic import.
    const content = (await page.evaluate(`(async () => {
      const pagefind = await import("/pagefind/pagefind.js");
      const { results } = await pagefind.search("kreft");
      return Promise.all(results.slice(0, 10).map(async (r) => (await r.data()).content));
    })()`)) as string[];
    expect(content.length).toBe(10);
    for (const text of content) {
      for (const boilerplate of ["Hopp til innholdet", "Innholdet kan brukes fritt under lisensen", "Datautgave 20"]) expect(text).not.toContain(boilerplate);
    }
    const { top } = await search(page, "Fant ikke siden");
    expect(top).not.toContain("/404.html");
    await page.close();
  });

  it("prints the index size and the time to the first result", async () => {
    const files = await readdir(path.join(distDir, "pagefind"), { recursive: true });
    let bytes = 0;
    for (const f of files) {
      const s = await stat(path.join(distDir, "pagefind", f));
      if (s.isFile()) bytes += s.size;
    }
    const page = await site.browser.newPage();
    const started = Date.now();
    await search(page, "sykefravær");
    const firstResult = Date.now() - started;
    const searchMs = await page.$eval("#sok-status", (s) => (s as HTMLElement).dataset.ms);
    console.log(`Search index: ${(bytes / 1024).toFixed(0)} KiB in ${files.length} files; first result after ${firstResult} ms (page load included), search itself ${searchMs} ms`);
    expect(bytes).toBeGreaterThan(0);
    await page.close();
  });
});
