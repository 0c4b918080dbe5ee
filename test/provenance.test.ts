import { access } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadData } from "../src/pipeline/loadData.ts";
import { checkProvenance, defaultSeedsDir, seedNumber } from "../src/pipeline/verify/provenance.ts";
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
  it.runIf(seedsPresent)("notices a description that is not on the cited lines", async () => {
    const { data } = await loadData(shippedData);
    const offer = data.offers.rows.find((r) => !r.record.same_as_above && r.record.description_as_printed)!;
    offer.record.description_as_printed = offer.record.description_as_printed!.replace(/e/, "æ");
    const { problems } = await checkProvenance(data, seedsDir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`data/offers.csv:${offer.line}:description_as_printed`);
  });
});
