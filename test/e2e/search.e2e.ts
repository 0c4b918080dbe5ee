import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { loadData } from "../../src/pipeline/loadData.ts";
import { useSiteInBrowser } from "./browser.ts";
import { distDir } from "./helpers.ts";
import { isPrecompressed } from "../../src/pipeline/site/compress.ts";

const site = useSiteInBrowser();
const { data } = await loadData(path.resolve(import.meta.dirname, "../../data"));
/** The overview of activity, or any source table whose printed caption is about activity coded with debitorkode 20. */
const debitorCodePages = [
  "/statistikk/aktivitet/",
  ...data.statistics_tables.rows.filter((r) => /debitorkode 20/i.test(r.record.caption)).map((r) => `/statistikk/tabeller/${r.record.id}/`),
];
/** The offers named HelseIArbeid (several, three of them «HelseIArbeid-senter»): any of them answers the abbreviation. */
const helseIArbeidOffers = data.offers.rows.filter((r) => /helseiarbeid/i.test(r.record.name)).map((r) => `/tilbud/${r.record.id}/`);

/**
 * What a reader types, and a page that must be among the first five results: the domain's words,
 * compounds split both ways, abbreviations, upper and lower case, everyday words and questions.
 */
const queries: [query: string, expected: string | string[]][] = [
  ["angst", "/tilbud/malgruppe/psykisk-helse/"],
  ["ANGST", "/tilbud/malgruppe/psykisk-helse/"],
  ["depresjon", "/tilbud/malgruppe/psykisk-helse/"],
  ["fravær", "/statistikk/effekter/"],
  ["sykefravær", "/kunnskap/tema/effekt-sykefravaer/"],
  ["lidelser", "/kunnskap/oversikter/psykiske-lidelser/"],
  ["skjelettlidelser", "/kunnskap/oversikter/muskel-skjelett/"],
  ["MSK", "/kunnskap/oversikter/muskel-skjelett/"],
  ["muskelskjelett", "/kunnskap/oversikter/muskel-skjelett/"],
  ["arbeidsrettet rehabilitering", "/tilbud/malgruppe/rehabilitering/"],
  ["Raskere tilbake", "/statistikk/pasienter/"],
  ["RT", ["/kilder/iris-2011-rt-tilbud/", "/hva-er-helse-og-arbeid/"]],
  ["HelseIArbeid", "/tilbud/helgeland-helseiarbeid/"],
  ["HIA", helseIArbeidOffers],
  ["helse i arbeid", "/tilbud/unn-helseiarbeid/"],
  ["DPS", "/tilbud/vestre-viken-dps-angst-depresjon/"],
  ["NAV", "/kunnskap/tema/samhandling/"],
  ["fastlege", "/kunnskap/oversikter/fastlege-arbeidsgiver/"],
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
  ["ryggsmerter", "/tilbud/ous-ulleval-nakke-rygg-skulder/"],
  ["hvordan henvise", "/tilbud/slik-henviser-du/"],
  ["virker det", "/statistikk/effekter/"],
  ["hva er raskere tilbake", "/hva-er-helse-og-arbeid/"],
  ["kols", "/statistikk/tabeller/kilde001-tabell-10/"],
];

