// The sentences that state counts, shares and superlatives (src/prose.ts, src/format.ts): fed the shipped CSV files
// (read here with d3-dsv, not through the code under test) and altered copies, each sentence must follow the data.
import { readFileSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { csvParse } from "d3-dsv";
import { describe, expect, it } from "vitest";
import { countInWords, listInWords, numberWord } from "../src/format.ts";
import type { DelphiCategory, DelphiItem, KeyFigure, Source } from "../src/model/datasets.ts";
import {
  delphiExperts,
  delphiLargestSentence,
  delphiLargestTakeaway,
  gpReferralsTakeaway,
  largestBy,
  publishedSinceClause,
  researchDocumentsInWords,
  reviewsTakeaway,
  summarizeDelphi,
} from "../src/prose.ts";
import { chartPageProblems, chartPages } from "../src/charts/chartPages.ts";
import { defaultSeedsDir } from "../src/pipeline/verify/provenance.ts";
import { verifySite } from "../src/pipeline/verify/verifySite.ts";
import { shippedData } from "./helpers.ts";

const csv = (file: string) => csvParse(readFileSync(path.join(shippedData, file), "utf8"));
const sources = () => csv("sources.csv") as unknown as Source[];
const categories = (): DelphiCategory[] =>
  csv("delphi_categories.csv").map((r) => ({ ...r, meaning_units: Number(r.meaning_units), category_order: Number(r.category_order) }) as unknown as DelphiCategory);
const items = () => csv("delphi_items.csv") as unknown as DelphiItem[];
const nbsp = "\u00a0";

describe("number words", () => {
  it("writes counts up to twelve as words and larger ones as digits", () => {
    expect([0, 2, 5, 7, 12].map((n) => numberWord(n))).toEqual(["null", "to", "fem", "sju", "tolv"]);
    expect(numberWord(1)).toBe("én");
    expect(numberWord(1, "neuter")).toBe("ett");
    expect(numberWord(13)).toBe("13");
    expect(numberWord(1200)).toBe(`1${nbsp}200`);
    expect(countInWords(1, "forskningsdokument", "forskningsdokumenter", "neuter")).toBe("ett forskningsdokument");
    expect(countInWords(4, "forskningsdokument", "forskningsdokumenter", "neuter")).toBe("fire forskningsdokumenter");
  });

  it("joins a list the Norwegian way, without a comma before «og»", () => {
    expect(listInWords([])).toBe("");
    expect(listInWords(["A"])).toBe("A");
    expect(listInWords(["A", "B"])).toBe("A og B");
    expect(listInWords(["A", "B", "C"])).toBe("A, B og C");
  });
});

describe("the number of research documents (footer and /om/)", () => {
  it("counts the sources of kind dokument in sources.csv", () => {
    const rows = sources();
    const documents = rows.filter((s) => s.kind === "dokument").length;
    expect(researchDocumentsInWords(rows)).toBe(`${numberWord(documents, "neuter")} forskningsdokumenter`);
  });

  it("changes with the data: a source fewer, or a web page instead of a document", () => {
    const rows = sources();
    const documents = rows.filter((s) => s.kind === "dokument").length;
    expect(researchDocumentsInWords(rows.slice(1))).toBe(`${numberWord(documents - 1, "neuter")} forskningsdokumenter`);
    const withWebPage = [...rows, { ...rows[0]!, id: "en-nettside", kind: "nettside" } as Source];
    expect(researchDocumentsInWords(withWebPage)).toBe(researchDocumentsInWords(rows));
    expect(researchDocumentsInWords(rows.slice(0, 1))).toBe("ett forskningsdokument");
  });
});

describe("the Delphi study's counts and largest category", () => {
  it("counts items and meaning units and names the category with the most units", () => {
    const cats = categories();
    const summary = summarizeDelphi(cats, items());
    expect(summary.problems).toBe(items().filter((i) => i.kind === "problem").length);
    expect(summary.changes).toBe(items().filter((i) => i.kind === "endring").length);
    const total = cats.reduce((s, c) => s + c.meaning_units, 0);
    const max = Math.max(...cats.map((c) => c.meaning_units));
    const top = cats.filter((c) => c.meaning_units === max);
    expect(top).toHaveLength(1);
    expect(delphiLargestSentence(summary)).toBe(`Flest utsagn gjaldt kategorien «${top[0]!.name}» (${max} av ${total}).`);
    expect(delphiLargestTakeaway(summary)).toBe(`«${top[0]!.name}» var den største kategorien, med ${max} av ${total} meningsenheter.`);
  });

  it("follows the data: a new largest category, a tie, an item fewer", () => {
    const cats = categories();
    const last = cats.at(-1)!;
    const grown = cats.map((c) => (c.id === last.id ? { ...c, meaning_units: 500 } : c));
    const total = grown.reduce((s, c) => s + c.meaning_units, 0);
    expect(delphiLargestSentence(summarizeDelphi(grown, items()))).toBe(`Flest utsagn gjaldt kategorien «${last.name}» (500 av ${total}).`);

    const max = Math.max(...cats.map((c) => c.meaning_units));
    const tied = cats.map((c) => (c.id === last.id ? { ...c, meaning_units: max } : c));
    const first = cats.find((c) => c.meaning_units === max)!;
    const tiedTotal = tied.reduce((s, c) => s + c.meaning_units, 0);
    expect(delphiLargestSentence(summarizeDelphi(tied, items()))).toBe(
      `Flest utsagn gjaldt kategoriene «${first.name}» og «${last.name}» (${max} hver av ${tiedTotal}).`,
    );
    expect(delphiLargestTakeaway(summarizeDelphi(tied, items()))).toBe(
      `«${first.name}» og «${last.name}» var de største kategoriene, med ${max} av ${tiedTotal} meningsenheter hver.`,
    );

    const fewer = items().filter((i, n) => !(i.kind === "problem" && n === 0));
    expect(summarizeDelphi(cats, fewer).problems).toBe(items().filter((i) => i.kind === "problem").length - 1);
    expect(delphiLargestSentence(summarizeDelphi([], []))).toBe("Studien oppgir ingen kategorier.");
  });

  it("takes the number of experts from key_figures.csv, whose cited line says it", () => {
    const figures = csv("key_figures.csv").map((r) => ({ ...r, value: Number(r.value) }) as unknown as KeyFigure);
    const experts = delphiExperts(figures);
    expect(experts.source_id).toBe("delphi-rtw-artikkel");
    const seedFile = sources().find((s) => s.id === experts.source_id)!.seed_file!;
    const seed = readFileSync(path.join(defaultSeedsDir, seedFile), "utf8").split("\n");
    expect(seed[Number(experts.source_line) - 1]).toContain(`n=${experts.value}`);
    expect(() => delphiExperts(figures.filter((f) => f !== experts))).toThrow(/delphi-eksperter/);
  });

  it("largestBy keeps every row on a tie and none for no rows", () => {
    expect(largestBy([3, 1, 3], (n) => n)).toEqual([3, 3]);
    expect(largestBy([], (n: number) => n)).toEqual([]);
  });
});

describe("the share of recent reviews (literature chart)", () => {
  const years = () => {
    const reviews = csv("literature.csv").filter((r) => r.groups);
    return reviews.map((r) => Number(r.year));
  };

  it("says «de fleste» only when more than half are from 2017 or later", () => {
    const ys = years();
    const recent = ys.filter((y) => y >= 2017).length;
    expect(recent * 2).toBeGreaterThan(ys.length);
    expect(publishedSinceClause(ys, 2017)).toBe(`de fleste (${recent} av ${ys.length}) er publisert fra 2017 og senere`);
  });

  it("says the share otherwise", () => {
    expect(publishedSinceClause([2012, 2013, 2018], 2017)).toBe("1 av 3 er publisert fra 2017 og senere");
    expect(publishedSinceClause([2012, 2018], 2017)).toBe("halvparten er publisert fra 2017 og senere");
    expect(publishedSinceClause([2018, 2019], 2017)).toBe("alle er publisert fra 2017 og senere");
    expect(publishedSinceClause([2012], 2017)).toBe("ingen er publisert fra 2017 og senere");
    const older = years().map((y) => (y >= 2017 && y < 2020 ? 2016 : y));
    expect(publishedSinceClause(older, 2017)).not.toMatch(/de fleste/);
  });

  it("names every group on a tie for the most reviews", () => {
    expect(reviewsTakeaway([{ title: "Kreft", count: 4 }, { title: "Rus", count: 4 }, { title: "Annet", count: 1 }], [2018], 2017)).toBe(
      "Flest oversikter handlet om kreft og rus (4 hver), og alle er publisert fra 2017 og senere.",
    );
  });
});

describe("the Helse Nord chart's takeaway", () => {
  it("reads right for none, one, some and all of the health trusts", () => {
    expect(gpReferralsTakeaway([], 4)).toBe("Ved ingen av helseforetakene har flere ulike fastleger henvist enn det finnes fastlegeavtaler.");
    expect(gpReferralsTakeaway(["UNN HF"], 4)).toBe("Ved UNN HF har flere ulike fastleger henvist enn det finnes fastlegeavtaler, fordi vikarer også henviser.");
    expect(gpReferralsTakeaway(["A HF", "B HF", "C HF"], 4)).toMatch(/^Ved A HF, B HF og C HF har flere/);
    expect(gpReferralsTakeaway(["A HF", "B HF", "C HF", "D HF"], 4)).toMatch(/^Ved alle de fire helseforetakene har flere/);
    expect(gpReferralsTakeaway([], 0)).not.toMatch(/^Ved {2}/);
  });
});

describe("the figure list's map of chart pages", () => {
  it("the verify stage refuses a figure-list link to a page without that figure", async () => {
    const site = await mkdtemp(path.join(os.tmpdir(), "hoa-verify-"));
    try {
      await mkdir(path.join(site, "statistikk/figurer"), { recursive: true });
      await mkdir(path.join(site, "statistikk/aktivitet"), { recursive: true });
      await writeFile(
        path.join(site, "statistikk/figurer/index.html"),
        '<ul class="figure-grid"><li><p><a href="/statistikk/aktivitet/#x">X</a></p></li><li><p><a href="/statistikk/aktivitet/#y">Y</a></p></li></ul>',
      );
      await writeFile(path.join(site, "statistikk/aktivitet/index.html"), '<figure class="chart" id="x"></figure>');
      const failure = await verifySite(site, { sourceIds: [], offerIds: [] }).catch((e: Error) => e.message);
      expect(failure).toMatch(/the figure list links y to \/statistikk\/aktivitet\/#y, which shows no such figure/);
      expect(failure).not.toMatch(/links x /);
    } finally {
      await rm(site, { recursive: true, force: true });
    }
  });

  it("reports a chart without a page and a page for no chart", () => {
    const ids = Object.keys(chartPages);
    expect(chartPageProblems(ids)).toEqual([]);
    expect(chartPageProblems([...ids.slice(1), "ny-figur"])).toEqual([
      "chart ny-figur has no page in src/charts/chartPages.ts",
      `src/charts/chartPages.ts names ${ids[0]}, which is no chart in registry.ts`,
    ]);
  });
});
