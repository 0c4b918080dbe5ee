import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { csvParseRows } from "d3-dsv";
import { describe, expect, it } from "vitest";
import { DataError } from "../src/pipeline/dataError.ts";
import { compareWithParser, decodeUtf8, parseCsv, scanCsv } from "../src/pipeline/read/readCsv.ts";
import { shippedData } from "./helpers.ts";

const encode = (s: string) => new TextEncoder().encode(s);

describe("reading CSV", () => {
  it("reads a file with a BOM and CRLF line ends exactly like a plain one", () => {
    const plain = "id,name\n0301,Oslo\n5001,Trondheim\n";
    const windows = "\uFEFF" + plain.replace(/\n/g, "\r\n");
    const fromWindows = parseCsv("x.csv", decodeUtf8("x.csv", encode(windows)));
    expect(fromWindows).toEqual(parseCsv("x.csv", decodeUtf8("x.csv", encode(plain))));
    expect(fromWindows.header).toEqual(["id", "name"]);
  });

  it("keeps every value a string, so leading zeros survive", () => {
    const { rows } = parseCsv("x.csv", "id,postnr\n0301,0150\n");
    expect(rows[0]!.cells).toEqual({ id: "0301", postnr: "0150" });
  });

  it("counts physical lines, so a quoted line break moves the next row's line number", () => {
    const { rows } = parseCsv("x.csv", 'id,note\na,"first\nsecond"\nb,plain\n');
    expect(rows.map((r) => r.line)).toEqual([2, 4]);
    expect(rows[0]!.cells.note).toBe("first\nsecond");
  });

  it("reads æøå, emoji and combining marks as they are", () => {
    const text = "id,name\na,Tromsø 🏔️ e\u0301\n";
    expect(parseCsv("x.csv", decodeUtf8("x.csv", encode(text))).rows[0]!.cells.name).toBe("Tromsø 🏔️ e\u0301");
  });

  it("refuses Windows-1252 bytes and points at the first bad byte and its line", () => {
    const bytes = Uint8Array.from([...encode("id,name\na,Troms"), 0xf8, ...encode("\n")]);
    expect(() => decodeUtf8("x.csv", bytes)).toThrow(DataError);
    expect(() => decodeUtf8("x.csv", bytes)).toThrow("x.csv:2: is not valid UTF-8 (byte 0xF8 at byte offset 15)");
  });
});

/** The full DataError text parseCsv throws for the text (file x.csv), or "" when it reads. */
function refusal(text: string): string {
  try {
    parseCsv("x.csv", text);
    return "";
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    return error.message;
  }
}

const header = "id,year,kind,note";

