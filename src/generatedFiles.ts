// What the generate stage wrote under src/generated/ (records as JSON, copies of the CSV files), read from disk when
// the pages are rendered instead of being bundled: at 10× data Vite turned some 70 MB of JSON and CSV into JavaScript
// literals, and compiling them took about a third of Astro's build.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Dataset } from "./model/dataset.ts";
import { cacheKeyOf } from "./site.ts";

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

const fileKeys = new Map<string, string>();

/**
 * A hash of a file of src/generated/, for the cacheKey of a path that reads that one file and no other data (the open
 * data files): Astro's incremental build then renders the path again exactly when the file changed.
 */
export function generatedFileKey(relative: string): string {
  let key = fileKeys.get(relative);
  if (key === undefined) {
    const bytes = readFileSync(path.join(generatedDir, relative));
    fileKeys.set(relative, (key = createHash("sha256").update(bytes).digest("hex").slice(0, 16)));
  }
  return key;
}

/** The cacheKey of an open-data path that reads the one generated file `relative`: the address settings and the file's hash. */
export const generatedFileCacheKey = (relative: string): string => cacheKeyOf(generatedFileKey(relative));
