// The validate stage on small tables made here, without the shipped data: each rule with the exact message it gives.
import { describe, expect, it } from "vitest";
import { defineDataset } from "../src/model/dataset.ts";
import { id, integer, list, optional, reference, text } from "../src/model/columns.ts";
import type { CsvTable } from "../src/pipeline/read/readCsv.ts";
import { referenceIssues, validateTable } from "../src/pipeline/validate/validate.ts";

const places = defineDataset({
  name: "places",
  file: "places.csv",
  title: "Steder",
  description: "",
  key: "id",
  columns: { id: id({ description: "" }), name: text({ description: "" }) },
});
const offers = defineDataset({
  name: "offers",
  file: "offers.csv",
  title: "Tilbud",
  description: "",
  key: "id",
  columns: {
    id: id({ description: "" }),
    place_id: optional(reference("places", { description: "" })),
    place_ids: optional(list(reference("places", { description: "" }), { description: "" })),
    weeks: optional(integer({ description: "", min: 1, max: 52 })),
  },
  rowRules: (row) => (row.weeks === 13 ? [{ column: "weeks", message: "is unlucky" }] : []),
});

/** A table as the read stage hands it over: the header, then one object of cells per line from line 2. */
function table(file: string, header: string[], ...rows: string[][]): CsvTable {
  return {
    file: `data/${file}`,
    header,
    rows: rows.map((cells, i) => ({ line: i + 2, cells: Object.fromEntries(header.map((h, k) => [h, cells[k] ?? ""])) })),
  };
}

const placesTable = table("places.csv", ["id", "name"], ["bodo", "Bodø"], ["tromso", "Tromsø"]);
const offersHeader = ["id", "place_id", "place_ids", "weeks"];
const messages = (issues: { file: string; line: number; column: string; message: string }[]) =>
  issues.map((i) => `${i.file}:${i.line}:${i.column}: ${i.message}`);

/** The reference issues of offers rows against the two places bodo and tromso. */
function referencesOf(...rows: string[][]): string[] {
  const validated = [validateTable(places, placesTable).result, validateTable(offers, table("offers.csv", offersHeader, ...rows)).result];
  return messages(referenceIssues(validated));
}

describe("the header of a file", () => {
  it("refuses a column named twice, once, on line 1", () => {
    const { issues, result } = validateTable(places, table("places.csv", ["id", "name", "id"], ["bodo", "Bodø", "bodo"]));
    expect(messages(issues)).toEqual(["data/places.csv:1:id: column appears twice in the header"]);
    expect(result.headerValid).toBe(false);
    expect(result.rows).toEqual([]);
  });

  it("names a missing column and an unknown one, with the columns expected", () => {
    const { issues } = validateTable(places, table("places.csv", ["id", "navn"], ["bodo", "Bodø"]));
    expect(messages(issues)).toEqual([
      "data/places.csv:1:name: column is missing from the header; expected columns: id,name",
      "data/places.csv:1:navn: is not a known column of places.csv; expected columns: id,name",
    ]);
  });

  it("accepts the columns in any order", () => {
    const { issues, result } = validateTable(places, table("places.csv", ["name", "id"], ["Bodø", "bodo"]));
    expect(issues).toEqual([]);
    expect(result.headerValid).toBe(true);
    expect(result.rows).toEqual([{ line: 2, record: { id: "bodo", name: "Bodø" } }]);
  });
});

describe("the rows of a file", () => {
  it("keeps valid rows with their line, typed, and reports every bad cell of the others", () => {
    const { issues, result } = validateTable(
      offers,
      table("offers.csv", offersHeader, ["a", "bodo", "bodo; tromso", "4"], ["B", "", "", "0"], ["c", "", "", ""]),
    );
    expect(result.rows).toEqual([
      { line: 2, record: { id: "a", place_id: "bodo", place_ids: ["bodo", "tromso"], weeks: 4 } },
      { line: 4, record: { id: "c", place_id: undefined, place_ids: undefined, weeks: undefined } },
    ]);
    expect(messages(issues)).toEqual([
      'data/offers.csv:3:id: "B" is not valid; expected an id of lower-case letters a–z, digits and single hyphens',
      "data/offers.csv:3:weeks: 0 is out of range; expected a whole number from 1 to 52",
    ]);
  });

  it("runs the rules across columns only on rows whose cells are valid, and leaves a row that breaks one out", () => {
    const { issues, result } = validateTable(offers, table("offers.csv", offersHeader, ["a", "", "", "13"], ["b", "", "", "x"]));
    expect(result.rows).toEqual([]);
    expect(messages(issues)).toEqual([
      "data/offers.csv:2:weeks: is unlucky",
      'data/offers.csv:3:weeks: "x" is not a whole number; expected digits only, without spaces, separators or decimals',
    ]);
  });

  it("refuses a key used twice, naming the line it was first used on", () => {
    const { issues } = validateTable(places, table("places.csv", ["id", "name"], ["bodo", "Bodø"], ["mo", "Mo"], ["bodo", "Bodø igjen"], ["bodo", "Bodø 3"]));
    expect(messages(issues)).toEqual([
      'data/places.csv:4:id: "bodo" is a duplicate; the same id is already used on line 2',
      'data/places.csv:5:id: "bodo" is a duplicate; the same id is already used on line 2',
    ]);
  });

  it("refuses a header without rows", () => {
    expect(messages(validateTable(places, table("places.csv", ["id", "name"])).issues)).toEqual(["data/places.csv:2:: has a header but no data rows"]);
  });
});

