import { readFile } from "node:fs/promises";
import path from "node:path";
import type { LoadedData } from "../loadData.ts";
import type { ValidatedDataset } from "../validate/validate.ts";

/** The seed texts sit beside the project (../shared/seeds), never inside it. */
export const defaultSeedsDir = path.resolve(import.meta.dirname, "../../../../shared/seeds");

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

/** Compares text across the extraction's line breaks: all runs of white space count as one space. */
const squash = (text: string) => text.replace(/\s+/g, " ").trim();

export interface ProvenanceReport {
  checked: number;
  problems: string[];
}

/**
 * Checks that data/ still says what the seeds say: every seed file named in sources.csv exists, and
 * each cited number of a row stands on the line the row cites (as the seed prints it).
 */
export async function checkProvenance(data: LoadedData, seedsDir: string = defaultSeedsDir): Promise<ProvenanceReport> {
  const problems: string[] = [];
  let checked = 0;
  const seedLines = new Map<string, string[]>();
  for (const { line, record } of data.sources.rows) {
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
        // A "Som over." row carries the description of the row above, which stands on other lines.
        if (column === "description_as_printed" && row.same_as_above === true) continue;
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
