import { readFile } from "node:fs/promises";
import path from "node:path";
import type { LoadedData } from "../loadData.ts";
import type { Dataset } from "../../model/dataset.ts";
import type { ValidatedDataset } from "../validate/validate.ts";

/** The seed texts sit beside the project (../shared/seeds), never inside it. */
// SEEDS_DIR names another place (mutation testing runs from a copy of the project two folders deeper).
export const defaultSeedsDir = process.env.SEEDS_DIR
  ? path.resolve(process.env.SEEDS_DIR)
  : path.resolve(import.meta.dirname, "../../../../shared/seeds");

/** How the seeds print a number: a space between thousands, e.g. 481927000 → "481 927 000". */
export function seedNumber(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
}

/**
 * Whether a line holds the number as a whole, spaced ("481 927 000") or plain ("2007", "2007-2017"),
 * and not as a piece of a larger one: "927 000" is not in "481 927 000", but "457 900 000" is in
 * "2008 457 900 000", since a leading thousands group has at most three digits.
 */
export function lineHasNumber(line: string, n: number): boolean {
  // A number below 1000 has no thousands group, so in a row of small counts ("12 12 24") a whole token is enough.
  if (Math.abs(n) < 1000 && line.split(/[\s\u00a0]+/).includes(String(n))) return true;
  return [seedNumber(n), String(n)].some((form) => {
    const body = form.replace(/ /g, "[ \u00a0]");
    const leadingGroup = form.split(" ")[0]!.length;
    const before = "(?<![\\d.,])(?<!(?:^|[^\\d])\\d{1,3}[ \u00a0])";
    const ends = "(?![\\d]|[.,]\\d)";
    // Only a form that can start a spaced number ("481", "481 927") may continue in a further group.
    const after = leadingGroup <= 3 ? `${ends}(?![ \u00a0]\\d{3}(?!\\d))` : ends;
    return new RegExp(`${before}${body}${after}`).test(line);
  });
}

/** A number as our texts and the seeds write it: "9 938", "2,5", "18"; a year or a count alike. */
const numberPattern = /(?<![\d.,])\d{1,3}(?:[ \u00a0]\d{3})+(?:,\d+)?(?!\d)|(?<![\d.,])\d+(?:[.,]\d+)?(?![\d])/g;
const plainNumber = (n: string) => n.replace(/[ \u00a0]/g, "").replace(".", ",");

/** The numbers written in a text, as written ("9 938", "2,5"). */
export const numbersIn = (text: string): string[] => text.match(numberPattern) ?? [];

/**
 * Whether a seed text holds a number as a whole, spaced or not ("9 938" or "9938"), with a decimal comma or point:
 * "9 938" is not in "19 938", and "2,5" is in "2.5".
 */
export function textHasNumber(text: string, number: string): boolean {
  const wanted = plainNumber(number);
  if (numbersIn(text).some((n) => plainNumber(n) === wanted)) return true;
  // A table row prints small counts side by side ("93 121 264 48"), which also reads as one spaced number; as for
  // lineHasNumber, a number written without a space is found as a whole token too.
  return !/[ \u00a0]/.test(number) && text.split(/[\s\u00a0]+/).some((token) => plainNumber(token.replace(/^[^\d]+|[^\d]+$/g, "")) === wanted);
}

/**
 * The columns of a dataset that are our own words: free text that is not allowed to stand as printed, and not the
 * editors' note. Their numbers must stand in the cited lines.
 */
export function ownWordsColumns(dataset: Dataset): string[] {
  if (dataset.synthesis) return [];
  const asPrinted = new Set(dataset.asPrinted ?? []);
  return Object.entries(dataset.columns)
    .filter(([name, column]) => column.prose && !asPrinted.has(name) && !/^source_/.test(name))
    .map(([name]) => name);
}

/** Compares text across the extraction's line breaks: all runs of white space count as one space. */
const squash = (text: string) => text.replace(/\s+/g, " ").trim();

export interface ProvenanceReport {
  checked: number;
  problems: string[];
}

