import { access } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadData } from "../src/pipeline/loadData.ts";
import { findings, literature, statistics } from "../src/model/datasets.ts";
import { checkProvenance, defaultSeedsDir, numbersIn, ownWordsColumns, seedNumber, textHasNumber } from "../src/pipeline/verify/provenance.ts";
import { shippedData } from "./helpers.ts";

const seedsDir = process.env.SEEDS_DIR ? path.resolve(process.env.SEEDS_DIR) : defaultSeedsDir;
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
