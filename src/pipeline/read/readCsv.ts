import { readFile } from "node:fs/promises";
import { csvParseRows } from "d3-dsv";
import { DataError, showValue, type DataIssue } from "../dataError.ts";

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

/** A record as scanCsv reads it: the physical line it starts on and its fields, unquoted. */
export interface ScannedRecord {
  line: number;
  fields: string[];
}

/**
 * Strict RFC 4180 scan of LF-only text, walking it once to find each record's true physical line and to refuse
 * the first structural problem, which d3-dsv would read silently (a stray quote can merge rows into one cell).
 * Like csvParseRows, one final line break ends the last record instead of starting an empty one.
 */
export function scanCsv(file: string, text: string): ScannedRecord[] {
  const records: ScannedRecord[] = [];
  const end = text.endsWith("\n") ? text.length - 1 : text.length;
  if (end === 0) return records;
  let header: string[] = [];
  let fields: string[] = [];
  let recordLine = 1;
  let line = 1;
  const fail = (at: number, message: string, field = -1): never => {
    throw new DataError([{ file, line: at, column: records.length > 0 ? (header[field] ?? "") : "", message }]);
  };
  let i = 0;
  for (;;) {
    let value: string;
    if (i < end && text.charCodeAt(i) === QUOTE) {
      const openLine = line;
      const parts: string[] = [];
      let from = i + 1;
      let j = from;
      for (;;) {
        if (j >= end) fail(openLine, 'has a quote (") that is never closed');
        const c = text.charCodeAt(j);
        if (c === NEWLINE) line++;
        else if (c === QUOTE) {
          if (j + 1 < end && text.charCodeAt(j + 1) === QUOTE) {
            parts.push(text.slice(from, j + 1));
            from = j + 2;
            j++;
          } else break;
        }
        j++;
      }
      parts.push(text.slice(from, j));
      value = parts.join("");
      i = j + 1;
      const next = text[i];
      if (i < end && next !== "," && next !== "\n") {
        if (/\s/.test(next!)) {
          fail(line, `has ${nameOfSpace(next!)} after the closing quote (") of a value; expected the value to end at the quote, with the comma right after it`, fields.length);
        }
        if (openLine === line) {
          fail(line, 'has a quote (") inside a quoted value that is not doubled; expected "" for each quote inside a quoted value', fields.length);
        }
        // A quote left open on an earlier line is the likely cause, so point back at it.
        fail(line, `has a quote (") that closes a value opened on line ${openLine}, but text follows it; expected that value closed on line ${openLine}, or "" for each quote inside a quoted value`);
      }
    } else {
      let j = i;
      while (j < end) {
        const c = text.charCodeAt(j);
        if (c === COMMA || c === NEWLINE) break;
        if (c === QUOTE) {
          if (/^\s+$/.test(text.slice(i, j))) {
            fail(line, 'has a space before the opening quote (") of a value; expected the quote right after the comma', fields.length);
          }
          fail(line, 'has a quote (") inside a value that does not start with a quote; expected the whole value in quotes and the inner quote doubled, e.g. "he said ""hi"""', fields.length);
        }
        j++;
      }
      value = text.slice(i, j);
      i = j;
    }
    fields.push(value);
    if (i >= end || text.charCodeAt(i) === NEWLINE) {
      records.push({ line: recordLine, fields });
      if (records.length === 1) header = fields.map((f) => f.trim());
      if (i >= end) return records;
      fields = [];
      line++;
      recordLine = line;
    }
    i++;
  }
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const NEWLINE = 0x0a;

function nameOfSpace(ch: string): string {
  if (ch === " ") return "a space";
  if (ch === "\t") return "a tab";
  return `an invisible space (U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")})`;
}

/** Refuses a file the scanner and d3-dsv read differently, so no row can vanish or change without a message. */
export function compareWithParser(file: string, scanned: ScannedRecord[], parsed: string[][]): void {
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((v, k) => v === b[k]);
  const r = scanned.findIndex((rec, k) => !parsed[k] || !same(rec.fields, parsed[k]));
  const at = r >= 0 ? r : scanned.length;
  if (at === parsed.length && parsed.length === scanned.length) return;
  const line = scanned[Math.min(at, scanned.length - 1)]?.line ?? 1;
  const message =
    parsed.length !== scanned.length
      ? `was read as ${parsed.length} rows by the CSV parser but has ${scanned.length}; expected both to read the same rows (they first differ on this line)`
      : `was read by the CSV parser as ${parsed[at]!.map(showValue).join(",")} but is ${scanned[at]!.fields.map(showValue).join(",")}; expected both to read the same values`;
  throw new DataError([{ file, line, column: "", message }]);
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
  const firstLine = normalized.split("\n", 1)[0]!;
  if (/^sep=.$/i.test(firstLine)) {
    throw new DataError([{ file, line: 1, column: "", message: `is Excel's separator line ${showValue(firstLine)}; expected the header on line 1 (remove this line)` }]);
  }
  // Before the strict scan: quotes in a semicolon file sit mid-field to a comma reader and would be blamed instead.
  const otherDelimiter = firstLine.includes(",") ? undefined : [";", "\t"].find((d) => firstLine.includes(d));
  if (otherDelimiter) {
    const name = otherDelimiter === ";" ? "semicolons" : "tabs";
    throw new DataError([{ file, line: 1, column: "", message: `is separated by ${name}; expected commas between columns` }]);
  }
  const records = scanCsv(file, normalized);
  compareWithParser(file, records, csvParseRows(normalized));
  const header = records[0]!.fields.map((h) => h.trim());
  if (header.length > 1 && header.at(-1) === "") {
    throw new DataError([{ file, line: 1, column: "", message: `has a header that ends with a comma (an empty last column name); expected the header to end with ${showValue(header.at(-2)!)}` }]);
  }
  const merged = mergedRows(file, records, header.length);
  if (merged) throw new DataError([merged]);
  const rows: CsvRow[] = [];
  const errors: DataIssue[] = [];
  for (const { line, fields } of records.slice(1)) {
    if (fields.length === 1 && fields[0] === "") continue; // blank line
    if (fields.length === 1 && /^\s+$/.test(fields[0]!)) {
      errors.push({ file, line, column: "", message: "is a line of only spaces; expected a data row, or an empty line" });
      continue;
    }
    if (fields.length === header.length + 1 && fields.at(-1) === "") {
      errors.push({
        file,
        line,
        column: "",
        message: `ends with a comma after the last column (${header.at(-1)}); expected ${header.length} fields, not ${fields.length} (or quote a value that holds a comma)`,
      });
      continue;
    }
    if (fields.length !== header.length) {
      errors.push({
        file,
        line,
        column: "",
        message: `has ${fields.length} fields, expected ${header.length} (${header.join(",")}); a comma inside a value must be quoted`,
      });
      continue;
    }
    const cells: Record<string, string> = {};
    header.forEach((name, k) => (cells[name] = fields[k]!));
    rows.push({ line, cells });
  }
  if (errors.length) throw new DataError(errors);
  return { file, header, rows };
}

/**
 * Two stray quotes (one left open, its partner rows below) make a valid CSV whose one cell swallows the rows between:
 * a line inside a quoted value that splits into exactly as many fields as the header is taken for such a row.
 * Files of few columns are skipped, since an ordinary sentence with a comma or two would look like a row there.
 */
function mergedRows(file: string, records: ScannedRecord[], columns: number): DataIssue | undefined {
  if (columns < 4) return undefined;
  for (const { line, fields } of records.slice(1)) {
    let at = line;
    for (const value of fields) {
      const lines = value.split("\n");
      const k = lines.findIndex((l, n) => n > 0 && l.split(",").length === columns);
      if (k > 0) {
        return {
          file,
          line: at,
          column: "",
          message: `has a quote (") whose value runs on to line ${at + lines.length - 1} and takes in whole rows (line ${at + k} reads as ${columns} fields); expected the value closed with a quote on this line`,
        };
      }
      at += lines.length - 1;
    }
  }
  return undefined;
}

export async function readCsv(file: string): Promise<CsvTable> {
  const bytes = new Uint8Array(await readFile(file));
  return parseCsv(file, decodeUtf8(file, bytes));
}