describe("references across files", () => {
  it("accept keys that exist, in a single column and in every item of a list", () => {
    expect(referencesOf(["a", "bodo", "tromso; bodo", ""], ["b", "", "", ""])).toEqual([]);
  });

  it("refuse a dangling reference in the second item of a list cell, naming that item", () => {
    expect(referencesOf(["a", "", "bodo; narvik", ""])).toEqual(['data/offers.csv:2:place_ids: "narvik" does not match any id in data/places.csv']);
  });

  it("refuse a dangling reference in a single column, and in each list item apart", () => {
    expect(referencesOf(["a", "mo", "mo;narvik", ""])).toEqual([
      'data/offers.csv:2:place_id: "mo" does not match any id in data/places.csv',
      'data/offers.csv:2:place_ids: "mo" does not match any id in data/places.csv',
      'data/offers.csv:2:place_ids: "narvik" does not match any id in data/places.csv',
    ]);
  });

  it("are checked on rows that failed validation too, so one bad cell does not hide another", () => {
    expect(referencesOf(["a", "mo", "", "0"])).toEqual(['data/offers.csv:2:place_id: "mo" does not match any id in data/places.csv']);
  });

  it("are not checked from or to a file whose header is wrong: that error is reported already", () => {
    const badPlaces = validateTable(places, table("places.csv", ["id", "navn"], ["bodo", "Bodø"])).result;
    const goodOffers = validateTable(offers, table("offers.csv", offersHeader, ["a", "mo", "", ""])).result;
    expect(referenceIssues([badPlaces, goodOffers])).toEqual([]);
    const badOffers = validateTable(offers, table("offers.csv", ["id", "place_id"], ["a", "mo"])).result;
    expect(referenceIssues([validateTable(places, placesTable).result, badOffers])).toEqual([]);
  });

  it("are not checked to a file that could not be read", () => {
    expect(referenceIssues([validateTable(offers, table("offers.csv", offersHeader, ["a", "mo", "", ""])).result])).toEqual([]);
  });
});

describe("how a problem in the data is printed", async () => {
  const { DataError, formatIssue, showValue } = await import("../src/pipeline/dataError.ts");

  it("names file, line and column, or the file alone for a problem with the whole file", () => {
    expect(formatIssue({ file: "data/offers.csv", line: 14, column: "region", message: "is wrong" })).toBe("data/offers.csv:14:region: is wrong");
    expect(formatIssue({ file: "data/offers.csv", line: 3, column: "", message: "is a line of only spaces" })).toBe("data/offers.csv:3: is a line of only spaces");
    expect(formatIssue({ file: "data/offers.csv", line: 0, column: "", message: "file is missing" })).toBe("data/offers.csv: file is missing");
    const error = new DataError([
      { file: "a.csv", line: 2, column: "id", message: "x" },
      { file: "b.csv", line: 0, column: "", message: "y" },
    ]);
    expect(error.message).toBe("a.csv:2:id: x\nb.csv: y");
    expect(error.name).toBe("DataError");
    expect(error.issues).toHaveLength(2);
  });

  it("shows a value in quotes, shortened, with characters a reader cannot see or tell apart as code points", () => {
    expect(showValue("Helse Nord")).toBe('"Helse Nord"');
    expect(showValue("12\u200B345")).toBe('"12<U+200B>345"');
    expect(showValue("\u22125 og 1\u00A0000 og a\u2010b")).toBe('"<U+2212>5 og 1<U+00A0>000 og a<U+2010>b"');
    expect(showValue("x".repeat(60))).toBe(JSON.stringify("x".repeat(60)));
    expect(showValue("x".repeat(61))).toBe(JSON.stringify(`${"x".repeat(57)}…`));
  });
});