async function search(page: Page, query: string, extra = ""): Promise<{ status: string; top: string[] }> {
  await page.goto(`${site.url}/sok/?q=${encodeURIComponent(query)}${extra}`);
  await page.waitForFunction(() => /treff/.test(document.querySelector("#sok-status")?.textContent ?? ""));
  return {
    status: (await page.textContent("#sok-status"))!,
    // A best bet counts as the first result: it stands above the list.
    top: await page.$$eval("#sok-beste:not([hidden]) a, #sok-treff h2 a", (links) => links.slice(0, 5).map((a) => new URL((a as HTMLAnchorElement).href).pathname)),
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

  it("keeps and searches what a reader typed before the search script had loaded", async () => {
    const page = await site.browser.newPage();
    let release!: () => void;
    const scriptHeld = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/_astro/index.astro_astro_type_script_*.js", async (route) => {
      await scriptHeld;
      await route.continue();
    });
    await page.goto(`${site.url}/sok/`, { waitUntil: "commit" });
    await page.locator("#sok-q").fill("kreft");
    expect(await page.locator("#sok-js").isHidden()).toBe(true);
    release();
    await page.waitForFunction(() => /treff/.test(document.querySelector("#sok-status")?.textContent ?? ""));
    expect(await page.inputValue("#sok-q")).toBe("kreft");
    expect(await page.textContent("#sok-status")).toMatch(/^\d+ treff/);
    await page.close();
  });

  it("asks «Mente du» for a word the index lacks, and never searches for another word instead", async () => {
    const page = await site.browser.newPage();
    const typo = await search(page, "angts");
    expect(typo.status).toContain("Ingen treff på «angts»");
    expect(typo.top).toEqual([]);
    expect(await page.textContent("#sok-forslag")).toBe("Mente du angst?");
    await page.click("#sok-forslag a");
    await page.waitForFunction(() => /\d+ treff/.test(document.querySelector("#sok-status")?.textContent ?? ""));
    expect(new URL(page.url()).searchParams.get("q")).toBe("angst");
    expect(await page.isHidden("#sok-forslag")).toBe(true);
    // "kols" is a real word the sources do not use: it is read as the site's word for its organ system, and says so;
    // it is never swapped for the nearby "kors".
    const kols = await search(page, "kols");
    expect(kols.status).toContain("«åndedrettssystemet» for «kols»");
    expect(kols.status).not.toContain("kors");
    expect(await page.isHidden("#sok-forslag")).toBe(true);
    await page.close();
  });

  it("shows a best bet above the results for a common question, marked as such", async () => {
    const page = await site.browser.newPage();
    await search(page, "Hvordan henvise?");
    expect(await page.textContent("#sok-beste h2")).toBe("Beste treff");
    expect(await page.getAttribute("#sok-beste a", "href")).toBe("/tilbud/slik-henviser-du/");
    await search(page, "angst");
    expect(await page.isHidden("#sok-beste")).toBe(true);
    await page.close();
  });

  it("puts offers in the named place first for a condition and a place", async () => {
    const page = await site.browser.newPage();
    const { top } = await search(page, "angst bergen");
    expect(top[0]).toMatch(/^\/tilbud\/bergen-/);
    await page.close();
  });

  it("shows in an excerpt only words the reader finds on that page", async () => {
    const page = await site.browser.newPage();
    const problems: string[] = [];
    for (const query of ["msk", "hia", "sykmelding", "angst", "fravær", "ryggsmerter"]) {
      await search(page, query);
      const results = await page.$$eval("#sok-treff .search-result", (items) =>
        items.slice(0, 5).map((li) => ({ href: li.querySelector("a")!.getAttribute("href")!, excerpt: li.querySelector("p:last-of-type")!.textContent! })),
      );
      for (const { href, excerpt } of results) {
        const { pageText, description } = await page.evaluate(async (url) => {
          const doc = new DOMParser().parseFromString(await (await fetch(url)).text(), "text/html");
          return { pageText: doc.body.textContent!.toLowerCase().replace(/\s+/g, " "), description: doc.querySelector("meta[name=description]")!.getAttribute("content")! };
        }, href);
        // A page found only through added words (synonyms, compound parts) shows its own description instead.
        if (excerpt === description) continue;
        const missing = excerpt.toLowerCase().replace(/…/g, " ").split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 3 && !pageText.includes(w));
        if (missing.length) problems.push(`${query} → ${href}: ${missing.join(", ")}`);
      }
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it("puts results before the facets on a phone, with the facets behind «Filtrer» and a count of choices", async () => {
    const page = await site.browser.newPage({ viewport: { width: 375, height: 800 } });
    await search(page, "angst", "&region=Helse+Vest");
    const first = await page.$eval("#sok-treff .search-result", (li) => li.getBoundingClientRect().top);
    expect(first).toBeLessThan(800);
    expect(await page.textContent("#sok-filter summary")).toBe("Filtrer (1 valgt)");
    expect(await page.isVisible("#sok-fasetter fieldset")).toBe(false);
    await page.click("#sok-filter summary");
    expect(await page.isVisible("#sok-fasetter fieldset")).toBe(true);
    await page.close();
  });

  it("offers no search box without JavaScript, but a way to the overviews", async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}/kunnskap/`);
    expect(await page.isVisible(".header-search")).toBe(false);
    expect(await page.getAttribute("header a.header-find", "href")).toBe("/sok/");
    await page.goto(`${site.url}/sok/`);
    // Without JavaScript the search page lists the overviews that lead to every page.
    expect(await page.locator("main a[href='/tilbud/']:visible").count()).toBeGreaterThan(0);
    await context.close();
  });

  it("says so when the index cannot be loaded whole, and searches in none of it", async () => {
    const page = await site.browser.newPage();
    await page.route("**/pagefind/bundles.json", (route) => route.fulfill({ status: 404, body: "" }));
    await page.goto(`${site.url}/sok/?q=angst`);
    await page.locator("#sok-feil").waitFor({ state: "visible" });
    expect(await page.textContent("#sok-feil")).toMatch(/Søket kunne ikke lastes/);
    expect(await page.isVisible("#sok-js")).toBe(false);
    expect(await page.locator("#sok-treff li").count()).toBe(0);
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
      for (const bundle of await (await fetch("/pagefind/bundles.json")).json()) await pagefind.mergeIndex(bundle);
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
    // (Not the .gz and .br copies the compress stage writes beside pagefind.js and the other text files.)
    const files = (await readdir(path.join(distDir, "pagefind"), { recursive: true })).filter((f) => !isPrecompressed(f));
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
