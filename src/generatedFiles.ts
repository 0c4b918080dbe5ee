// What the generate stage wrote under src/generated/ (records as JSON, copies of the CSV files), read from disk when
// the pages are rendered instead of being bundled: at 10× data Vite turned some 70 MB of JSON and CSV into JavaScript
// literals, and compiling them took about a third of Astro's build.
import { closeSync, openSync, readFileSync, readSync } from "node:fs";
import path from "node:path";
import type { Dataset } from "./model/dataset.ts";
import { cacheKeyOf } from "./site.ts";
import { generatedHashes } from "./generatedHashes.ts";

/** src/generated/ of the project: Astro (build and dev) and the tests run from the project's root folder. */
export const generatedDir = path.join(process.cwd(), "src", "generated");

/** A file of src/generated/, e.g. "data/offers.json"; `missing` is the error when the generate stage has not written it. */
export function generatedFile(relative: string, missing: string): string {
  try {
    return readFileSync(path.join(generatedDir, relative), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new Error(missing);
    throw error;
  }
}

const csvTexts = new Map<string, string>();

/** The dataset's CSV file as the data editors wrote it (the generate stage's copy, byte for byte). */
export function csvTextOf(d: Dataset): string {
  let text = csvTexts.get(d.file);
  if (text === undefined) csvTexts.set(d.file, (text = generatedFile(`csv/${d.file}`, `No copy of ${d.file} in src/generated/csv`)));
  return text;
}

/** The end of a CSV text's first record: its first line break outside a quoted field (RFC 4180, as d3-dsv reads it); undefined when it has none. */
export function firstRecordEnd(text: string): number | undefined {
  let fieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (fieldStart && c === '"') {
      // A quoted field runs to its closing quote; "" inside it is a quote.
      i++;
      while (i < text.length && !(text[i] === '"' && text[i + 1] !== '"')) i += text[i] === '"' ? 2 : 1;
    } else if (c === "\n" || c === "\r") return i;
    else fieldStart = c === ",";
  }
  return undefined;
}

/**
 * The first record of the dataset's CSV file (its header), as text: read from the file's start only, since the open-data
 * descriptions need the header of every file (at 10× data, reading and parsing all of statistics.csv took 0.3 s).
 */
export function csvHeaderTextOf(d: Dataset, chunkBytes = 65536): string {
  const start = Buffer.alloc(chunkBytes);
  let fd: number;
  try {
    fd = openSync(path.join(generatedDir, "csv", d.file), "r");
  } catch {
    return csvTextOf(d); // names the missing file
  }
  let read: number;
  try {
    read = readSync(fd, start, 0, start.length, 0);
  } finally {
    closeSync(fd);
  }
  // (A character cut at the chunk's end is after the first record, or the whole file is read.)
  const text = start.subarray(0, read).toString("utf8");
  const end = firstRecordEnd(text);
  if (end !== undefined) return text.slice(0, end);
  const whole = csvTextOf(d);
  return whole.slice(0, firstRecordEnd(whole));
}

let generatedHash: ((relative: string) => string) | undefined;

/**
 * A hash of a file of src/generated/, for the cacheKey of a path that reads that one file and no other data (the open
 * data files): Astro's incremental build then renders the path again exactly when the file changed.
 */
export function generatedFileKey(relative: string): string {
  generatedHash ??= generatedHashes(generatedDir);
  return generatedHash(relative).slice(0, 16);
}

/** The cacheKey of an open-data path that reads the one generated file `relative`: the address settings and the file's hash. */
export const generatedFileCacheKey = (relative: string): string => cacheKeyOf(generatedFileKey(relative));
