// What the generate stage wrote under src/generated/ (records as JSON, copies of the CSV files), read from disk when
// the pages are rendered instead of being bundled: at 10× data Vite turned some 70 MB of JSON and CSV into JavaScript
// literals, and compiling them took about a third of Astro's build.
import { readFileSync } from "node:fs";
import path from "node:path";

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
