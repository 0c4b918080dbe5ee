import { spawnSync } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { csvFormatRows, csvParseRows } from "d3-dsv";
import os from "node:os";
import path from "node:path";

export const projectRoot = path.resolve(import.meta.dirname, "..");
export const shippedData = path.join(projectRoot, "data");

/** A temporary copy of the shipped data/ folder (named data/, so messages read as in the project), to change files in. */
export async function copyOfShippedData(): Promise<string> {
  const dir = path.join(await mkdtemp(path.join(os.tmpdir(), "hoa-")), "data");
  await cp(shippedData, dir, { recursive: true });
  return dir;
}

/** Removes a folder made by copyOfShippedData, with its temporary parent. */
export async function removeDataCopy(dir: string): Promise<void> {
  await rm(path.dirname(dir), { recursive: true, force: true });
}

/** After a test built from other data: write src/generated from the shipped data again (for `npm run dev`). */
export function regenerateFromShippedData(): void {
  spawnSync(process.execPath, ["scripts/build.ts", "--generate-only"], { cwd: projectRoot });
}

/**
 * Changes a copy of data/ as a fixture's setup.txt says, so a fixture need not copy a large file:
 *   DELETE offers.csv                    removes a file
 *   SET statistics.csv 140 value 120     sets one cell (line as in the error messages)
 *   SET sources.csv 2 note <10 MB of text>  fills a cell with 10 MiB of text
 */
export async function applySetup(dir: string, setup: string): Promise<void> {
  for (const match of setup.matchAll(/^DELETE (\S+)$/gm)) await rm(path.join(dir, match[1]!));
  for (const [, file, line, column, value] of setup.matchAll(/^SET (\S+) (\d+) (\S+) (.+)$/gm)) {
    const rows = csvParseRows(await readFile(path.join(dir, file!), "utf8"));
    const at = rows[0]!.indexOf(column!);
    if (at < 0) throw new Error(`setup: ${file} has no column ${column}`);
    rows[Number(line) - 1]![at] = value === "<10 MB of text>" ? "æ".repeat(10 * 1024 * 1024) : value!;
    await writeFile(path.join(dir, file!), csvFormatRows(rows) + "\n");
  }
}