/**
 * Checks that data/ still says what the seeds say: every seed file named in sources.csv exists, each cited number
 * of a row stands on the line the row cites (as the seed prints it), each text cited as printed stands in the cited
 * lines, and every number in a text of our own words stands in the cited lines.
 */
export async function checkProvenance(data: LoadedData, seedsDir: string = defaultSeedsDir): Promise<ProvenanceReport> {
  const problems: string[] = [];
  let checked = 0;
  const seedLines = new Map<string, string[]>();
  for (const { line, record } of data.sources.rows) {
    // A web page has no seed text; rows citing it are checked by the editor who read it (url and date in sources.csv).
    if (record.seed_file === undefined) continue;
    checked++;
    const text = await readFile(path.join(seedsDir, record.seed_file), "utf8").catch(() => undefined);
    if (text === undefined) problems.push(`${data.sources.file}:${line}:seed_file: ${record.seed_file} is not in ${seedsDir}`);
    else seedLines.set(record.id, text.split("\n"));
  }
  for (const dataset of Object.values(data) as ValidatedDataset[]) {
    const texts = dataset.dataset.citedTexts ?? [];
    for (const { line, record } of dataset.rows) {
      const row = record as Record<string, unknown>;
      const lines = seedLines.get(String(row.source_id));
      if (!lines || texts.length === 0) continue;
      const last = Number(row.source_line_last ?? row.source_line);
      const cited = squash(lines.slice(Number(row.source_line) - 1, last).join(" "));
      for (const column of texts) {
        const value = row[column];
        if (typeof value !== "string") continue;
        checked++;
        // Several phrases from the same lines are joined with " | ".
        if (!value.split(" | ").every((part) => cited.includes(squash(part)))) {
          problems.push(`${dataset.file}:${line}:${column}: ${JSON.stringify(value.slice(0, 60))} is not in lines ${row.source_line}–${last} of the seed`);
        }
      }
    }
    const rule = dataset.dataset.checkCited;
    for (const { line, record } of rule ? dataset.rows : []) {
      const row = record as Record<string, unknown>;
      const lines = seedLines.get(String(row.source_id));
      if (!lines) continue;
      checked++;
      const last = Number(row.source_line_last ?? row.source_line);
      const problem = rule!(row, squash(lines.slice(Number(row.source_line) - 1, last).join(" ")));
      if (problem) problems.push(`${dataset.file}:${line}: ${problem} (lines ${row.source_line}–${last} of the seed)`);
    }
    for (const { line, record } of dataset.rows) {
      const row = record as Record<string, unknown>;
      const lines = seedLines.get(String(row.source_id));
      if (!lines) continue;
      const last = Number(row.source_line_last ?? row.source_line);
      const cited = lines.slice(Number(row.source_line) - 1, last).join(" ");
      for (const column of ownWordsColumns(dataset.dataset)) {
        const value = row[column];
        if (typeof value !== "string") continue;
        checked++;
        for (const number of numbersIn(value)) {
          if (!textHasNumber(cited, number) && !textHasNumber(String(row.source_note ?? ""), number)) {
            problems.push(`${dataset.file}:${line}:${column}: the number ${number} is not in lines ${row.source_line}–${last} of the seed, nor explained in source_note`);
          }
        }
      }
    }
    const columns = dataset.dataset.citedNumbers ?? [];
    for (const { line, record } of dataset.rows) {
      const row = record as Record<string, unknown>;
      const lines = seedLines.get(String(row.source_id));
      if (!lines) continue;
      const cited = lines[Number(row.source_line) - 1] ?? "";
      for (const column of columns) {
        const value = row[column];
        if (typeof value !== "number") continue;
        checked++;
        if (!lineHasNumber(cited, value)) {
          problems.push(
            `${dataset.file}:${line}:${column}: ${seedNumber(value)} is not on line ${row.source_line} of the seed, which reads: ${JSON.stringify(cited.trim())}`,
          );
        }
      }
    }
  }
  return { checked, problems };
}
