import { dsvFormat } from "d3-dsv";
import { describe, expect, it } from "vitest";
import { excelCsv } from "../src/excelCsv.ts";
import { unplacedGroups } from "../src/statistics.ts";
import { formatKeyFigure } from "../src/keyFigures.ts";
import type { KeyFigure } from "../src/model/datasets.ts";

const semicolon = dsvFormat(";");

describe("the Excel-ready CSV", () => {
  const file = excelCsv(
    ["Fylke", "Henvisninger", "Andel", "Merknad"],
    [
      ["Østfold", 128, 12.5, "=HYPERLINK(\"http://x\")"],
      ["Oslo; sentrum", -0.36, undefined, "@SUM(A1)"],
      ["Møre og Romsdal", 2346, 0, ["a", "b"]],
    ],
  );

  it("starts with a UTF-8 byte order mark, so Excel reads æøå right", () => {
    expect(file.charCodeAt(0)).toBe(0xfeff);
  });

  it("reads back with semicolons as separators into the same columns and numbers with a decimal comma", () => {
    const rows = semicolon.parseRows(file.slice(1).trimEnd().replace(/\r\n/g, "\n"));
    expect(rows[0]).toEqual(["Fylke", "Henvisninger", "Andel", "Merknad"]);
    expect(rows).toHaveLength(4);
    expect(rows[1]!.slice(0, 3)).toEqual(["Østfold", "128", "12,5"]);
    expect(rows[2]!.slice(0, 3)).toEqual(["Oslo; sentrum", "-0,36", ""]);
    expect(rows[3]!.slice(1, 4)).toEqual(["2346", "0", "a; b"]);
  });

  it("never lets a text cell start a formula; numbers keep their minus sign", () => {
    const rows = semicolon.parseRows(file.slice(1).trimEnd().replace(/\r\n/g, "\n"));
    expect(rows[1]![3]).toBe("'=HYPERLINK(\"http://x\")");
    expect(rows[2]![3]).toBe("'@SUM(A1)");
    expect(rows[2]![1]).toBe("-0,36");
    for (const row of rows) for (const cell of row.filter((c) => !/^-?\d+(,\d+)?$/.test(c))) expect(cell).not.toMatch(/^[=+\-@]/);
  });

  it("writes no thousands separator, which Excel would read as text", () => {
    expect(excelCsv(["n"], [[5746911000]])).toBe("\uFEFFn\r\n5746911000\r\n");
  });
});

describe("values a table could not place", () => {
  it("reads plain values and values grouped under their row", () => {
    expect(unplacedGroups("13; 6,0; Er sykmeldt: 2 5 5")).toEqual([
      { values: ["13"] },
      { values: ["6,0"] },
      { row: "Er sykmeldt", values: ["2", "5", "5"] },
    ]);
    expect(unplacedGroups("Rad: med kolon: 1 2")).toEqual([{ row: "Rad: med kolon", values: ["1", "2"] }]);
    expect(unplacedGroups(undefined)).toEqual([]);
  });
});

describe("a key figure as a Norwegian reader says it", () => {
  const figure = (value: number, unit: KeyFigure["unit"]) => ({ value, unit }) as KeyFigure;
  it("shortens kroner to billions or millions with a decimal comma", () => {
    expect(formatKeyFigure(figure(5746911000, "kroner"))).toBe("5,75 mrd. kroner");
    expect(formatKeyFigure(figure(616700000, "kroner"))).toBe("616,7 mill. kroner");
  });
  it("writes counts with a space between thousands and days with their sign", () => {
    expect(formatKeyFigure(figure(233610, "antall")).replace(/\s/g, " ")).toBe("233 610");
    expect(formatKeyFigure(figure(-8.64, "dager")).replace(/\u2212/g, "-")).toBe("-8,64 dager");
  });
});
