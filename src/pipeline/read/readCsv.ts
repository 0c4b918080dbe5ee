import { readFile } from "node:fs/promises";
import { csvParseRows } from "d3-dsv";
import { DataError } from "../dataError.ts";

/** One data row with the 1-based line number it starts on in the file, e.g. { line: 3, cells: { id: "snf-2010" } }. */
export interface CsvRow {
  line: number;
  cells: Record<string, string>;
}

export interface CsvTable {
  file: string;
  header: string[];
  rows: CsvRow[];
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/** Finds the first byte that breaks UTF-8, so the error can point at it (e.g. 0xE6 "æ" from a Windows-1252 export). */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return -1;
}

export function decodeUtf8(file: string, bytes: Uint8Array): string {
  try {
    // TextDecoder drops a leading BOM by default (ignoreBOM: false).
    return strictUtf8.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8Offset(bytes);
    throw new DataError([
      {
        file,
        line: lineAtOffset(bytes, offset),
        column: "",
        message: `is not valid UTF-8 (byte 0x${bytes[offset]?.toString(16).toUpperCase().padStart(2, "0")} at byte offset ${offset}); save the file as UTF-8`,
      },
    ]);
  }
}

function lineAtOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/**
 * Parses CSV text into rows keyed by header, keeping every value a string:
 * typing is the schema's job (no automatic typing, so "0301" stays "0301").
 * Line numbers count physical lines, so a quoted field with a line break moves the next row down.
 */
export function parseCsv(file: string, text: string): CsvTable {
  const normalized = text.replace(/\r\n?/g, "\n");
  if (normalized.trim() === "") {
    throw new DataError([{ file, line: 1, column: "", message: "is empty; expected a header row and data rows" }]);
  }
  const unterminated = findUnterminatedQuote(normalized);
  if (unterminated > 0) {
    throw new DataError([{ file, line: unterminated, column: "", message: 'has a quote (") that is never closed' }]);
  }
  const records = csvParseRows(normalized);
  const lineOfRecord = recordStartLines(normalized);
  const header = records[0]!.map((h) => h.trim());
  const otherDelimiter = header.length === 1 ? [";", "\t"].find((d) => header[0]!.includes(d)) : undefined;
  if (otherDelimiter) {
    const name = otherDelimiter === ";" ? "semicolons" : "tabs";
    throw new DataError([{ file, line: 1, column: "", message: `is separated by ${name}; expected commas between columns` }]);
  }
  const rows: CsvRow[] = [];
  const errors: { file: string; line: number; column: string; message: string }[] = [];
  for (let r = 1; r < records.length; r++) {
    const record = records[r]!;
    const line = lineOfRecord[r] ?? r + 1;
    if (record.length === 1 && record[0] === "") continue; // blank line
    if (record.length !== header.length) {
      errors.push({
        file,
        line,
        column: "",
        message: `has ${record.length} fields, expected ${header.length} (${header.join(",")}); a comma inside a value must be quoted`,
      });
      continue;
    }
    const cells: Record<string, string> = {};
    header.forEach((name, i) => (cells[name] = record[i]!));
    rows.push({ line, cells });
  }
  if (errors.length) throw new DataError(errors);
  return { file, header, rows };
}

/** 1-based line on which each CSV record starts, honouring quoted line breaks. */
function recordStartLines(text: string): number[] {
  const starts = [1];
  let line = 1;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === "\n") {
      line++;
      if (!quoted && i < text.length - 1) starts.push(line);
    }
  }
  return starts;
}

/** Line of an opening quote that never closes, or 0. */
function findUnterminatedQuote(text: string): number {
  let quoted = false;
  let openedAt = 0;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      quoted = !quoted;
      if (quoted) openedAt = line;
    } else if (ch === "\n") line++;
  }
  return quoted ? openedAt : 0;
}

export async function readCsv(file: string): Promise<CsvTable> {
  const bytes = new Uint8Array(await readFile(file));
  return parseCsv(file, decodeUtf8(file, bytes));
}
