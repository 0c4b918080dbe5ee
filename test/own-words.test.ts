import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadData } from "../src/pipeline/loadData.ts";
import { copiedCells, copiedOnPages, copiedShareOfData, pageProse, percentOf, readSeeds, SeedIndex } from "../src/pipeline/verify/ownWords.ts";
import { applySetup, copyOfShippedData, projectRoot, removeDataCopy } from "./helpers.ts";

/**
 * Each folder in test/fixtures/own-words/cases/ changes cells of a copy of the shipped data (setup.txt, as for the
 * bad-input fixtures); expected.txt holds the exact messages of the own-words check against the fixture seed
 * test/fixtures/own-words/seeds/, and nothing else.
 */
const fixtures = path.join(projectRoot, "test/fixtures/own-words");
const cases = (await readdir(path.join(fixtures, "cases"))).sort();
const seeds = new SeedIndex(await readSeeds(path.join(fixtures, "seeds")));
const tempDirs: string[] = [];
afterAll(async () => Promise.all(tempDirs.map(removeDataCopy)));

describe("the own-words check on data/", () => {
  it("has the five fixture cases: a copied run, eight shared words, an allowed title, a copied note, a copied row label", () => {
    expect(cases).toEqual(["allowed-title", "copied-in-note", "copied-row-label", "copied-run", "eight-words"]);
  });

  for (const name of cases) {
    it(name, async () => {
      const dir = await copyOfShippedData();
      tempDirs.push(dir);
      await applySetup(dir, await readFile(path.join(fixtures, "cases", name, "setup.txt"), "utf8"));
      const { data } = await loadData(dir, { relativeTo: path.dirname(dir) });
      const expected = (await readFile(path.join(fixtures, "cases", name, "expected.txt"), "utf8")).split("\n").filter(Boolean);
      expect(copiedCells(data, seeds)).toEqual(expected);
    });
  }

  it("counts a copied title or name in the share of copied text, though the strict check allows it", async () => {
    const dir = await copyOfShippedData();
    tempDirs.push(dir);
    const before = copiedShareOfData((await loadData(dir, { relativeTo: path.dirname(dir) })).data, seeds);
    // A provider's name as printed, copied from the seed's line 3: allowed, but its 12 words count (64 letters and 12 spaces).
    await applySetup(dir, "SET offers.csv 2 provider_as_printed Tilbudet skal først og fremst gi rask avklaring og behandling til sykmeldte");
    const { data } = await loadData(dir, { relativeTo: path.dirname(dir) });
    expect(copiedCells(data, seeds)).toEqual([]);
    const after = copiedShareOfData(data, seeds);
    expect(after.copied - before.copied).toBe(76);
  });

  it("leaves out the pointer columns and lines that open with a table's name from the share", async () => {
    const dir = await copyOfShippedData();
    tempDirs.push(dir);
    const before = copiedShareOfData((await loadData(dir, { relativeTo: path.dirname(dir) })).data, seeds);
    await applySetup(dir, "SET statistics_tables.csv 2 caption Tabell 4.99 Antall pasienter som ble henvist til tilbudet fra fastlege eller NAV per region");
    const after = copiedShareOfData((await loadData(dir, { relativeTo: path.dirname(dir) })).data, seeds);
    expect(after.copied).toBe(before.copied);
  });
});

describe("the share of copied text", () => {
  const index = new SeedIndex([{ file: "s.txt", text: "en to tre fire fem seks sju åtte ni ti elleve" }]);

  it("counts each word of a copied run and one space, against all words of the text", () => {
    // "en … ni" is 27 letters and 9 spaces; "og mer" adds 2 + 3 letters and 2 spaces.
    expect(index.copiedCharacters("En to tre fire fem seks sju åtte ni, og mer.")).toEqual({ copied: 36, total: 43 });
    expect(index.copiedCharacters("en to tre fire fem seks sju åtte")).toEqual({ copied: 0, total: 33 });
  });

  it("is a percentage, and 0 for no text at all", () => {
    expect(percentOf({ copied: 1, total: 200 })).toBe(0.5);
    expect(percentOf({ copied: 0, total: 0 })).toBe(0);
  });
});

