import { describe, expect, it } from "vitest";
import { DataError } from "../src/pipeline/dataError.ts";
import { decodeUtf8, parseCsv } from "../src/pipeline/read/readCsv.ts";

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
