import { spawnSync } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rename, rm, symlink, writeFile } from "node:fs/promises";
import { csvFormatRows, csvParseRows } from "d3-dsv";
import os from "node:os";
import path from "node:path";
import { cacheDirVariable } from "../src/fileCache.ts";

export const projectRoot = path.resolve(import.meta.dirname, "..");
export const shippedData = path.join(projectRoot, "data");

/** A temporary copy of the shipped data/ folder (named data/, so messages read as in the project), to change files in. */
export async function copyOfShippedData(): Promise<string> {
  const dir = path.join(await mkdtemp(path.join(os.tmpdir(), "hoa-")), "data");
  await cp(shippedData, dir, { recursive: true });
  return dir;
}

/** For the environment of a build from a data copy: a file cache beside the copy (Astro's pages among it), removed with it. */
export const cacheBeside = (dataDir: string) => ({ [cacheDirVariable]: path.join(path.dirname(dataDir), "cache") });

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
 *   SET offers.csv 2 name A\u{200B}B       \u{…} writes a character that cannot be seen in the fixture
 *   SET sources.csv 2 seed_file <empty>     empties a cell
 *   LINK-OUT offers.csv                  moves the file out of the data folder and leaves a symbolic link to it
 *   FOLDER offers.csv                    puts a folder where the file was
 */
export async function applySetup(dir: string, setup: string): Promise<void> {
  for (const match of setup.matchAll(/^DELETE (\S+)$/gm)) await rm(path.join(dir, match[1]!));
  for (const [, file] of setup.matchAll(/^LINK-OUT (\S+)$/gm)) {
    const outside = path.join(path.dirname(dir), `outside-${file}`);
    await rename(path.join(dir, file!), outside);
    await symlink(outside, path.join(dir, file!));
  }
  for (const [, file] of setup.matchAll(/^FOLDER (\S+)$/gm)) {
    await rm(path.join(dir, file!));
    await mkdir(path.join(dir, file!));
  }
  for (const [, file, line, column, value] of setup.matchAll(/^SET (\S+) (\d+) (\S+) (.+)$/gm)) {
    const rows = csvParseRows(await readFile(path.join(dir, file!), "utf8"));
    const at = rows[0]!.indexOf(column!);
    if (at < 0) throw new Error(`setup: ${file} has no column ${column}`);
    rows[Number(line) - 1]![at] =
      value === "<empty>" ? "" :
      value === "<10 MB of text>" ? "æ".repeat(10 * 1024 * 1024) : value!.replace(/\\u\{([0-9A-F]+)\}/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)));
    await writeFile(path.join(dir, file!), csvFormatRows(rows) + "\n");
  }
}

/** Runs `run` with a file cache of its own in a temporary folder (HOA_CACHE_DIR, as a build sets it), removed afterwards. */
export async function withFileCache<T>(run: (cacheDir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "hoa-cache-"));
  const before = process.env[cacheDirVariable];
  process.env[cacheDirVariable] = dir;
  try {
    return await run(dir);
  } finally {
    if (before === undefined) delete process.env[cacheDirVariable];
    else process.env[cacheDirVariable] = before;
    await rm(dir, { recursive: true, force: true });
  }
}
