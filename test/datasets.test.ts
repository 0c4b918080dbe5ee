// The rules across the columns of one row, dataset by dataset, on rows made here (each cell already valid).
import { describe, expect, it } from "vitest";
import {
  appropriations, delphiCategories, keyFigures, literature, offers, sources, sourceTables, statistics, webAddresses,
} from "../src/model/datasets.ts";

type Rules = (row: Record<string, unknown>) => { column: string; message: string }[];
const rulesOf = (dataset: { rowRules?: Rules }) => dataset.rowRules!;

describe("the rules across a row's columns", () => {
  it("a period ends in its first year or later", () => {
    const rule = rulesOf(appropriations);
    expect(rule({ period_start: 2007, period_end: 2017 })).toEqual([]);
    expect(rule({ period_start: 2007, period_end: 2007 })).toEqual([]);
    expect(rule({ period_start: 2017, period_end: 2007 })).toEqual([{ column: "period_end", message: "2007 is before period_start 2017; expected the same year or later" }]);
  });

  it("a Delphi category's meaning units are its written and interview units together", () => {
    const rule = rulesOf(delphiCategories);
    expect(rule({ written_units: 20, interview_units: 11, meaning_units: 31 })).toEqual([]);
    expect(rule({ written_units: 20, interview_units: 11, meaning_units: 30 })).toEqual([
      { column: "meaning_units", message: "30 is not written_units + interview_units (31); expected the row's total" },
    ]);
  });

  it("a key figure links to a path on this site", () => {
    const rule = rulesOf(keyFigures);
    expect(rule({ href: "/statistikk/tabeller/tabell-4-77/" })).toEqual([]);
    expect(rule({ href: "/statistikk/bevilgninger/#figur-1" })).toEqual([]);
    for (const href of ["https://example.no/", "/statistikk/tabeller", "statistikk/", "/Statistikk/", "/a/#B"]) {
      expect(rule({ href })).toEqual([{ column: "href", message: `${JSON.stringify(href)} is not a path on this site; expected e.g. /statistikk/tabeller/tabell-4-77/` }]);
    }
  });

  it("a review's certainty as printed is phrases of at most eight words", () => {
    const rule = rulesOf(literature);
    expect(rule({ certainty_as_printed: "en to tre fire fem seks sju åtte | lav" })).toEqual([]);
    expect(rule({})).toEqual([]);
    expect(rule({ certainty_as_printed: "lav | en to tre fire fem seks sju åtte ni" })).toEqual([
      { column: "certainty_as_printed", message: 'has a phrase of more than 8 words; expected phrases of at most 8 words, separated by " | "' },
    ]);
  });

  it("an offer's id is no other page's address and cannot clash with one's files; a review date follows the check, who checked is named", () => {
    const rule = rulesOf(offers);
    expect(rule({ id: "dps-solvang" })).toEqual([]);
    expect(rule({ id: "kart" })).toEqual([{ column: "id", message: '"kart" is the address of another page, /tilbud/kart/; expected an id no page under /tilbud/ uses' }]);
    expect(rule({ id: "region-nord" })).toEqual([
      {
        column: "id",
        message:
          '"region-nord" would name its citation files and preview image /sitering/tilbud-region-nord like those of /tilbud/region/nord/; expected an id that does not begin with malgruppe- or region-',
      },
    ]);
    expect(rule({ id: "malgruppe-kreft" })[0]!.message).toContain("like those of /tilbud/malgruppe/kreft/");
    expect(rule({ id: "regionalt" })).toEqual([]);
    expect(rule({ id: "a", last_verified: "2026-01-10", next_review: "2027-01-10", verified_by: "Redaksjonen" })).toEqual([]);
    expect(rule({ id: "a", last_verified: "2026-01-10", next_review: "2026-01-10", verified_by: "Redaksjonen" })).toEqual([
      { column: "next_review", message: "2026-01-10 is not after last_verified 2026-01-10; expected a later date" },
    ]);
    expect(rule({ id: "a", last_verified: "2026-01-10" })).toEqual([{ column: "verified_by", message: "is empty while last_verified is set; expected who checked the offer" }]);
    expect(rule({ id: "a", next_review: "2026-01-10" })).toEqual([]);
  });

  it("a source table on a statistics page names the page, one left out says why, others name no page", () => {
    const rule = rulesOf(sourceTables);
    expect(rule({ status: "statistikk", table_ids: ["tabell-1"] })).toEqual([]);
    expect(rule({ status: "statistikk" })).toEqual([{ column: "table_ids", message: "is empty; expected the table page's id when status is statistikk" }]);
    expect(rule({ status: "tilbud", table_ids: ["tabell-1"] })).toEqual([{ column: "table_ids", message: "is set while status is tilbud; expected it empty" }]);
    expect(rule({ status: "utelatt", reason: "Bare tabellteksten står i dokumentet." })).toEqual([]);
    expect(rule({ status: "utelatt" })).toEqual([{ column: "reason", message: "is empty; expected why the table is left out" }]);
    expect(rule({ status: "tilbud" })).toEqual([]);
  });

  it("a document has its seed text; a web page its address and the date it was read", () => {
    const rule = rulesOf(sources);
    expect(rule({ kind: "dokument", seed_file: "000.txt" })).toEqual([]);
    expect(rule({ kind: "dokument" })).toEqual([{ column: "seed_file", message: "is empty; expected the seed text of the document" }]);
    expect(rule({ kind: "nettside", url: "https://x.no/", retrieved: "2026-01-10" })).toEqual([]);
    expect(rule({ kind: "nettside" })).toEqual([
      { column: "url", message: "is empty; expected the address of the web page" },
      { column: "retrieved", message: "is empty; expected the date the web page was read" },
    ]);
  });

  it("a share in per cent lies from 0 to 100", () => {
    const rule = rulesOf(statistics);
    expect(rule({ unit: "prosent", value: 0 })).toEqual([]);
    expect(rule({ unit: "prosent", value: 100 })).toEqual([]);
    expect(rule({ unit: "prosent", value: 100.5 })).toEqual([{ column: "value", message: "100.5 is not a share; expected 0 to 100 when unit is prosent" }]);
    expect(rule({ unit: "prosent", value: -1 })).toEqual([{ column: "value", message: "-1 is not a share; expected 0 to 100 when unit is prosent" }]);
    expect(rule({ unit: "antall", value: 250 })).toEqual([]);
    expect(rule({ unit: "prosent" })).toEqual([]);
  });

  it("a web address belongs to a provider or to a region, not both and not neither", () => {
    const rule = rulesOf(webAddresses);
    expect(rule({ provider_id: "skogli" })).toEqual([]);
    expect(rule({ region: "Helse Nord" })).toEqual([]);
    const both = [{ column: "provider_id", message: "and region are both empty or both set; expected exactly one of them" }];
    expect(rule({})).toEqual(both);
    expect(rule({ provider_id: "skogli", region: "Helse Nord" })).toEqual(both);
  });
});

describe("a review's study cell, checked against the cited lines", () => {
  const check = literature.checkCited!;
  const review = { kind: "systematisk-oversikt", first_author: "Lancman", year: 2021, reference_number: 53 };

  it("finds the author with year and reference number run together, as the table prints them", () => {
    expect(check(review, "Tabell 4.1 Lancman, 202153 Work")).toBeUndefined();
    expect(check(review, "Lancman 202153")).toBeUndefined();
    expect(check({ ...review, first_author: "de Boer" }, "de Boer, 201553")).toBe('"de Boer, 202153" is not the study cell');
    expect(check({ ...review, first_author: "Nieuwen-huijsen" }, "Nieuwen- huijsen, 202153")).toBeUndefined();
    expect(check({ ...review, first_author: "Munoz-Murillo" }, "Munoz-Murillo, 202153")).toBeUndefined();
  });

  it("refuses another year or reference number, and checks only reviews", () => {
    expect(check(review, "Lancman, 202154")).toBe('"Lancman, 202153" is not the study cell');
    expect(check(review, "Lancman, 2021 53")).toBe('"Lancman, 202153" is not the study cell');
    expect(check({ ...review, kind: "rapport" }, "nothing here")).toBeUndefined();
  });
});