describe("strict CSV structure", () => {
  it("refuses two unbalanced quotes in the middle of a file instead of losing the rows between", () => {
    // The open quote on line 3 closes at the quote starting line 5's note, so lines 3–5 would be one cell.
    const text = [header, "a,2001,x,", 'b,2002,x,"open', "c,2003,x,", 'd,2004,x,"closed"', "e,2005,x,", ""].join("\n");
    expect(refusal(text)).toBe(
      'x.csv:5: has a quote (") that closes a value opened on line 3, but text follows it; expected that value closed on line 3, or "" for each quote inside a quoted value',
    );
  });

  it("refuses a valid-looking quote pair whose cell swallows whole rows", () => {
    const text = [header, "a,2001,x,", 'b,2002,x,"open', "c,2003,x,", "d,2004,x,", 'e,2005,x,closed"', "f,2006,x,", ""].join("\n");
    expect(csvParseRows(text)).toHaveLength(4); // what d3-dsv alone would let through: three rows fewer
    expect(refusal(text)).toBe(
      'x.csv:3: has a quote (") whose value runs on to line 6 and takes in whole rows (line 4 reads as 4 fields); expected the value closed with a quote on this line',
    );
  });

  it("keeps today's message for a quote never closed, at the line it opened", () => {
    expect(refusal([header, "a,2001,x,", 'b,2002,"x,', "c,2003,x,", ""].join("\n"))).toBe('x.csv:3: has a quote (") that is never closed');
  });

  it("refuses a quote inside an unquoted value at its own line, and later lines keep their true numbers", () => {
    expect(refusal([header, 'a,2001,x,he said "hi"', "b,2002,x,", ""].join("\n"))).toBe(
      'x.csv:2:note: has a quote (") inside a value that does not start with a quote; expected the whole value in quotes and the inner quote doubled, e.g. "he said ""hi"""',
    );
    // Fixed as the message says, the quotes no longer shift the line of the next error.
    const fixed = [header, 'a,2001,x,"he said ""hi"""', 'b,2002,x,"a ""b"" c"', "c,2003,x,y,z", ""].join("\n");
    expect(refusal(fixed)).toBe("x.csv:4: has 5 fields, expected 4 (id,year,kind,note); a comma inside a value must be quoted");
  });

  it("names a space before an opening quote", () => {
    expect(refusal([header, 'a,2001, "x",', ""].join("\n"))).toBe(
      'x.csv:2:kind: has a space before the opening quote (") of a value; expected the quote right after the comma',
    );
  });

  it("names a space after a closing quote instead of blaming a comma", () => {
    expect(refusal([header, 'a,2001,"abc" ,next', ""].join("\n"))).toBe(
      'x.csv:2:kind: has a space after the closing quote (") of a value; expected the value to end at the quote, with the comma right after it',
    );
    expect(refusal([header, 'a,2001,"abc"\t,next', ""].join("\n"))).toContain("x.csv:2:kind: has a tab after the closing quote");
    expect(refusal([header, 'a,2001,"abc"\u00A0,next', ""].join("\n"))).toContain("has an invisible space (U+00A0) after the closing quote");
  });

  it("asks for a doubled quote when text follows a closing quote", () => {
    expect(refusal([header, 'a,2001,"the "best" one",', ""].join("\n"))).toBe(
      'x.csv:2:kind: has a quote (") inside a quoted value that is not doubled; expected "" for each quote inside a quoted value',
    );
  });

  it("names Excel's separator line", () => {
    expect(refusal(["sep=,", header, "a,2001,x,", ""].join("\n"))).toBe(
      'x.csv:1: is Excel\'s separator line "sep=,"; expected the header on line 1 (remove this line)',
    );
    expect(refusal(["sep=;", "id;year", "a;2001", ""].join("\r\n"))).toBe(
      'x.csv:1: is Excel\'s separator line "sep=;"; expected the header on line 1 (remove this line)',
    );
  });

  it("names a header that ends with a comma", () => {
    expect(refusal([header + ",", "a,2001,x,y", ""].join("\n"))).toBe(
      'x.csv:1: has a header that ends with a comma (an empty last column name); expected the header to end with "note"',
    );
  });

  it("names a row that ends with a comma after the last column", () => {
    expect(refusal([header, "a,2001,x,y,", "b,2002,x,y", ""].join("\n"))).toBe(
      "x.csv:2: ends with a comma after the last column (note); expected 4 fields, not 5 (or quote a value that holds a comma)",
    );
  });

  it("names a line of only spaces, and still skips an empty line", () => {
    expect(refusal([header, "a,2001,x,y", " \t ", "", "b,2002,x,y", ""].join("\n"))).toBe(
      "x.csv:3: is a line of only spaces; expected a data row, or an empty line",
    );
    expect(parseCsv("x.csv", [header, "a,2001,x,y", "", "b,2002,x,y", ""].join("\n")).rows.map((r) => r.line)).toEqual([2, 4]);
  });

  it("keeps the field count message for the real case", () => {
    expect(refusal([header, "a,2001,x,y,z", ""].join("\n"))).toBe(
      "x.csv:2: has 5 fields, expected 4 (id,year,kind,note); a comma inside a value must be quoted",
    );
  });

  it("reads quoted commas, doubled quotes and quoted line breaks exactly as d3-dsv does, at true lines", () => {
    const text = [header, 'a,2001,"x, y","say ""hi"""', 'b,2002,"",""', 'c,2003,x,"one', "two, three", 'four"', "d,2004,x,", "", "e,2005,,last"].join("\n");
    const scanned = scanCsv("x.csv", text);
    expect(scanned.map((r) => r.fields)).toEqual(csvParseRows(text));
    expect(scanned.map((r) => r.line)).toEqual([1, 2, 3, 4, 7, 8, 9]);
    const { rows } = parseCsv("x.csv", text);
    expect(rows.map((r) => r.line)).toEqual([2, 3, 4, 7, 9]);
    expect(rows[0]!.cells).toEqual({ id: "a", year: "2001", kind: "x, y", note: 'say "hi"' });
    expect(rows[2]!.cells.note).toBe("one\ntwo, three\nfour");
  });

  it("names a file that is empty, or separated by semicolons or tabs", () => {
    expect(refusal("")).toBe("x.csv:1: is empty; expected a header row and data rows");
    expect(refusal(" \r\n\n")).toBe("x.csv:1: is empty; expected a header row and data rows");
    expect(refusal('id;note\na;"x"\n')).toBe("x.csv:1: is separated by semicolons; expected commas between columns");
    expect(refusal("id\tnote\na\tx\n")).toBe("x.csv:1: is separated by tabs; expected commas between columns");
    // A comma in the header makes it a comma file, whatever else the header holds.
    expect(refusal("id,note;x\na,b\n")).toBe("");
    expect(refusal("id\na;b\n")).toBe("");
  });

  it("reports every bad row of a file at once, each at its line", () => {
    expect(refusal([header, "a,2001,x,y,z", "b,2002,x,y", " ", "c,2003", ""].join("\n"))).toBe(
      [
        "x.csv:2: has 5 fields, expected 4 (id,year,kind,note); a comma inside a value must be quoted",
        "x.csv:4: is a line of only spaces; expected a data row, or an empty line",
        "x.csv:5: has 2 fields, expected 4 (id,year,kind,note); a comma inside a value must be quoted",
      ].join("\n"),
    );
  });

  it("lets a value in a file of fewer than four columns hold a line that looks like a row", () => {
    expect(refusal(['id,note', 'a,"first line', 'x,y"', ""].join("\n"))).toBe("");
  });

  it("reads every shipped data file without complaint and exactly as d3-dsv does", async () => {
    const files = (await readdir(shippedData)).filter((f) => f.endsWith(".csv"));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = (await readFile(path.join(shippedData, file), "utf8")).replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
      expect(scanCsv(file, text).map((r) => r.fields), file).toEqual(csvParseRows(text));
      expect(() => parseCsv(file, text), file).not.toThrow();
    }
  });

  it("refuses a file the parser reads as a different number of rows", () => {
    const scanned = [
      { line: 1, fields: ["id", "note"] },
      { line: 2, fields: ["a", "x"] },
      { line: 3, fields: ["b", "y"] },
    ];
    expect(() => compareWithParser("x.csv", scanned, [["id", "note"], ["a", "x"]])).toThrow(
      "x.csv:3: was read as 2 rows by the CSV parser but has 3; expected both to read the same rows (they first differ on this line)",
    );
    expect(() => compareWithParser("x.csv", scanned, [["id", "note"], ["a", "x\u200B"], ["b", "y"]])).toThrow(
      'x.csv:2: was read by the CSV parser as "a","x<U+200B>" but is "a","x"; expected both to read the same values',
    );
    expect(() => compareWithParser("x.csv", scanned, scanned.map((r) => r.fields))).not.toThrow();
  });
});
