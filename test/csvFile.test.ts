import { csvParseRows } from "d3-dsv";
import { describe, expect, it } from "vitest";
import { csvFile, csvFileOfRecords, neutralizeFormula } from "../src/csvFile.ts";

describe("CSV downloads", () => {
  it("turn every cell a spreadsheet would run as a formula into plain text (OWASP)", () => {
    for (const cell of ["=1+1", '=HYPERLINK("https://x")', "+SUM(A1)", "-2+3+cmd|' /C calc'!A0", "- cmd|' /C calc'!A0", "-mer enn halvparten", "@SUM(A1)", "\t=1", "\r=1"]) {
      expect(neutralizeFormula(cell)).toBe(`'${cell}`);
    }
  });

  it("leave numbers, signed numbers and ordinary text as they are", () => {
    for (const cell of ["-5", "+3", "-12.5", "-0,5", "-4 592", "-3,2 %", "-7.16E-06", "-4.182**", "-", "42", "", "Helse Vest", "Sykefravær – 2019", "a=b"]) {
      expect(neutralizeFormula(cell)).toBe(cell);
    }
  });

  it("write rows with quotes where needed and neutralised cells, readable back", () => {
    const text = csvFile([["navn", "verdi"], ["=cmd", "-5"], ['Sier "ja", og nei', "1"]]);
    expect(text.endsWith("\n")).toBe(true);
    expect(csvParseRows(text.trimEnd())).toEqual([["navn", "verdi"], ["'=cmd", "-5"], ['Sier "ja", og nei', "1"]]);
  });

  it("write records with their keys as the header", () => {
    expect(csvFileOfRecords([{ rad: "@x", verdi: 3 }, { rad: "b", verdi: -1 }])).toBe("rad,verdi\n'@x,3\nb,-1\n");
  });
});
