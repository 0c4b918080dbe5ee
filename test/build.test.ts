import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { access, appendFile, link, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { csvFormat, csvParse, dsvFormat } from "d3-dsv";
import { parseHTML } from "linkedom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cacheBeside, copyOfShippedData, projectRoot, regenerateFromShippedData, removeDataCopy, shippedData } from "./helpers.ts";
import { placeholderUrl } from "../src/siteConfig.ts";
import { astroCacheOf, readAstroManifest, type AstroManifest } from "../src/pipeline/astro/astroCache.ts";
import { cacheDirVariable } from "../src/fileCache.ts";
import { builtFileHashes, readStamp } from "../src/pipeline/buildCache.ts";

/** Text that would break or inject into MDX/HTML/JSX if it were not escaped. */
const hostile = [
  "{alert(1)}",
  "<script>alert('x')</script>",
  "import fs from 'node:fs'",
  "export const pwned = true",
  "`backticks` and <!-- a comment -->",
  "</p><h1>Injected</h1>",
  "{/* jsx comment */}",
  "</textarea><svg onload=alert(1)>",
  "Emoji 🧠🏥 og kombinerte tegn: e\u0301, a\u030A, Ø",
].join("\n\n");

let dataDir: string;
let outDir: string;

/** The environment of a build: this one's, with the site's address (SITE_URL, SITE_FEEDBACK_EMAIL) only as given, and a cache beside the data. */
function envWith(address: { SITE_URL?: string; SITE_FEEDBACK_EMAIL?: string } = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.SITE_URL;
  delete env.SITE_FEEDBACK_EMAIL;
  return { ...env, ...cacheBeside(dataDir), ...address };
}

/** A build without SITE_URL: a local preview at the placeholder address (the tests below name it). */
function build(data: string, out = outDir) {
  return spawnSync(process.execPath, ["scripts/build.ts", "--data", data, "--out", out], {
    cwd: projectRoot,
    encoding: "utf8",
    env: envWith(),
  });
}

/** The pages of the current release: not the archived copies under arkiv/, nor the pages at moved addresses. */
async function currentPages(): Promise<string[]> {
  const { redirects } = await import("../src/redirects.ts");
  const { fileOfHref } = await import("../src/addresses.ts");
  const moved = new Set(redirects.map((r) => fileOfHref(r.from)));
  return (await readdir(outDir, { recursive: true })).filter((f) => f.endsWith(".html") && !/^arkiv\/[^/]+\//.test(f) && !moved.has(f));
}

async function page(rel: string): Promise<Document> {
  const html = await readFile(path.join(outDir, rel), "utf8");
  return parseHTML(html).document as unknown as Document;
}

beforeAll(async () => {
  dataDir = await copyOfShippedData();
  outDir = path.join(path.dirname(dataDir), "dist");
  const file = path.join(dataDir, "sources.csv");
  const rows = csvParse(await readFile(file, "utf8"));
  rows[0]!.note = hostile;
  rows[0]!.title = "Tittel med {klammer} & <b>tagger</b>";
  await writeFile(file, csvFormat(rows, rows.columns));
  const result = build(dataDir);
  if (result.status !== 0) throw new Error(`build failed:\n${result.stdout}\n${result.stderr}`);
  expect(result.stdout).toMatch(/\[read\+validate\] data\/sources\.csv: 5 rows read, 5 valid/);
  expect(result.stdout).toMatch(/\[astro build\] \d+ pages built;/);
  expect(result.stdout).toMatch(/\[site files\] .* sitemap with \d+ addresses, [1-9]\d* charts on the pages/);
  expect(result.stdout).toMatch(/\[index\] \d+ pages indexed for search/);
});

/** Further data copies made by single tests, removed at the end. */
const tempDirs: string[] = [];

afterAll(async () => {
  await Promise.all([dataDir, ...tempDirs].map(removeDataCopy));
  regenerateFromShippedData();
});

describe("the built site", () => {
  it("has a page per source, in Norwegian", async () => {
    const sources = csvParse(await readFile(path.join(dataDir, "sources.csv"), "utf8"));
    for (const s of sources) {
      const doc = await page(`kilder/${s.id}/index.html`);
      expect(doc.documentElement.getAttribute("lang")).toBe("nb");
      expect(doc.querySelector("h1")?.textContent).toBe(s.title);
    }
    const list = await page("kilder/index.html");
    expect(list.querySelectorAll("main li a").length).toBe(sources.length);
  });

  it("shows text from CSV literally: nothing in it becomes markup or code", async () => {
    const sources = csvParse(await readFile(path.join(dataDir, "sources.csv"), "utf8"));
    const html = await readFile(path.join(outDir, `kilder/${sources[0]!.id}/index.html`), "utf8");
    const doc = parseHTML(html).document;
    const text = doc.querySelector("main")!.textContent!;
    for (const part of hostile.split("\n\n")) expect(text).toContain(part);
    expect(doc.querySelector("h1")!.textContent).toBe("Tittel med {klammer} & <b>tagger</b>");
    expect(doc.querySelectorAll("main script, main b").length).toBe(0);
    expect(doc.querySelectorAll("main h1").length).toBe(1);
    expect(html).not.toContain("<script>alert");
  });

  it("renders the chart as static SVG inside a figure with title, caption, source and data table", async () => {
    const doc = await page("statistikk/bevilgninger/index.html");
    const figure = doc.querySelector("figure.chart")!;
    expect(figure).not.toBeNull();
    expect(figure.querySelector(".chart-title")!.textContent).toContain("Bevilgninger");
    expect(figure.querySelector(".chart-svg svg")).not.toBeNull();
    expect(figure.querySelector("figcaption")!.textContent).toContain("Tabell 2.1");
    // Plot labels its groups with aria-label, which axe rejects on elements without a role.
    expect(figure.querySelectorAll("g[aria-label]").length).toBe(0);
    const graphic = figure.querySelector("[role=img]")!;
    expect(graphic.getAttribute("aria-label")).toBeTruthy();
    expect(doc.getElementById(graphic.getAttribute("aria-describedby")!)?.textContent?.length).toBeGreaterThan(20);
    const appropriations = csvParse(await readFile(path.join(dataDir, "appropriations.csv"), "utf8"));
    const yearly = appropriations.filter((r) => r.is_total === "nei");
    expect(figure.querySelectorAll("tbody tr").length).toBe(yearly.length);
    expect(figure.querySelectorAll("svg rect").length).toBe(yearly.length);
  });

  it("formats numbers the Norwegian way: a (non-breaking) space between thousands", async () => {
    const doc = await page("statistikk/bevilgninger/index.html");
    const cells = [...doc.querySelectorAll("figure.chart tbody td.num")].map((td) => td.textContent!);
    expect(cells.length).toBeGreaterThan(0);
    for (const cell of cells) expect(cell).toMatch(/^\d{1,3}(\u00a0\d{3})+( \(beregnet\))?$/);
  });

  it("has one page per offer, and the directory lists each of them once", async () => {
    const offers = csvParse(await readFile(path.join(dataDir, "offers.csv"), "utf8"));
    const directory = await page("tilbud/index.html");
    const listed = [...directory.querySelectorAll("li.offer a")].map((a) => a.getAttribute("href"));
    expect(listed.sort()).toEqual(offers.map((o) => `/tilbud/${o.id}/`).sort());
    for (const o of offers) {
      const doc = await page(`tilbud/${o.id}/index.html`);
      expect(doc.querySelector("h1")!.textContent).toBe(o.name);
      expect(doc.querySelector("#stemmer-det")!.parentElement!.textContent).toMatch(/Beskrivelsen gjelder (våren 2019|2020\/21)/);
      // Our description comes right under the heading, before anything else about the offer.
      if (o.description) expect(doc.querySelector("h1 ~ p:not(.lead):not(.tag)")!.textContent).toBe(o.description);
      expect(doc.querySelector("main")!.textContent, o.id).not.toMatch(/\blinje \d|tekstutgave/);
    }
  });

  it("puts on each offer page, in this order: what and for whom, Henvis hit, whether it is still true, then the history", async () => {
    const offers = csvParse(await readFile(path.join(dataDir, "offers.csv"), "utf8"));
    const facts = csvParse(await readFile(path.join(dataDir, "referral_facts.csv"), "utf8"));
    for (const o of offers) {
      const doc = await page(`tilbud/${o.id}/index.html`);
      const headings = [...doc.querySelectorAll("main h2")].map((h) => h.id);
      expect(headings.slice(0, 3), o.id).toEqual(["henvis-hit", "stemmer-det", "historikk"]);
      const refer = doc.querySelector("#henvis-hit")!.parentElement!;
      const own = facts.filter((f) => (f.offer_ids ?? "").split(";").includes(o.id!));
      expect(refer.querySelectorAll(".checklist li").length, o.id).toBe(own.length);
      for (const f of own) expect(refer.textContent, o.id).toContain(f.fact!);
      if (own.length === 0) expect(refer.textContent, o.id).toContain("Kildene sier ikke noe om henvisning til akkurat dette tilbudet");
      expect(refer.querySelector('a[href$="#henvisning"]')!.getAttribute("href"), o.id).toMatch(/^\/tilbud\/region\/[a-z-]+\/#henvisning$/);
      const report = doc.querySelector('a[href^="mailto:"]')!.getAttribute("href")!;
      expect(decodeURIComponent(report), o.id).toContain(`Rettelse til tilbud ${o.id}`);
      if (!o.last_verified) expect(doc.querySelector("#stemmer-det")!.parentElement!.textContent, o.id).toContain("Ikke kontrollert siden kilden");
    }
  });

  it("says each thing once: no block of 15 or more words stands on more than 5 offer pages", async () => {
    const offers = csvParse(await readFile(path.join(dataDir, "offers.csv"), "utf8"));
    const pagesWith = new Map<string, number>();
    for (const o of offers) {
      const doc = await page(`tilbud/${o.id}/index.html`);
      doc.querySelectorAll("details.cite").forEach((e) => e.remove());
      const blocks = new Set([...doc.querySelectorAll("main p, main li, main dd")].map((e) => e.textContent!.replace(/\s+/g, " ").trim()));
      for (const block of blocks) if (block.split(" ").length >= 15) pagesWith.set(block, (pagesWith.get(block) ?? 0) + 1);
    }
    expect([...pagesWith].filter(([, n]) => n > 5)).toEqual([]);
  });

  it("shows cells of every statistics table in Norwegian number format, on its page and in its CSV", async () => {
    const cells = csvParse(await readFile(path.join(dataDir, "statistics.csv"), "utf8"));
    const byTable = Map.groupBy(cells, (c) => c.table_id);
    let checked = 0;
    for (const [tableId, tableCells] of byTable) {
      const numeric = tableCells.filter((c) => c.value !== "");
      // The first, middle and last cell of each table that holds a number.
      for (const cell of new Set([numeric[0]!, numeric[Math.floor(numeric.length / 2)]!, numeric.at(-1)!])) {
        const printed = cell.value_as_printed!.replace(/\s/g, "");
        // How a Norwegian reader should see it: thousands apart by a non-breaking space, a decimal comma.
        const thousandsComma = cell.unit === "antall" && /^\d{1,3}(,\d{3})+$/.test(printed);
        const decimals = !thousandsComma && /[.,](\d+)$/.exec(printed)?.[1]?.length || 0;
        const expected = new Intl.NumberFormat("nb-NO", { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(Number(cell.value));
        const doc = await page(`statistikk/tabeller/${tableId}/index.html`);
        const texts = [...doc.querySelectorAll("td.num")].map((td) => td.firstChild?.textContent?.trim());
        expect(texts, `${cell.id} (${cell.value_as_printed})`).toContain(expected);
        const csv = csvParse(await readFile(path.join(outDir, `statistikk/tabeller/${tableId}.csv`), "utf8"));
        expect(csv.some((r) => r.verdi_i_kilden === cell.value_as_printed && Number(r.verdi) === Number(cell.value)), cell.id).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(30);
  });

  it("lists every table of the five documents, each on its page or with why it is left out", async () => {
    // Counted by hand from the documents' captions (Tabell 4.4, 4.5, 4.7 and 4.8 of the evaluation have lost theirs in
    // the text edition, but the review tables are there); not from the code under test.
    const expected: Record<string, number> = {
      "snf-2008-implementering": 4,
      "iris-2011-rt-tilbud": 14,
      "sintef-ntnu-folgeevaluering-vedlegg": 93,
      "delphi-rtw-artikkel": 3,
      "nmbu-2016-masteroppgave": 3,
    };
    const list = csvParse(await readFile(path.join(dataDir, "source_tables.csv"), "utf8"));
    const counted = Object.fromEntries(Object.keys(expected).map((id) => [id, list.filter((t) => t.source_id === id).length]));
    expect(counted).toEqual(expected);
    const index = await page("statistikk/tabeller/index.html");
    for (const [sourceId, count] of Object.entries(expected)) {
      const items = index.querySelectorAll(`section[aria-labelledby="dok-${sourceId}"] li[data-status]`);
      expect(items.length, sourceId).toBe(count);
    }
    const onSite = list.filter((t) => t.status !== "utelatt");
    expect(onSite.length).toBeGreaterThanOrEqual(110);
    for (const t of list.filter((t) => t.status === "utelatt")) {
      const item = [...index.querySelectorAll("li[data-status=utelatt]")].find((li) => li.textContent!.includes(t.reason!));
      expect(item, `${t.id} is listed with its reason`).toBeTruthy();
    }
    for (const t of list.filter((t) => t.status === "statistikk")) {
      for (const tableId of t.table_ids!.split("; ")) {
        const doc = await page(`statistikk/tabeller/${tableId}/index.html`);
        const shown = doc.querySelectorAll("main td.num").length + doc.querySelectorAll("main .table-items dt").length;
        expect(shown, `${t.id}: ${tableId}`).toBeGreaterThan(0);
        expect(index.querySelector(`a[href="/statistikk/tabeller/${tableId}/"]`), tableId).not.toBeNull();
      }
    }
  });

  it("marks cells placed by reasoning, and lists values it could not place with their count", async () => {
    const tables = csvParse(await readFile(path.join(dataDir, "statistics_tables.csv"), "utf8"));
    const cells = csvParse(await readFile(path.join(dataDir, "statistics.csv"), "utf8"));
    const withUnplaced = tables.filter((t) => t.unplaced_values);
    expect(withUnplaced.length).toBeGreaterThan(0);
    for (const t of withUnplaced) {
      const doc = await page(`statistikk/tabeller/${t.id}/index.html`);
      const heading = doc.getElementById("ikke-plassert")!;
      const values = t.unplaced_values!.split("; ").flatMap((g) => g.slice(g.lastIndexOf(": ") + (g.includes(": ") ? 2 : 0)).trim().split(/\s+/));
      expect(heading.textContent, t.id).toContain(`Ikke plassert (${values.length} verdier)`);
    }
    const derived = cells.filter((c) => c.placement_derived === "ja");
    expect(derived.length).toBeGreaterThan(0);
    for (const tableId of new Set(derived.slice(0, 400).map((c) => c.table_id))) {
      const doc = await page(`statistikk/tabeller/${tableId}/index.html`);
      const marked = doc.querySelectorAll("td.derived").length;
      expect(marked, tableId).toBe(derived.filter((c) => c.table_id === tableId).length);
      expect(doc.querySelector(".table-notes, .table-wide-notes")?.parentElement?.textContent, tableId).toContain("Plassering utledet");
    }
  });

  it("offers each table for Norwegian Excel: semicolons, decimal comma, the same numbers", async () => {
    const cells = csvParse(await readFile(path.join(dataDir, "statistics.csv"), "utf8"));
    for (const tableId of ["tabell-5-1", "kilde000-tabell-2", "tabell-4-50"]) {
      const file = await readFile(path.join(outDir, `statistikk/tabeller/excel/${tableId}.csv`), "utf8");
      expect(file.charCodeAt(0), tableId).toBe(0xfeff);
      const rows = dsvFormat(";").parseRows(file.slice(1).trimEnd().replace(/\r\n/g, "\n"));
      const tableCells = cells.filter((c) => c.table_id === tableId);
      expect(rows.length - 1, tableId).toBe(new Set(tableCells.map((c) => c.row_order)).size);
      expect(rows[0]!.length - 1, tableId).toBe(new Set(tableCells.map((c) => c.column_order)).size);
      for (const c of tableCells.filter((c) => c.value !== "")) {
        const row = rows.find((r) => r[0] === c.row_label)!;
        expect(row, c.id).toBeTruthy();
        // The value as Excel in Norway reads it: decimal comma, no thousands separator.
        const excel = row[rows[0]!.indexOf(c.column_label!)]!;
        expect(excel, c.id).toMatch(/^-?\d+(,\d+)?$/);
        expect(Number(excel.replace(",", ".")), c.id).toBe(Number(c.value));
      }
    }
    const page_ = await page("statistikk/tabeller/tabell-5-1/index.html");
    expect(page_.querySelector('a[href="/statistikk/tabeller/excel/tabell-5-1.csv"]')).not.toBeNull();
  });

  it("gives each key figure its definition, period, source and a path to its table", async () => {
    const figures = csvParse(await readFile(path.join(dataDir, "key_figures.csv"), "utf8"));
    const doc = await page("statistikk/nokkeltall/index.html");
    for (const f of figures) {
      const section = doc.querySelector(`section[aria-labelledby="${f.id}"]`)!;
      expect(section, f.id).not.toBeNull();
      expect(section.textContent, f.id).toContain(f.definition!);
      expect(section.textContent, f.id).toContain(f.period!);
      expect(section.textContent, f.id).toContain(`«${f.value_as_printed}»`);
      expect(section.querySelector(`a[href="${f.href}"]`), f.id).not.toBeNull();
      await access(path.join(outDir, f.href!.split("#")[0]!, "index.html"));
    }
    const home = await page("index.html");
    for (const f of figures.filter((f) => f.on_home === "ja")) {
      expect(home.querySelector(`a[href="/statistikk/nokkeltall/#${f.id}"]`), f.id).not.toBeNull();
    }
  });

  it("gives every chart a caption with its source, a data table and working downloads", async () => {
    const files = (await readdir(outDir, { recursive: true })).filter((f) => f.endsWith(".html"));
    let charts = 0;
    for (const file of files) {
      const doc = parseHTML(await readFile(path.join(outDir, file), "utf8")).document;
      for (const figure of doc.querySelectorAll("figure.chart")) {
        charts++;
        const id = figure.getAttribute("id");
        expect(figure.querySelector("figcaption")?.textContent, `${file}#${id}`).toMatch(/Kilde: .+/);
        expect(figure.querySelectorAll("details table tbody tr").length, `${file}#${id}`).toBeGreaterThan(0);
        expect(figure.querySelector(".chart-svg svg"), `${file}#${id}`).not.toBeNull();
        expect(figure.querySelector(".figure-citation")?.textContent, `${file}#${id}`).toMatch(new RegExp(`Datautgave .+ https://\\S+/#${id}$`));
        const downloads = [...figure.querySelectorAll(".downloads a")].map((a) => a.getAttribute("href")!);
        expect(downloads.map((d) => path.extname(d)), `${file}#${id}`).toEqual([".csv", ".svg", ".png"]);
        for (const d of downloads) await access(path.join(outDir, d));
      }
    }
    expect(charts).toBeGreaterThanOrEqual(10);
  });

  it("is indexed for search in Norwegian, each page in one of the bundles the search page merges", async () => {
    const bundles = JSON.parse(await readFile(path.join(outDir, "pagefind/bundles.json"), "utf8")) as string[];
    expect(bundles.length).toBeGreaterThanOrEqual(1);
    let indexed = 0;
    for (const folder of ["/pagefind/", ...bundles]) {
      const entry = JSON.parse(await readFile(path.join(outDir, folder, "pagefind-entry.json"), "utf8"));
      expect(Object.keys(entry.languages), folder).toEqual(["nb"]);
      expect(entry.languages.nb.page_count, folder).toBeGreaterThan(0);
      indexed += entry.languages.nb.page_count;
    }
    // The pages marked for search, but the archived releases (frozen copies under /arkiv/<release>/, made after the index).
    let marked = 0;
    for (const file of (await readdir(outDir, { recursive: true })).map(String).filter((f) => f.endsWith(".html") && !/^arkiv\/[^/]+\//.test(f))) {
      if ((await readFile(path.join(outDir, file), "utf8")).includes("data-pagefind-body")) marked++;
    }
    expect(marked).toBeGreaterThanOrEqual(10);
    expect(indexed).toBe(marked);
  });

  it("rebuilds nothing when data and code are unchanged, and says how much time that saved", async () => {
    const before = await readFile(path.join(outDir, "index.html"), "utf8");
    const result = build(dataDir);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^\[cache\] data and code unchanged since .+ nothing rebuilt in \d+ ms instead of \d+ ms/m);
    expect(result.stdout).not.toContain("[astro build]");
    expect(await readFile(path.join(outDir, "index.html"), "utf8")).toBe(before);
  });

  it("keeps the last good site when the data is bad, and says why", async () => {
    const before = await readFile(path.join(outDir, "index.html"), "utf8");
    const file = path.join(dataDir, "appropriations.csv");
    const good = await readFile(file, "utf8");
    await writeFile(file, good.replace("rt-2009,", "rt-2008,"));
    try {
      const result = build(dataDir);
      expect(result.status).not.toBe(0);
      expect(result.stderr).toContain('data/appropriations.csv:4:id: "rt-2008" is a duplicate; the same id is already used on line 3');
      expect(result.stderr).toContain("The last built site was left as it was.");
      expect(await readFile(path.join(outDir, "index.html"), "utf8")).toBe(before);
    } finally {
      await writeFile(file, good);
    }
  });
});

const everyday = JSON.parse(await readFile(path.join(projectRoot, "data/sok/hverdagsord.json"), "utf8")) as { ord: { ord: string; betyr: string }[] };
const bets = JSON.parse(await readFile(path.join(projectRoot, "data/sok/beste-treff.json"), "utf8")) as { treff: { søk: string[]; side: string }[] };

describe("the search vocabulary (data/sok/)", () => {
  // One test per entry, so an editor who adds a word the site never uses sees exactly which one.
  it.each(everyday.ord.map((e) => [e.ord, e.betyr]))("reads «%s» as «%s», words the index has", async (_, means) => {
    const words = JSON.parse(await readFile(path.join(outDir, "sok/ordliste.json"), "utf8")) as Record<string, number>;
    for (const word of means.split(" ")) expect(Object.keys(words).some((w) => w.startsWith(word)), word).toBe(true);
  });
  it.each(bets.treff.map((b) => [b.side, b.søk.join(", ")]))("sends a best bet to %s, a page that exists (for %s)", async (href) => {
    await access(path.join(outDir, href, "index.html"));
  });
});

describe("the evidence section", () => {
  /**
   * Independent counts, stated here from the seed and not from data/: the literature review's text
   * (002, lines 1749–1751) and the table captions give the reviews per group; the Delphi article lists
   * 23 problems and 34 changes (003, appendix).
   */
  const reviewsPerGroupInSource: Record<string, number> = {
    "psykiske-lidelser": 16,
    "muskel-skjelett": 7,
    sammensatte: 13,
    "kroniske-smerter": 4,
    kreft: 11,
    hjernetraumer: 8,
    "fastlege-arbeidsgiver": 4,
    implementering: 4,
  };

  it("lists as many reviews per diagnosis group as the source says, each with a certainty in words", async () => {
    for (const [group, stated] of Object.entries(reviewsPerGroupInSource)) {
      const doc = await page(`kunnskap/oversikter/${group}/index.html`);
      const items = [...doc.querySelectorAll("li.work")];
      expect(items.length, group).toBe(stated);
      for (const item of items) expect(item.querySelector(".certainty")?.textContent?.trim(), group).toMatch(/sikkerhet|Ikke vurdert i kilden|Ulik/);
    }
    // The source counts 67; one review stands in two tables, so the list of all works has 66 distinct reviews.
    const all = await page("kunnskap/studier/index.html");
    const reviews = [...all.querySelectorAll("li.work[data-kind=systematisk-oversikt]")];
    expect(reviews.length).toBe(Object.values(reviewsPerGroupInSource).reduce((a, b) => a + b, 0) - 1);
    expect(reviews.filter((r) => r.getAttribute("data-groups")!.split(" ").length === 2).map((r) => r.querySelector("a")!.textContent)).toEqual(["Joosen 2015"]);
  });

  it("shows the Delphi study's 23 problems and 34 changes", async () => {
    const doc = await page("kunnskap/delphi-studien/index.html");
    const count = (heading: string) =>
      [...doc.querySelectorAll("h4")].filter((h) => h.textContent === heading).reduce((n, h) => n + h.nextElementSibling!.querySelectorAll("li").length, 0);
    expect([count("Utfordringer"), count("Endringsforslag")]).toEqual([23, 34]);
  });

  it("shows each document's findings on its source page in our words, each with the chapter or section a reader can look up", async () => {
    const sources = csvParse(await readFile(path.join(dataDir, "sources.csv"), "utf8"));
    const findings = csvParse(await readFile(path.join(dataDir, "findings.csv"), "utf8"));
    const squash = (t: string) => t.replace(/\s+/g, " ").trim();
    let total = 0;
    for (const source of sources) {
      const doc = await page(`kilder/${source.id}/index.html`);
      const shown = [...doc.querySelectorAll("li.finding")];
      const own = findings.filter((f) => f.source_id === source.id);
      expect(shown.length, source.id).toBe(own.length);
      shown.forEach((li, i) => {
        const location = squash(li.querySelector(".source-line")!.textContent!);
        expect(squash(li.textContent!), own[i]!.id).toContain(squash(own[i]!.finding!));
        expect(location, own[i]!.id).not.toMatch(/linje|«/);
        // A numbered chapter or section is named by its number, which the printed report shows too.
        const number = /^(\d+(?:\.\d+)*)/.exec(own[i]!.source_location!.replace(/^(Avsnitt|Kapittel) /, ""))?.[1]?.replace(/\.0$/, "");
        if (number) expect(location, own[i]!.id).toMatch(new RegExp(`(kapittel|avsnitt) ${number.replace(/\./g, "\\.")}$`));
      });
      total += shown.length;
    }
    expect(total).toBe(findings.length);
    expect(total).toBeGreaterThan(100);
  });

  it("gives every summary key messages that cite a source, and every citation leads to a page that exists", async () => {
    const files = (await readdir(path.join(outDir, "kunnskap"), { recursive: true })).filter((f) => /^(oversikter|tema)\/[^/]+\/index\.html$/.test(f));
    const themes = new Set(csvParse(await readFile(path.join(dataDir, "findings.csv"), "utf8")).map((f) => f.theme));
    expect(files.sort()).toEqual([...Object.keys(reviewsPerGroupInSource).map((g) => `oversikter/${g}/index.html`), ...[...themes].map((t) => `tema/${t}/index.html`)].sort());
    for (const file of files) {
      const doc = await page(`kunnskap/${file}`);
      const messages = [...doc.querySelectorAll(".key-messages li")];
      expect(messages.length, file).toBeGreaterThanOrEqual(2);
      expect(messages.length, file).toBeLessThanOrEqual(4);
      for (const m of messages) {
        const links = [...m.querySelectorAll(".cites a")].map((a) => a.getAttribute("href")!);
        expect(links.length, `${file}: ${m.textContent}`).toBeGreaterThan(0);
        for (const href of links) await access(path.join(outDir, href.replace(/#.*$/, ""), "index.html"));
      }
      const sourceLinks = [...doc.querySelectorAll("#kilder ~ * a[href^='/kilder/'], #kilder + p a")];
      expect(sourceLinks.length, file).toBeGreaterThan(0);
      for (const h of ["hva-ble-funnet", "hvor-sikker", "hvor-oppdatert", "kilder"]) expect(doc.getElementById(h), `${file}#${h}`).not.toBeNull();
    }
  });
});

describe("citable and open", () => {
  it("offers no CSV download with a cell a spreadsheet would run as a formula (OWASP)", async () => {
    const csvFiles = (await readdir(outDir, { recursive: true })).filter((f) => f.endsWith(".csv") && !f.startsWith("arkiv/"));
    expect(csvFiles.length).toBeGreaterThan(150);
    const risky: string[] = [];
    for (const file of csvFiles) {
      const text = (await readFile(path.join(outDir, file), "utf8")).replace(/^\uFEFF/, "");
      const rows = (file.startsWith("data/excel/") || file.startsWith("statistikk/tabeller/excel/") ? dsvFormat(";") : dsvFormat(",")).parseRows(text);
      for (const cell of rows.flat()) {
        // A formula starts with =, +, -, @, tab or CR; a signed number (digits, separators, exponent, stars) cannot call anything.
        if (/^[=+\-@\t\r]/.test(cell) && !/^[+-][\d \u00A0\u202F.,%*eE+-]*$/.test(cell)) risky.push(`${file}: ${cell.slice(0, 40)}`);
      }
    }
    expect(risky).toEqual([]);
  });

  it("gives every page a citation block, Scholar and OpenGraph tags, a preview image, valid JSON-LD, and BibTeX and RIS files that parse", async () => {
    const { Cite } = await import("@citation-js/core");
    await import("@citation-js/plugin-bibtex");
    await import("@citation-js/plugin-ris");
    const { requiredProperties } = await import("../src/structuredData.ts");
    const files = await currentPages();
    let cited = 0;
    for (const file of files) {
      const doc = await page(file);
      const meta = (attr: string, name: string) => doc.querySelector(`meta[${attr}="${name}"]`)?.getAttribute("content");
      const ld = [...doc.querySelectorAll('script[type="application/ld+json"]')].map((s) => JSON.parse(s.textContent!));
      expect(ld, file).toHaveLength(1);
      const graph = [ld[0], ...(ld[0].about ? [ld[0].about] : [])];
      for (const node of graph) {
        const required = requiredProperties[node["@type"]];
        expect(required, `${file}: ${node["@type"]}`).toBeDefined();
        for (const property of required!) expect(node[property], `${file}: ${node["@type"]}.${property}`).toBeTruthy();
      }
      for (const [attr, name] of [["property", "og:title"], ["property", "og:url"], ["property", "og:description"], ["name", "twitter:card"]]) {
        expect(meta(attr!, name!), `${file} ${name}`).toBeTruthy();
      }
      const section = doc.querySelector("details.cite");
      // Tool pages (search, the patient list) and the 404 page are not cited.
      if (file === "404.html" || file === "sok/index.html" || file === "tilbud/pasientliste/index.html") {
        expect(section, file).toBeNull();
        continue;
      }
      cited++;
      const url = meta("name", "citation_public_url")!;
      const title = meta("name", "citation_title")!;
      expect(url, file).toBe(doc.querySelector('link[rel="canonical"]')!.getAttribute("href"));
      expect(meta("name", "citation_publication_date"), file).toMatch(/^\d{4}\/\d{2}\/\d{2}$/);
      expect(section!.querySelector("#sitering-apa")!.textContent, file).toContain(url);
      expect(section!.querySelector("#sitering-vancouver")!.textContent, file).toContain(`Tilgjengelig fra: ${url}`);
      // The preview image for sharing: a 1200×630 PNG (width and height stand in the PNG's IHDR chunk).
      const image = await readFile(path.join(outDir, new URL(meta("property", "og:image")!).pathname));
      expect([image.readUInt32BE(16), image.readUInt32BE(20)], file).toEqual([1200, 630]);
      const [bibHref, risHref] = [...section!.querySelectorAll("a[download]")].map((a) => a.getAttribute("href")!);
      const bib = new Cite(await readFile(path.join(outDir, bibHref!), "utf8"));
      const ris = new Cite(await readFile(path.join(outDir, risHref!), "utf8"), { forceType: "@ris/file" });
      for (const parsed of [bib, ris]) {
        expect(parsed.data, `${file}: ${bibHref}`).toHaveLength(1);
        expect(parsed.data[0]!.title, file).toBe(title);
        expect(parsed.data[0]!.URL, file).toBe(url);
      }
    }
    expect(cited).toBe(files.length - 3);
  });

  it("lists every cited page in sitemap.xml, which robots.txt names", async () => {
    const sitemap = await readFile(path.join(outDir, "sitemap.xml"), "utf8");
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    const files = (await currentPages()).filter((f) => !["404.html", "sok/index.html", "tilbud/pasientliste/index.html"].includes(f));
    expect(locs).toHaveLength(files.length);
    expect(locs).toContain(`${placeholderUrl}tilbud/ous-kreft-dagrehabilitering/`);
    expect(await readFile(path.join(outDir, "robots.txt"), "utf8")).toContain(`Sitemap: ${placeholderUrl}sitemap.xml`);
    const feed = parseHTML(await readFile(path.join(outDir, "endringer.xml"), "utf8")).document;
    expect(feed.querySelectorAll("entry").length).toBeGreaterThan(0);
  });

  it("resolves every download link on every page to a file", async () => {
    const files = (await readdir(outDir, { recursive: true })).filter((f) => f.endsWith(".html"));
    const targets = new Set<string>();
    for (const file of files) {
      for (const a of (await page(file)).querySelectorAll("a[href]")) {
        const href = a.getAttribute("href")!;
        if (href.startsWith("/") && /\.(csv|json|svg|png|bib|ris|xml)$/.test(href)) targets.add(href);
      }
    }
    expect(targets.size).toBeGreaterThan(100);
    for (const target of targets) await access(path.join(outDir, target));
  });

  it("publishes every dataset as CSV and JSON, described by a datapackage.json that Frictionless accepts", async () => {
    const { Package } = await import("datapackage");
    const descriptor = JSON.parse(await readFile(path.join(outDir, "data/datapackage.json"), "utf8"));
    const shipped = (await readdir(dataDir)).filter((f) => f.endsWith(".csv")).sort();
    expect(descriptor.resources.map((r: { path: string }) => r.path).sort()).toEqual(shipped);
    const pkg = await Package.load(descriptor, { basePath: path.join(outDir, "data") });
    expect(pkg.errors.map((e: Error) => e.message)).toEqual([]);
    expect(pkg.valid).toBe(true);
    for (const resource of pkg.resources) {
      // Reads every row with its types, constraints and foreign keys checked.
      const rows = await resource.read({ relations: true });
      const json = JSON.parse(await readFile(path.join(outDir, `data/${resource.descriptor.path.replace(/\.csv$/, ".json")}`), "utf8"));
      expect(rows.length, resource.name).toBe(json.length);
      expect(await readFile(path.join(outDir, "data", resource.descriptor.path), "utf8")).toBe(await readFile(path.join(dataDir, resource.descriptor.path), "utf8"));
    }
  });
});

describe("the offer directory as Open Referral HSDS", () => {
  it("publishes organizations, services, locations, service areas and service-at-location links that Frictionless reads with every key resolved", async () => {
    const { Package } = await import("datapackage");
    const dir = path.join(outDir, "data/hsds");
    const descriptor = JSON.parse(await readFile(path.join(dir, "datapackage.json"), "utf8"));
    const pkg = await Package.load(descriptor, { basePath: dir });
    expect(pkg.errors.map((e: Error) => e.message)).toEqual([]);
    const rows: Record<string, Record<string, unknown>[]> = {};
    for (const resource of pkg.resources) rows[resource.name] = (await resource.read({ keyed: true, relations: true })) as Record<string, unknown>[];
    const shipped = async (file: string) => csvParse(await readFile(path.join(dataDir, file), "utf8"));
    const offers = await shipped("offers.csv");
    expect(rows.organization).toHaveLength((await shipped("providers.csv")).length);
    expect(rows.service).toHaveLength(offers.length);
    expect(rows.location).toHaveLength((await shipped("places.csv")).length);
    expect(rows.service_area).toHaveLength(offers.length);
    expect(rows.service_at_location).toHaveLength(offers.flatMap((o) => (o.place_ids ? o.place_ids.split(";") : [])).length);
    // HSDS ids are UUIDs: ours are name-based (version 5), one per record, the same in every build.
    for (const table of Object.values(rows)) for (const row of table) expect(String(row.id)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const { uuidFor } = await import("../src/hsds.ts");
    const offer = offers.find((o) => o.id === "ous-kreft-dagrehabilitering")!;
    const service = rows.service!.find((s) => s.id === uuidFor("service", offer.id ?? ""))!;
    expect(service.name).toBe(offer.name);
    expect(service.status).toBe("active");
    // relations: true replaced the key with the organization's row
    expect((service.organization_id as Record<string, unknown>).id).toBe(uuidFor("organization", offer.provider_id ?? ""));
    for (const s of rows.service!) await access(path.join(outDir, new URL(String(s.url)).pathname, "index.html"));
    expect(await readFile(path.join(outDir, "data/index.html"), "utf8")).toContain('href="/data/hsds/datapackage.json"');
  });

  it("has a check against Open Referral's own datapackage.json (npm run check:hsds), which finds a column out of HSDS's order", async () => {
    const dir = path.join(outDir, "data/hsds");
    const check = (schema: string) => spawnSync(process.execPath, ["scripts/check-hsds.ts", schema, dir], { cwd: projectRoot, encoding: "utf8" });
    // Our own descriptor stands in for HSDS's here: the file cannot be shipped, so this proves the check, not the export.
    expect(check(path.join(dir, "datapackage.json")).status).toBe(0);
    const descriptor = JSON.parse(await readFile(path.join(dir, "datapackage.json"), "utf8"));
    const fields = descriptor.resources.find((r: { name: string }) => r.name === "service").schema.fields;
    [fields[3], fields[4]] = [fields[4], fields[3]];
    const altered = path.join(path.dirname(dataDir), "hsds-altered.json");
    await writeFile(altered, JSON.stringify(descriptor));
    const result = check(altered);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("services.csv: columns id,organization_id,program_id,name,alternate_name");
    expect(check("").status).toBe(2);
  });
});

describe("frozen releases and moved pages", () => {
  it("keeps every page of every archived release at its address, or sends the reader on from it", async () => {
    const { readArchives } = await import("../src/pipeline/archive/releaseArchive.ts");
    const { redirects } = await import("../src/redirects.ts");
    const archives = await readArchives(shippedData);
    expect(archives.length).toBeGreaterThan(0);
    const current = new Set(await currentPages());
    for (const archive of archives) {
      for (const rel of Object.keys(archive.files).filter((f) => f.endsWith(".html"))) {
        const address = `/${rel.replace(/index\.html$/, "")}`;
        const moved = redirects.find((r) => r.from === address);
        expect(current.has(rel) || (moved !== undefined && current.has(`${moved.to.slice(1)}index.html`)), `${archive.version}: ${address}`).toBe(true);
      }
    }
  });

  it("was archived from the data the current release shows (a data change needs a new release and npm run archive)", async () => {
    const { dataHash, readArchives } = await import("../src/pipeline/archive/releaseArchive.ts");
    const { dataRelease } = await import("../src/site.ts");
    const archive = (await readArchives(shippedData)).find((a) => a.version === dataRelease.version);
    expect(archive, `data/arkiv/${dataRelease.version}.json.gz`).toBeDefined();
    expect(archive!.dataHash).toBe(await dataHash(shippedData));
  });

  it("publishes each archived page frozen: the stored content, its archive address in every citation, a notice, no scripts, links kept inside", async () => {
    const { Cite } = await import("@citation-js/core");
    await import("@citation-js/plugin-bibtex");
    const { readArchives } = await import("../src/pipeline/archive/releaseArchive.ts");
    const contentText = (doc: Document) => {
      const main = doc.querySelector("main")!.cloneNode(true) as Element;
      // A page stored from a preview build carries that build's preview notices ([data-preview]); publishing drops them.
      main.querySelectorAll(".archive-notice, details.cite, .figure-citation, [data-preview]").forEach((e) => e.remove());
      return main.textContent!.replace(/\s+/g, " ");
    };
    let pages = 0;
    for (const archive of await readArchives(dataDir)) {
      for (const [rel, stored] of Object.entries(archive.files).filter(([f]) => f.endsWith(".html"))) {
        pages++;
        const file = `arkiv/${archive.version}/${rel}`;
        const doc = await page(file);
        const url = `${placeholderUrl}arkiv/${archive.version}/${rel.replace(/index\.html$/, "")}`;
        expect(contentText(doc), file).toBe(contentText(parseHTML(stored).document as unknown as Document));
        expect(doc.querySelector(".archive-notice")?.textContent, file).toContain(`datautgave ${archive.version}`);
        expect(doc.querySelector('meta[name="robots"]')?.getAttribute("content"), file).toBe("noindex");
        expect(doc.querySelector('link[rel="canonical"]')?.getAttribute("href"), file).toBe(url);
        expect(doc.querySelector('meta[name="citation_public_url"]')?.getAttribute("content"), file).toBe(url);
        expect(doc.querySelector("#sitering-apa")?.textContent, file).toContain(url);
        expect([...doc.querySelectorAll("script")].every((s) => s.getAttribute("type") === "application/ld+json"), file).toBe(true);
        // The change log of a later release links to the frozen copies of the releases before it, which exist (checked above).
        const olderReleases = file.endsWith("om/endringer/index.html") ? "^/arkiv/\\d{4}\\.\\d+\\.\\d+/$" : "^$";
        for (const element of doc.querySelectorAll("[href^='/'], [src^='/']")) {
          const href = (element.getAttribute("href") ?? element.getAttribute("src"))!.replace(/[?#].*$/, "");
          // Tool pages (the search form's target, the patient list behind the hidden picker) are not archived.
          if (href === "/sok/" || href === "/tilbud/pasientliste/") continue;
          await access(path.join(outDir, href.endsWith("/") ? `${href}index.html` : href));
          if (element.closest(".archive-notice") === null && element.tagName === "A") expect(href, `${file} links out of the archive`).toMatch(new RegExp(`^/arkiv/${archive.version}/|^/arkiv/$|^/favicon|^/endringer\\.xml|${olderReleases}`));
        }
        const bibHref = doc.querySelector('details.cite a[href$=".bib"]')?.getAttribute("href");
        if (bibHref) expect(new Cite(await readFile(path.join(outDir, bibHref), "utf8")).data[0]!.URL, file).toBe(url);
      }
    }
    expect(pages).toBeGreaterThan(200);
  });

  it("writes a page at each moved address that sends the reader to the new one at once", async () => {
    const { redirects } = await import("../src/redirects.ts");
    expect(redirects.length).toBeGreaterThan(0);
    for (const r of redirects) {
      const doc = await page(`${r.from.slice(1)}index.html`);
      expect(doc.documentElement.getAttribute("lang")).toBe("nb");
      expect(doc.querySelector('meta[http-equiv="refresh"]')?.getAttribute("content")).toBe(`0; url=${r.to}`);
      expect(doc.querySelector('meta[name="robots"]')?.getAttribute("content")).toBe("noindex");
      expect(doc.querySelector("main a")?.getAttribute("href")).toBe(r.to);
      await access(path.join(outDir, r.to, "index.html"));
    }
  });
});

describe("npm run archive (freezing a data release)", () => {
  it("stores the built pages of the current release with the data's hash, once, and refuses data changed since without a new release", async () => {
    const { archiveDirOf, dataHash, readArchives } = await import("../src/pipeline/archive/releaseArchive.ts");
    const { dataRelease } = await import("../src/site.ts");
    const releaseData = await copyOfShippedData();
    tempDirs.push(releaseData);
    const archive = () =>
      spawnSync(process.execPath, ["scripts/archive.ts", "--data", releaseData, "--out", path.join(path.dirname(releaseData), "dist")], {
        cwd: projectRoot,
        encoding: "utf8",
        env: envWith(),
      });
    await rm(archiveDirOf(releaseData), { recursive: true, force: true });

    const first = archive();
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(new RegExp(`Archived release ${dataRelease.version.replaceAll(".", "\\.")}: \\d+ pages`));
    const [stored] = await readArchives(releaseData);
    expect(stored!.version).toBe(dataRelease.version);
    expect(stored!.dataHash).toBe(await dataHash(releaseData));
    // The address its pages name, which publishing maps to the one configured then.
    expect(stored!.origin).toBe(placeholderUrl);
    const files = Object.keys(stored!.files);
    expect(files).toEqual(expect.arrayContaining(["index.html", "tilbud/index.html", "data/offers.csv", "figurer/bevilgninger-per-ar.svg"]));
    // Not the search page, the 404 page or the pages at moved addresses (they only send the reader on).
    expect(files.filter((f) => ["sok/index.html", "404.html", "tilgjengelighetserklaering/index.html", "tilbud/pasientliste/index.html"].includes(f))).toEqual([]);

    const again = archive();
    expect(again.status).toBe(0);
    expect(again.stdout).toContain("already archived from the current data");

    await appendFile(path.join(releaseData, "appropriations.csv"), "rt-test,2019,2019,Helse og arbeid,1,nei,nei,sintef-2022,Tabell 2.1,322,\n");
    const changed = archive();
    expect(changed.status).toBe(1);
    expect(changed.stderr).toContain("A data change needs a new release");
  });
});

describe("the site's address (SITE_URL)", () => {
  const address = "https://helse-og-arbeid.test.no/";
  /** Built with --publish at `address`, from the same data as the preview above. */
  let publishedDir: string;
  const publish = (env: NodeJS.ProcessEnv) =>
    spawnSync(process.execPath, ["scripts/build.ts", "--data", dataDir, "--out", publishedDir, "--publish"], { cwd: projectRoot, encoding: "utf8", env });

  beforeAll(() => {
    publishedDir = path.join(path.dirname(dataDir), "dist-published");
    // Without the trailing "/": the build normalises it.
    const result = publish(envWith({ SITE_URL: address.slice(0, -1) }));
    if (result.status !== 0) throw new Error(`build with SITE_URL failed:\n${result.stdout}\n${result.stderr}`);
    expect(result.stdout).toContain(`[address] ${address}\n`);
  });

  it("without it builds a preview: every page is kept from search engines and says so, in the footer and the citation block", async () => {
    expect(await readFile(path.join(outDir, "robots.txt"), "utf8")).toMatch(/^User-agent: \*\nDisallow: \/$/m);
    for (const file of await currentPages()) {
      const doc = await page(file);
      expect(doc.querySelector('meta[name="robots"]')?.getAttribute("content"), file).toBe("noindex");
      expect(doc.querySelector("footer [data-preview]")?.textContent, file).toContain("Forhåndsvisning: dette er ikke det publiserte nettstedet");
      const cite = doc.querySelector("details.cite");
      if (cite) expect(cite.querySelector("[data-preview]")?.textContent, file).toBe("Forhåndsvisning: adressene i sitatet er ikke publiserte ennå.");
    }
    const offer = await page("tilbud/ous-kreft-dagrehabilitering/index.html");
    expect(offer.querySelector('a[href^="mailto:"] + [data-preview]')?.textContent).toBe("(forhåndsvisning: e-postadressen er ikke satt)");
  });

  it("names the configured address in every file, the archived releases included: none holds the placeholder's", async () => {
    const placeholderHost = new URL(placeholderUrl).host;
    const files = (await readdir(publishedDir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
    expect(files.length).toBeGreaterThan(1000);
    const holding: string[] = [];
    // Every file, read as bytes: text files are searched as they are, and nothing binary is skipped by its name.
    for (const e of files) if ((await readFile(path.join(e.parentPath, e.name))).includes(placeholderHost)) holding.push(path.relative(publishedDir, path.join(e.parentPath, e.name)));
    expect(holding).toEqual([]);
  });

  it("is the address of every page: canonical, citation tags and text, JSON-LD, OpenGraph, BibTeX and RIS; and no page is marked a preview", async () => {
    const files = (await readdir(publishedDir, { recursive: true })).filter((f) => f.endsWith(".html"));
    let cited = 0;
    for (const file of files) {
      const doc = parseHTML(await readFile(path.join(publishedDir, file), "utf8")).document as unknown as Document;
      expect(doc.querySelectorAll("[data-preview]").length, file).toBe(0);
      const canonical = doc.querySelector('link[rel="canonical"]')!.getAttribute("href")!;
      expect(canonical.startsWith(address), file).toBe(true);
      const archived = /^arkiv\/\d/.test(file);
      const redirect = doc.querySelector('meta[http-equiv="refresh"]') !== null;
      // Only the archived copies and the pages at moved addresses ask search engines to pass; the current pages are published.
      expect(doc.querySelector('meta[name="robots"]')?.getAttribute("content") ?? null, file).toBe(archived || redirect ? "noindex" : null);
      if (redirect) continue;
      if (!/^(404\.html|sok\/|tilbud\/pasientliste\/)/.test(file)) expect(canonical, file).toBe(`${address}${file.replace(/index\.html$/, "")}`);
      expect(doc.querySelector('meta[property="og:url"]')?.getAttribute("content"), file).toBe(canonical);
      const ld = JSON.parse(doc.querySelector('script[type="application/ld+json"]')!.textContent!);
      expect(ld.url, file).toBe(canonical);
      expect(ld.isPartOf.url.startsWith(address), file).toBe(true);
      const cite = doc.querySelector("details.cite");
      if (!cite) continue;
      cited++;
      expect(doc.querySelector('meta[name="citation_public_url"]')?.getAttribute("content"), file).toBe(canonical);
      expect(cite.querySelector("#sitering-apa")!.textContent, file).toContain(canonical);
      expect(cite.querySelector("#sitering-vancouver")!.textContent, file).toContain(`Tilgjengelig fra: ${canonical}`);
      const [bibHref, risHref] = [...cite.querySelectorAll("a[download]")].map((a) => a.getAttribute("href")!);
      expect(await readFile(path.join(publishedDir, bibHref!), "utf8"), file).toContain(`  url = {${canonical}},`);
      expect(await readFile(path.join(publishedDir, risHref!), "utf8"), file).toContain(`UR  - ${canonical}\r\n`);
    }
    expect(cited).toBeGreaterThan(1000);
    const offer = parseHTML(await readFile(path.join(publishedDir, "tilbud/ous-kreft-dagrehabilitering/index.html"), "utf8")).document;
    expect(offer.querySelector('a[href^="mailto:"]')!.getAttribute("href")).toMatch(/^mailto:redaksjonen@helse-og-arbeid\.test\.no\?subject=/);
  });

  it("is the address of the sitemap, robots.txt, the change feed and the open data", async () => {
    const locs = [...(await readFile(path.join(publishedDir, "sitemap.xml"), "utf8")).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    expect(locs.length).toBeGreaterThan(300);
    expect(locs.filter((l) => !l.startsWith(address))).toEqual([]);
    expect(await readFile(path.join(publishedDir, "robots.txt"), "utf8")).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${address}sitemap.xml\n`);
    const feed = parseHTML(await readFile(path.join(publishedDir, "endringer.xml"), "utf8")).document;
    const feedAddresses = [...feed.querySelectorAll("id"), ...feed.querySelectorAll("link")].map((e) => e.textContent || e.getAttribute("href")!);
    expect(feedAddresses.length).toBeGreaterThan(4);
    expect(feedAddresses.filter((a) => !a.startsWith(address))).toEqual([]);
    const descriptor = JSON.parse(await readFile(path.join(publishedDir, "data/datapackage.json"), "utf8"));
    expect(descriptor.homepage).toBe(`${address}data/`);
  });

  it("is required by --publish: without it, or at the placeholder, the build stops at once, says how to set it and leaves the output folder as it was", async () => {
    const listing = async () => (await readdir(path.dirname(publishedDir))).filter((n) => n.startsWith("dist-published")).sort();
    const before = { listing: await listing(), stamp: await readFile(path.join(publishedDir, ".build-stamp.json"), "utf8"), home: await readFile(path.join(publishedDir, "index.html"), "utf8") };
    for (const [env, message] of [
      [envWith(), "--publish needs the published address, and SITE_URL is not set."],
      [envWith({ SITE_URL: placeholderUrl }), `SITE_URL=${placeholderUrl} is not one: ${placeholderUrl} is a reserved example address`],
      [envWith({ SITE_URL: "http://helse-og-arbeid.test.no" }), 'SITE_URL="http://helse-og-arbeid.test.no" must start with https://'],
    ] as const) {
      const result = publish(env);
      expect(result.status, result.stderr).toBe(1);
      expect(result.stderr).toContain(message);
      if (!env.SITE_URL?.startsWith("http:")) expect(result.stderr).toContain("SITE_URL=https://… npm run build -- --publish");
      expect(result.stderr).toContain("the last built site was left as it was.");
      expect(result.stdout).toBe("");
    }
    expect({ listing: await listing(), stamp: await readFile(path.join(publishedDir, ".build-stamp.json"), "utf8"), home: await readFile(path.join(publishedDir, "index.html"), "utf8") }).toEqual(before);
  });
});

describe("a rebuild after a changed row (Astro's incremental build)", () => {
  /** Every file of a built site and its bytes, but the stamp (which holds the build's time). */
  async function files(dir: string): Promise<Map<string, Buffer>> {
    const names = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
    return new Map(await Promise.all(names.filter((n) => n !== ".build-stamp.json").sort().map(async (n) => [n, await readFile(path.join(dir, n))] as const)));
  }
  const reusedOf = (stdout: string) => Number(/^\[astro build\] .*; (\d+) pages and files whose code and data were unchanged copied from the last build/m.exec(stdout)?.[1]);
  const rowsOf = async (file: string) => csvParse(await readFile(path.join(dataDir, file), "utf8"));
  /** The offer route in Astro's manifest of the last build into outDir: its code hash, and each path's cacheKey. */
  const offerRoute = async () => (await readAstroManifest(astroCacheOf(outDir, cacheBeside(dataDir)[cacheDirVariable])))!.routes["src/pages/tilbud/[id].astro"]!;
  /** The paths whose cacheKey changed from one build to the next: those Astro rendered again. */
  const rekeyed = (before: AstroManifest["routes"][string], after: AstroManifest["routes"][string]) =>
    Object.keys(after.paths)
      .filter((p) => JSON.stringify(before.paths[p]?.cacheKey) !== JSON.stringify(after.paths[p]!.cacheKey))
      .sort();
  async function changeFirstRow(file: string, column: string, change: (value: string) => string): Promise<Record<string, string>> {
    const rows = await rowsOf(file);
    rows[0]![column] = change(rows[0]![column]!);
    await writeFile(path.join(dataDir, file), csvFormat(rows, rows.columns));
    return rows[0]! as Record<string, string>;
  }

  it("renders again only what reads the changed data, copies the rest, and gives the same site as a full build", async () => {
    const tables = (await rowsOf("statistics_tables.csv")).length;
    const studies = (await rowsOf("literature.csv")).length;

    const offers = await rowsOf("offers.csv");
    const pathsOfProvider = (provider: string) => offers.filter((o) => o.provider_id === provider).map((o) => `/tilbud/${o.id}/`).sort();

    // An offer's name: the table pages (HTML, CSV, Excel CSV) and the study pages read no offer, so they are copied.
    // Of the offer pages, only those that show the name are rendered again: the offer's own and those of its provider's
    // other offers. The route's code hash stays, and only their keys change.
    const beforeOffer = await offerRoute();
    const figureRoutes = ["svg", "png", "csv"].map((format) => `src/pages/figurer/[id].${format}.ts`);
    const manifestRoutes = async () => (await readAstroManifest(astroCacheOf(outDir, cacheBeside(dataDir)[cacheDirVariable])))!.routes;
    const figuresBefore = await manifestRoutes();
    const figureBytesBefore = await files(path.join(outDir, "figurer"));
    const firstOffer = path.join(outDir, "tilbud", offers[0]!.id!, "index.html");
    // A link of our own to the offer's page as published: the build links the pages of Astro's last build into the new
    // site before Astro renders, and the page rendered anew must replace that link, never write into the published file.
    const publishedBefore = path.join(path.dirname(dataDir), "published-offer.html");
    await rm(publishedBefore, { force: true });
    await link(firstOffer, publishedBefore);
    const publishedBytes = await readFile(publishedBefore, "utf8");
    const offer = await changeFirstRow("offers.csv", "name", (name) => `${name} (nytt navn)`);
    const afterOffer = build(dataDir);
    expect(afterOffer.status, afterOffer.stderr).toBe(0);
    expect(reusedOf(afterOffer.stdout)).toBeGreaterThanOrEqual(3 * tables + studies);
    expect(await readFile(firstOffer, "utf8")).toContain(offer.name!.replaceAll("&", "&amp;"));
    expect(await readFile(publishedBefore, "utf8")).toBe(publishedBytes);
    expect(publishedBytes).not.toContain(offer.name!.replaceAll("&", "&amp;"));
    // What the last site had byte for byte (citation files, preview images, index files, compressed copies) is linked from it, not written.
    const linkedBy = (stage: string) => Number(new RegExp(`^\\[${stage}\\] .*?\\b(\\d+) (?:files )?linked from the last site`, "m").exec(afterOffer.stdout)?.[1]);
    expect(linkedBy("site files")).toBeGreaterThanOrEqual(3 * (tables + studies));
    // A preview image drawn as in the last site is linked by its drawing, without reading it or the cache.
    const imagesLinked = Number(/^\[site files\] .* preview images \((\d+) drawn as in the last site, linked from it/m.exec(afterOffer.stdout)?.[1]);
    expect(imagesLinked).toBeGreaterThanOrEqual(tables + studies);
    expect(linkedBy("index")).toBeGreaterThan(0);
    expect(linkedBy("compress")).toBeGreaterThanOrEqual(tables + studies);
    const afterOfferRoute = await offerRoute();
    expect(afterOfferRoute.dependencyHash).toBe(beforeOffer.dependencyHash);
    expect(pathsOfProvider(offer.provider_id!).length).toBeLessThan(offers.length / 4);
    expect(rekeyed(beforeOffer, afterOfferRoute)).toEqual(pathsOfProvider(offer.provider_id!));
    // A figure's files are keyed by what they hold (the PNG by its SVG): made again exactly when they change, not for any
    // changed row the charts could read.
    const figuresAfter = await manifestRoutes();
    const figureBytesAfter = await files(path.join(outDir, "figurer"));
    const changedFigures = [...figureBytesAfter].filter(([name, bytes]) => !figureBytesBefore.get(name)?.equals(bytes)).map(([name]) => `/figurer/${name}`);
    const svgOf = (file: string) => file.replace(/\.(png|svg)$/, ".svg");
    for (const route of figureRoutes) {
      expect(figuresAfter[route]!.dependencyHash, route).toBe(figuresBefore[route]!.dependencyHash);
      const remade = rekeyed(figuresBefore[route]!, figuresAfter[route]!);
      expect(remade.length, route).toBeLessThan(Object.keys(figuresAfter[route]!.paths).length);
      expect(remade.map(svgOf), route).toEqual([...new Set(changedFigures.filter((f) => f.endsWith(route.endsWith("csv.ts") ? ".csv" : ".svg")))].sort());
    }

    // The same offer renamed again (the first change also told the archive page that the data changed since the release):
    // lists of offers leave an offer's name out of the search index (each offer is found by its own page), and a bundle
    // is keyed by what Pagefind gets of its pages, so only the bundle that holds the offer's page is indexed again.
    await changeFirstRow("offers.csv", "name", (name) => `${name} igjen`);
    const renamedAgain = build(dataDir);
    expect(renamedAgain.status, renamedAgain.stderr).toBe(0);
    const [, bundleCount, bundlesFromCache] = /^\[index\] .* in (\d+) bundles \((\d+) unchanged, from the cache\)/m.exec(renamedAgain.stdout) ?? [];
    expect(Number(bundleCount)).toBeGreaterThanOrEqual(2);
    expect(Number(bundlesFromCache)).toBe(Number(bundleCount) - 1);
    const afterRenameRoute = await offerRoute();

    // A provider's name, which offer pages show: every page of the provider's offers has it, and only those are rendered again.
    const provider = await changeFirstRow("providers.csv", "name", (name) => `${name} (nytt navn)`);
    const afterProvider = build(dataDir);
    expect(afterProvider.status, afterProvider.stderr).toBe(0);
    const afterProviderRoute = await offerRoute();
    expect(afterProviderRoute.dependencyHash).toBe(beforeOffer.dependencyHash);
    expect(pathsOfProvider(provider.id!).length).toBeGreaterThan(0);
    expect(rekeyed(afterRenameRoute, afterProviderRoute)).toEqual(pathsOfProvider(provider.id!));
    for (const href of pathsOfProvider(provider.id!)) {
      expect(await readFile(path.join(outDir, href, "index.html"), "utf8"), href).toContain(provider.name!.replaceAll("&", "&amp;"));
    }

    // A study's title: its page is rendered again, though the last build copied it.
    const study = await changeFirstRow("literature.csv", "title", (title) => `${title} (ny tittel)`);
    const afterStudy = build(dataDir);
    expect(afterStudy.status, afterStudy.stderr).toBe(0);
    expect(reusedOf(afterStudy.stdout)).toBeGreaterThanOrEqual(3 * tables);
    expect(await readFile(path.join(outDir, "kunnskap", "studier", study.id!, "index.html"), "utf8")).toContain("(ny tittel)");
    // Its stamp took the hashes of the files it shares with the last site from that site's stamp: the stamp a read of every file gives.
    expect((await readStamp(outDir))!.files).toEqual(await builtFileHashes(outDir));

    // An offer taken out of the data (one that no other row names): its page and its folder are gone, though the pages
    // of Astro's last build are linked into the new site before Astro looks at them.
    const named = (await Promise.all(["offer_updates.csv", "referral_facts.csv", "web_addresses.csv"].map((f) => readFile(path.join(dataDir, f), "utf8")))).join("\n");
    const unnamed = offers.filter((o) => !new RegExp(`(^|[^a-z0-9-])${o.id}([^a-z0-9-]|$)`, "m").test(named));
    expect(unnamed.length).toBeGreaterThan(0);
    const gone = unnamed.at(-1)!.id!;
    const offerRows = await rowsOf("offers.csv");
    await writeFile(path.join(dataDir, "offers.csv"), csvFormat(offerRows.filter((o) => o.id !== gone), offerRows.columns));
    const afterRemoval = build(dataDir);
    expect(afterRemoval.status, afterRemoval.stderr).toBe(0);
    expect(reusedOf(afterRemoval.stdout)).toBeGreaterThanOrEqual(3 * tables);
    expect(existsSync(path.join(outDir, "tilbud", gone))).toBe(false);
    expect(await readFile(path.join(outDir, "tilbud", "index.html"), "utf8")).not.toContain(`/tilbud/${gone}/`);

    // Pages Astro restored are hard links to its cache, not copies. One edited in place in the published site is seen
    // by the stamp, and the next build renders it again instead of restoring the edit.
    const tablePages = (await readdir(path.join(outDir, "statistikk", "tabeller"), { withFileTypes: true })).filter((e) => e.isDirectory());
    const restored = path.join(outDir, "statistikk", "tabeller", tablePages[0]!.name, "index.html");
    const cachedCopy = path.join(astroCacheOf(outDir, cacheBeside(dataDir)[cacheDirVariable]), "dist", path.relative(outDir, restored));
    expect((await stat(restored)).ino).toBe((await stat(cachedCopy)).ino);
    const published = await readFile(restored, "utf8");
    await appendFile(restored, "<!-- redigert for hånd -->");
    const afterEdit = build(dataDir);
    expect(afterEdit.status, afterEdit.stderr).toBe(0);
    expect(afterEdit.stdout).toMatch(/^\[cache\] data and code unchanged, but .* was changed since it was built: statistikk\/tabeller\/.*index\.html changed/m);
    expect(await readFile(restored, "utf8")).toBe(published);

    // The same data built from nothing (another output folder has a cache of its own): byte for byte the same site.
    const fullDir = path.join(path.dirname(dataDir), "dist-full");
    const full = build(dataDir, fullDir);
    expect(full.status, full.stderr).toBe(0);
    expect(reusedOf(full.stdout)).toBe(0);
    // Its pages are those the incremental build indexed, so every bundle of the search index comes from the file cache.
    const [, bundles, unchanged] = /^\[index\] .* in (\d+) bundles \((\d+) unchanged, from the cache\)/m.exec(full.stdout) ?? [];
    expect(Number(bundles)).toBeGreaterThanOrEqual(2);
    expect(unchanged).toBe(bundles);
    const [incremental, fromNothing] = [await files(outDir), await files(fullDir)];
    expect([...incremental.keys()]).toEqual([...fromNothing.keys()]);
    expect([...incremental].filter(([name, bytes]) => !bytes.equals(fromNothing.get(name)!)).map(([name]) => name)).toEqual([]);
  });
});