describe("finding copied runs", () => {
  const index = new SeedIndex([{ file: "s.txt", text: "en to tre fire fem seks sju åtte ni ti elleve\ntolv tret-\nten" }]);

  it("finds nine shared words, across a line break and a hyphenated word, but not eight", () => {
    expect(index.copiedRuns("x en to tre fire fem seks sju åtte ni y")).toEqual([{ run: "en to tre fire fem seks sju åtte ni", seed: "s.txt", line: 1 }]);
    expect(index.copiedRuns("fire fem seks sju åtte ni ti elleve tolv")).toHaveLength(1);
    expect(index.copiedRuns("fem seks sju åtte ni ti elleve tolv tretten")).toHaveLength(1);
    expect(index.copiedRuns("en to tre fire fem seks sju åtte")).toEqual([]);
  });

  it("names the seed line a run starts on, also below a word split over two lines", () => {
    const seed = new SeedIndex([{ file: "l.txt", text: "a b sam-\nmen c\nd e f g h i j k l m\nn" }]);
    expect(seed.copiedRuns("e f g h i j k l m")).toEqual([{ run: "e f g h i j k l m", seed: "l.txt", line: 3 }]);
  });

  it("reports a longer copied passage once, with all its words, and ignores case and punctuation", () => {
    expect(index.copiedRuns("En, to; tre fire fem seks sju åtte ni ti elleve!")).toEqual([
      { run: "en to tre fire fem seks sju åtte ni ti elleve", seed: "s.txt", line: 1 },
    ]);
  });

  it("does not count the words of a web address, which is a name", () => {
    const withAddress = new SeedIndex([{ file: "u.txt", text: "se https://eksempel.no/en/to/tre/fire/fem/seks/sju/åtte/ni for mer" }]);
    expect(withAddress.copiedRuns("Nettstedet https://eksempel.no/en/to/tre/fire/fem/seks/sju/åtte/ni har mer.")).toEqual([]);
  });

  it("reports two separate passages twice", () => {
    expect(index.copiedRuns("en to tre fire fem seks sju åtte ni, og så: tre fire fem seks sju åtte ni ti elleve")).toHaveLength(2);
  });
});

describe("the prose of a built page", () => {
  it("is the main content without tables, drawings, scripts and lines that start with a table's or figure's name", () => {
    const html = `<header><p>Meny</p></header><main><h1>Tittel</h1><p>Vår tekst &amp; mer.</p>
      <table><tr><td>celle</td></tr></table><svg><text>akse</text></svg><script>kode()</script>
      <figcaption>Tabell 4.37 Aktivitet kodet med debitorkode</figcaption><p>Figur 2 viser noe</p><p>Slutt</p></main><footer>Bunn</footer>`;
    const prose = pageProse(html).split("\n").map((l) => l.trim()).filter(Boolean);
    expect(prose).toEqual(["Tittel", "Vår tekst & mer.", "Slutt"]);
  });

  it("leaves out titles of works and names marked as printed, and breaks the block there", () => {
    const html = `<main><p>Se <cite>En lang engelsk tittel</cite> og <span data-as-printed>Norsk Arbeidshelse (Tønsberg)</span> her.</p></main>`;
    expect(pageProse(html).split("\n").map((l) => l.trim())).toEqual(["", "Se", "og", "her.", ""]);
  });

  it("keeps titles of works and names as printed when asked, for the share of copied text", () => {
    const html = `<main><p>Se <cite>En lang tittel</cite> og <span data-as-printed>Norsk Arbeidshelse</span>.</p><table><tr><td>x</td></tr></table></main>`;
    expect(pageProse(html, { withAsPrinted: true }).split("\n").map((l) => l.trim())).toEqual(["", "Se En lang tittel og Norsk Arbeidshelse.", "", ""]);
  });
});

describe("the own-words check on built pages", () => {
  const index = new SeedIndex([{ file: "s.txt", text: "en to tre fire fem seks sju åtte ni ti elleve" }]);
  const copied = "En to tre fire fem seks sju åtte ni.";

  it("reports each copied run with the page's address, but not in frozen archives, the search index, or across two blocks", async () => {
    const siteDir = await mkdtemp(path.join(os.tmpdir(), "hoa-pages-"));
    try {
      const pages: Record<string, string> = {
        "index.html": `<main><p>${copied}</p></main>`,
        "tilbud/a/index.html": "<main><p>en to tre fire fem</p><p>seks sju åtte ni</p></main>",
        "arkiv/2026.11.0/index.html": `<main><p>${copied}</p></main>`,
        "pagefind/x.html": `<main><p>${copied}</p></main>`,
      };
      for (const [rel, html] of Object.entries(pages)) {
        await mkdir(path.dirname(path.join(siteDir, rel)), { recursive: true });
        await writeFile(path.join(siteDir, rel), html);
      }
      expect(await copiedOnPages(siteDir, index)).toEqual({
        pages: 2,
        problems: [
          '/: shares "en to tre fire fem seks sju åtte ni" with the seed s.txt (line 1); write it in our own words (names, titles, numbers and certainty phrases of at most 8 words may stand as printed)',
        ],
        // The copied 9 words (27 letters + 9 spaces) of the front page, against those and the 9 words (also 36) of /tilbud/a/.
        share: { copied: 36, total: 72 },
      });
    } finally {
      await rm(siteDir, { recursive: true, force: true });
    }
  });

  it("reads only the .txt files of the seed folder, in name order", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "hoa-seeds-"));
    try {
      await writeFile(path.join(dir, "b.txt"), "B");
      await writeFile(path.join(dir, "a.txt"), "A");
      await writeFile(path.join(dir, "notes.md"), "M");
      expect(await readSeeds(dir)).toEqual([
        { file: "a.txt", text: "A" },
        { file: "b.txt", text: "B" },
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
