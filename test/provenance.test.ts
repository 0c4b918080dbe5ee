import { access, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadData, type LoadedData } from "../src/pipeline/loadData.ts";
import { findings, literature, statistics } from "../src/model/datasets.ts";
import { defineDataset, provenanceColumns } from "../src/model/dataset.ts";
import { id, integer, optional, text } from "../src/model/columns.ts";
import { checkProvenance, defaultSeedsDir, numbersIn, ownWordsColumns, seedNumber, textHasNumber } from "../src/pipeline/verify/provenance.ts";
import { shippedData } from "./helpers.ts";

const seedsDir = defaultSeedsDir;
const seedsPresent = await access(seedsDir).then(() => true, () => false);

describe("provenance of the shipped data", () => {
  it("has the seed texts to check against", () => {
    // Not skipped when absent: a missing folder must show as a failure, not as a silent pass.
    expect(seedsPresent, `seed folder ${seedsDir} is absent; set SEEDS_DIR or put shared/seeds beside the project`).toBe(true);
  });

  it.runIf(seedsPresent)("every cited number stands on the line its row cites", async () => {
    const { data } = await loadData(shippedData);
    const { checked, problems } = await checkProvenance(data, seedsDir);
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(data.appropriations.rows.length);
  });

  it.runIf(seedsPresent)("notices a number that is not on the cited line", async () => {
    const { data } = await loadData(shippedData);
    data.appropriations.rows[0]!.record.amount_nok += 1000;
    const { problems } = await checkProvenance(data, seedsDir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^data\/appropriations\.csv:2:amount_nok: /);
  });

  it("prints numbers as the seeds do", () => {
    expect(seedNumber(5746911000)).toBe("5 746 911 000");
    expect(seedNumber(616)).toBe("616");
  });
});

describe("the shipped data agrees with itself", () => {
  it("the yearly appropriations 2007–2017 add up to the total the source prints", async () => {
    const { data } = await loadData(shippedData);
    const rows = data.appropriations.rows.map((r) => r.record);
    const total = rows.find((r) => r.is_total && r.scheme === "Raskere tilbake")!;
    const years = rows.filter((r) => !r.is_total && r.period_start >= total.period_start && r.period_end <= total.period_end);
    expect(years).toHaveLength(total.period_end - total.period_start + 1);
    expect(years.reduce((sum, r) => sum + r.amount_nok, 0)).toBe(total.amount_nok);
  });
});

describe("finding a number on a seed line", () => {
  it("finds it spaced or plain, but not inside a larger number", async () => {
    const { lineHasNumber } = await import("../src/pipeline/verify/provenance.ts");
    expect(lineHasNumber("2007* 481 927 000", 481927000)).toBe(true);
    expect(lineHasNumber("Totalt 2007-2017 5 746 911 000", 2017)).toBe(true);
    expect(lineHasNumber("2007* 481 927 000", 927000)).toBe(false);
    expect(lineHasNumber("12 12 24", 24)).toBe(true);
    expect(lineHasNumber("12007", 2007)).toBe(false);
    expect(lineHasNumber("3,5 prosent", 5)).toBe(false);
  });
});

describe("provenance of text", () => {
  it.runIf(seedsPresent)("notices a name cited as printed that is not on the cited lines", async () => {
    const { data } = await loadData(shippedData);
    const offer = data.offers.rows.find((r) => r.record.provider_as_printed)!;
    offer.record.provider_as_printed = offer.record.provider_as_printed!.replace(/e/, "æ");
    const { problems } = await checkProvenance(data, seedsDir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`data/offers.csv:${offer.line}:provider_as_printed`);
  });

  it.runIf(seedsPresent)("notices a number in our own words that the cited lines do not hold", async () => {
    const { data } = await loadData(shippedData);
    const finding = data.findings.rows[0]!;
    finding.record.finding += " Det gjaldt 9 876 personer.";
    const review = data.literature.rows.find((r) => r.record.aim)!;
    review.record.aim += " (2,75)";
    const { problems } = await checkProvenance(data, seedsDir);
    expect(problems).toEqual([
      expect.stringMatching(new RegExp(`^data/literature\\.csv:${review.line}:aim: the number 2,75 is not in lines`)),
      expect.stringMatching(new RegExp(`^data/findings\\.csv:${finding.line}:finding: the number 9 876 is not in lines`)),
    ]);
  });

  it("reads numbers as Norwegian texts write them, and finds them only whole", () => {
    expect(numbersIn("Fra 2008 til 2021 fikk 9 938 pasienter 2,5 timer; 18–67 år.")).toEqual(["2008", "2021", "9 938", "2,5", "18", "67"]);
    expect(textHasNumber("i alt 9 938 pasienter", "9938")).toBe(true);
    expect(textHasNumber("i alt 19 938 pasienter", "9 938")).toBe(false);
    expect(textHasNumber("93 121 264 48", "264")).toBe(true);
    expect(textHasNumber("fra 1264 til 2640", "264")).toBe(false);
    expect(textHasNumber("en andel på 2.5 prosent", "2,5")).toBe(true);
    expect(textHasNumber("12007 kroner", "2007")).toBe(false);
  });

  it("checks the free text of our own words, not names, titles, table labels or the editors' note", () => {
    expect(ownWordsColumns(literature)).toEqual(["aim", "population", "intervention", "comparison", "outcomes", "summary"]);
    expect(ownWordsColumns(statistics)).toEqual([]);
    expect(ownWordsColumns(findings)).toEqual(["finding"]);
  });
});

