// The evidence section's lookups, against the shipped CSV files read here with d3-dsv and works made here.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { csvParse } from "d3-dsv";
import { describe, expect, it } from "vitest";
import type { Literature } from "../src/model/datasets.ts";
import {
  certaintyTally, findingById, findingsOfTheme, keyMessagesOf, literatureById, reviewsOfGroup, shortCitation,
} from "../src/evidence.ts";
import { shippedData } from "./helpers.ts";

const shipped = async (file: string) => csvParse(await readFile(path.join(shippedData, file), "utf8"));
const work = (fields: Partial<Literature>) => ({ id: "w", ...fields }) as Literature;

describe("a work's short citation", () => {
  it("is our label when it has one, else author and year, else its title, else its id", () => {
    expect(shortCitation(work({ label: "ISIVET (Brendbekken 2021)", first_author: "Brendbekken", year: 2021 }))).toBe("ISIVET (Brendbekken 2021)");
    expect(shortCitation(work({ first_author: "Lancman", year: 2021, title: "X" }))).toBe("Lancman 2021");
    expect(shortCitation(work({ first_author: "Lancman" }))).toBe("Lancman");
    expect(shortCitation(work({ title: "Arbeid og helse" }))).toBe("Arbeid og helse");
    expect(shortCitation(work({}))).toBe("w");
  });
});

describe("the reviews of a diagnosis group", () => {
  it("are the works that name the group, newest first, then by author", async () => {
    const kreft = (await shipped("literature.csv")).filter((w) => w.groups!.split(";").includes("kreft"));
    const reviews = reviewsOfGroup("kreft");
    expect(reviews.map((w) => w.id).sort()).toEqual(kreft.map((w) => w.id).sort());
    expect(reviews.map((w) => w.id).slice(0, 4)).toEqual(["algeo-2021", "guo-2021", "lamore-2019", "stapelfeldt-2019"]);
    expect(reviews.at(-1)!.id).toBe("molina-2013");
    const years = reviews.map((w) => w.year ?? 0);
    expect(years).toEqual([...years].sort((a, b) => b - a));
  });

  it("put the newest first and, within a year, sort by short citation in Norwegian order, whatever the order in the file", () => {
    expect(reviewsOfGroup("psykiske-lidelser").map((w) => w.id)).toEqual([
      "lancman-2021", "axen-2020", "covell-2020", "fadyl-2020", "nieuwenhuijsen-2020", "mckay-2018", "mikkelsen-2018", "munoz-murillo-2018",
      "read-2018", "talbot-2017", "joyce-2016", "naidu-2016", "dewa-2015", "joosen-2015", "andersen-2012", "arends-2012",
    ]);
  });

  it("are tallied by certainty, in the order of the scale, leaving out levels no work has", () => {
    expect(certaintyTally(reviewsOfGroup("kreft"))).toEqual([
      { level: "moderat", count: 1 },
      { level: "varierer", count: 2 },
      { level: "ikke vurdert i kilden", count: 8 },
    ]);
    expect(certaintyTally([])).toEqual([]);
  });
});

describe("findings and key messages", () => {
  it("are found by id, theme and topic, key messages in their order", async () => {
    const findings = await shipped("findings.csv");
    expect(findingsOfTheme("kostnader").map((f) => f.id)).toEqual(findings.filter((f) => f.theme === "kostnader").map((f) => f.id));
    expect(findingById(findings[0]!.id!).finding).toBe(findings[0]!.finding);
    expect(() => findingById("nope")).toThrow("Unknown finding id nope");
    const messages = (await shipped("key_messages.csv")).filter((m) => m.topic === "oversikter/kreft");
    expect(keyMessagesOf("oversikter/kreft").map((m) => m.message_order)).toEqual(messages.map((m) => Number(m.message_order)).sort((a, b) => a - b));
    expect(keyMessagesOf("oversikter/kreft").length).toBeGreaterThan(1);
    expect(literatureById("lancman-2021").first_author).toBe("Lancman");
    expect(() => literatureById("nope")).toThrow("Unknown literature id nope");
  });
});
