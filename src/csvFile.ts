// CSV files the site offers for download. A cell a spreadsheet would run as a formula (OWASP "CSV injection":
// one starting with =, +, -, @, tab or carriage return) gets a leading apostrophe, which makes it plain text.
// The data check already refuses such text in data/, so this guards what is derived from it (labels, exports).
import { csvFormatRows } from "d3-dsv";
import { startsLikeFormula } from "./model/formula.ts";

export function neutralizeFormula(cell: string): string {
  return startsLikeFormula(cell) ? `'${cell}` : cell;
}

/** Rows of strings as a CSV file (comma, quotes where needed, a final line break), every cell neutralised. */
export function csvFile(rows: readonly (readonly string[])[]): string {
  return csvFormatRows(rows.map((row) => row.map(neutralizeFormula))) + "\n";
}

/** Records as a CSV file with their keys as the header, in the order of the first record's keys. */
export function csvFileOfRecords(records: readonly Record<string, string | number>[]): string {
  const header = Object.keys(records[0] ?? {});
  return csvFile([header, ...records.map((r) => header.map((h) => String(r[h] ?? "")))]);
}