describe("provenance against a seed made here", async () => {
  const seeds = await mkdtemp(path.join(os.tmpdir(), "hoa-seeds-"));
  afterAll(() => rm(seeds, { recursive: true, force: true }));
  await writeFile(
    path.join(seeds, "seed.txt"),
    ["Tabell 3 Tilbud", "Tilbudet gis av Helse Nord", "og av Helse Vest i Bergen, for 1 250 pasienter.", "I alt 2019 481 927 000"].join("\n"),
  );
  const offers = defineDataset({
    name: "offers",
    file: "offers.csv",
    title: "",
    description: "",
    key: "id",
    columns: {
      id: id({ description: "" }),
      provider_as_printed: optional(text({ description: "", prose: false })),
      description: optional(text({ description: "" })),
      amount: optional(integer({ description: "" })),
      ...provenanceColumns(),
      source_line_last: optional(integer({ description: "" })),
    },
    citedTexts: ["provider_as_printed"],
    citedNumbers: ["amount"],
    asPrinted: ["provider_as_printed"],
  });
  /** The data with one source (its seed the file above) and one row of offers citing lines 2–3. */
  function dataWith(row: Record<string, unknown>): LoadedData {
    const record = { id: "a", source_id: "s", source_location: "Tabell 3", source_line: 2, source_line_last: 3, ...row };
    return {
      sources: { file: "data/sources.csv", dataset: { citedTexts: [] }, rows: [{ line: 2, record: { id: "s", seed_file: "seed.txt" } }] },
      offers: { file: "data/offers.csv", dataset: offers, rows: [{ line: 5, record }] },
    } as unknown as LoadedData;
  }
  const problemsOf = async (row: Record<string, unknown>) => (await checkProvenance(dataWith(row), seeds)).problems;

  it("accepts text cited as printed when every part joined with | stands in the cited lines, across a line break", async () => {
    expect(await problemsOf({ provider_as_printed: "Helse Nord | Helse Vest i Bergen" })).toEqual([]);
    expect(await problemsOf({ provider_as_printed: "Nord og av Helse" })).toEqual([]);
  });

  it("refuses text cited as printed when one of its parts is not in the cited lines: one quoted part is not enough", async () => {
    expect(await problemsOf({ provider_as_printed: "Helse Nord | Helse Sør-Øst" })).toEqual([
      'data/offers.csv:5:provider_as_printed: "Helse Nord | Helse Sør-Øst" is not in lines 2–3 of the seed',
    ]);
    expect(await problemsOf({ provider_as_printed: "Helse Sør-Øst | Helse Nord" })).toHaveLength(1);
  });

  it("refuses text that stands in the seed, but outside the lines the row cites", async () => {
    expect(await problemsOf({ provider_as_printed: "Tabell 3 Tilbud" })).toHaveLength(1);
    expect(await problemsOf({ provider_as_printed: "I alt 2019" })).toHaveLength(1);
  });

  it("checks a number of our own words against the cited lines and the note", async () => {
    expect(await problemsOf({ description: "Om lag 1 250 pasienter." })).toEqual([]);
    expect(await problemsOf({ description: "Om lag 1 300 pasienter." })).toEqual([
      "data/offers.csv:5:description: the number 1 300 is not in lines 2–3 of the seed, nor explained in source_note",
    ]);
    expect(await problemsOf({ description: "Om lag 1 300 pasienter.", source_note: "Kilden runder 1 300 av." })).toEqual([]);
  });

  it("finds a cited number on the row's first cited line only", async () => {
    const row = { source_line: 4, source_line_last: undefined };
    expect(await problemsOf({ ...row, amount: 481927000 })).toEqual([]);
    expect(await problemsOf({ ...row, amount: 481927001 })).toEqual([
      'data/offers.csv:5:amount: 481 927 001 is not on line 4 of the seed, which reads: "I alt 2019 481 927 000"',
    ]);
    expect(await problemsOf({ amount: 1250 })).toHaveLength(1);
  });

  it("counts each check, and reports a seed file that is missing", async () => {
    const { checked } = await checkProvenance(dataWith({ provider_as_printed: "Helse Nord", description: "Tekst.", amount: 1 }), seeds);
    // the seed file, the text cited as printed, our own words, the cited number
    expect(checked).toBe(4);
    const missing = await checkProvenance(dataWith({}), path.join(seeds, "nowhere"));
    expect(missing.problems).toEqual([`data/sources.csv:2:seed_file: seed.txt is not in ${path.join(seeds, "nowhere")}`]);
  });
});
