// CSV files the site offers for download. A cell a spreadsheet would run as a formula (OWASP "CSV injection":
// one starting with =, +, -, @, tab or carriage return) gets a leading apostrophe, which makes it plain text.
// The data check already refuses such text in data/, so this guards what is derived from it (labels, exports).
import { csvFormatRows } from "d3-dsv";

/**
 * Would a spreadsheet run this cell as a formula? A signed number as a source prints it ("-4 592", "-7.16E-06", "-4.182**")
 * has no name or bracket, so it cannot call a function or reach another program; anything else after + or - can.
 */
export function startsLikeFormula(cell: string): boolean {
  return /^[=+\-@\t\r]/.test(cell) && !/^[+-][\d \u00A0\u202F.,%*eE+-]*$/.test(cell);
}

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
