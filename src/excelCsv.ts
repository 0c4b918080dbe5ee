// A CSV that Norwegian Excel opens right with a double click: semicolons between cells (Excel's list separator where
// the decimal sign is a comma), decimal comma, and a UTF-8 byte order mark so «æøå» survive.

import { neutralizeFormula } from "./csvFile.ts";

export type ExcelCell = string | number | boolean | readonly string[] | undefined | null;

export function excelNumber(n: number): string {
  // No thousands separator: Excel would take "11 771" for text.
  return String(n).replace(".", ",");
}

export function excelText(text: string): string {
  const safe = neutralizeFormula(text);
  return /[;"\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function excelCell(value: ExcelCell): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "number") return excelNumber(value);
  if (typeof value === "boolean") return value ? "ja" : "nei";
  if (Array.isArray(value)) return excelText(value.join("; "));
  return excelText(value as string);
}

export function excelCsv(header: readonly string[], rows: readonly (readonly ExcelCell[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(excelCell).join(";"));
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}
