import { createHash, randomUUID } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, utimes, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

/**
 * A content-addressed cache of made files (preview images, chart PNGs) that outlives a build, so a build after a
 * small data change remakes only what changed. The folder is set by the build (HOA_CACHE_DIR, under
 * node_modules/.cache/); without it nothing is cached. Keys are hashes of everything the file is made from.
 */
export const cacheDirVariable = "HOA_CACHE_DIR";

/** The cache's folder for a build of the project at `root`: HOA_CACHE_DIR, else node_modules/.cache/helse-og-arbeid. */
export const fileCacheDir = (root: string): string => process.env[cacheDirVariable] ?? path.join(root, "node_modules", ".cache", "helse-og-arbeid");

/**
 * `remade`: entries that were there but empty or damaged, made again (counted in `misses` too). `hitsByKind`: the
 * hits of each kind of file, for a stage that counts its own while another stage uses the cache at the same time.
 */
export const cacheStats = { hits: 0, misses: 0, remade: 0, hitsByKind: new Map<string, number>() };

/** An installed package's version, from its package.json (found beside this project's modules, whatever its exports allow). */
function packageVersion(name: string): string {
  const folders = createRequire(import.meta.url).resolve.paths(name) ?? [];
  const manifest = folders.map((dir) => path.join(dir, name, "package.json")).find((f) => existsSync(f));
  if (!manifest) throw new Error(`package ${name} is not installed`);
  return (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
}

/**
 * What makes a kind of cached file besides its input: the source files of the code that makes it and the versions of
 * the packages it runs, as one hash for its keys. An entry is then used only by the code that made it, so a fix applies
 * at the next build.
 */
export function codeVersion(files: readonly string[], packages: readonly string[]): string {
  const hash = createHash("sha256");
  for (const file of files) hash.update(readFileSync(file));
  for (const name of packages) hash.update(`${name} ${packageVersion(name)}\n`);
  return hash.digest("hex");
}

const sha256 = (data: Buffer) => createHash("sha256").update(data).digest();
const checksumBytes = 32;

/**
 * An entry is the sha256 of the file followed by the file, so a damaged or truncated entry (a full disk,
 * a crash, an edit by hand) is found and made again instead of being published as an image.
 */
function entryContent(entry: Buffer): Buffer | undefined {
  if (entry.length <= checksumBytes) return undefined;
  const content = entry.subarray(checksumBytes);
  return sha256(content).equals(entry.subarray(0, checksumBytes)) ? content : undefined;
}

const entryFile = (dir: string, kind: string, input: string) => path.join(dir, kind, `${createHash("sha256").update(input).digest("hex").slice(0, 32)}`);

/**
 * The entry of this kind and input as it is on disk, checksum and all; undefined when there is none, or no cache.
 * A hit moves the entry's modification time to now: pruneFileCache keeps the entries used last.
 */
async function storedEntry(kind: string, input: string): Promise<Buffer | undefined> {
  const dir = process.env[cacheDirVariable];
  if (!dir) return undefined;
  const file = entryFile(dir, kind, input);
  const entry = await readFile(file).catch(() => undefined);
  if (entry) await utimes(file, new Date(), new Date()).catch(() => undefined);
  return entry;
}

/** The folder of the cache where Astro's incremental build keeps its last build of each output folder (not entries of this cache). */
export const astroFolder = "astro";

/** How much the file cache keeps (its entries; not Astro's folder, which Astro keeps one per output folder): 5 GB, or HOA_CACHE_MAX_MB. */
export const cacheBudgetBytes = () => Number(process.env.HOA_CACHE_MAX_MB ?? 5000) * 1e6;

/**
 * Removes the entries used longest ago until the cache's entries hold at most `budget` bytes. Each data change adds
 * entries that later builds never ask for again (a data module of statistics.csv is 40 MB at 10× data), so without
 * this the cache only grows. Entries used in the build just finished are the newest, so they stay while they fit; from
 * the first entry that does not fit, every entry used before it goes.
 */
export async function pruneFileCache(budget = cacheBudgetBytes()): Promise<{ removed: number; removedBytes: number; keptBytes: number }> {
  const dir = process.env[cacheDirVariable];
  const result = { removed: 0, removedBytes: 0, keptBytes: 0 };
  if (!dir) return result;
  const kinds = (await readdir(dir, { withFileTypes: true }).catch(() => [])).filter((e) => e.isDirectory() && e.name !== astroFolder);
  const entries: { file: string; size: number; used: number }[] = [];
  // Looked at synchronously: ten thousand entries at 10× data took 0.45 s one promise at a time, 0.12 s this way.
  for (const kind of kinds) {
    for (const name of await readdir(path.join(dir, kind.name)).catch(() => [] as string[])) {
      const file = path.join(dir, kind.name, name);
      const info = statSync(file, { throwIfNoEntry: false });
      if (info?.isFile()) entries.push({ file, size: info.size, used: info.mtimeMs });
    }
  }
  entries.sort((a, b) => b.used - a.used);
  let full = false;
  for (const entry of entries) {
    full ||= result.keptBytes + entry.size > budget;
    if (!full) result.keptBytes += entry.size;
    else if (await rm(entry.file, { force: true }).then(() => true, () => false)) {
      result.removed++;
      result.removedBytes += entry.size;
    } else result.keptBytes += entry.size;
  }
  return result;
}

/** The cached file of this kind and input; undefined when there is none (or it fails its checksum), or no cache. */
export async function readCached(kind: string, input: string): Promise<Buffer | undefined> {
  const entry = await storedEntry(kind, input);
  return entry && entryContent(entry);
}

/** Puts a file in the cache (nothing without a cache). */
export async function writeCached(kind: string, input: string, content: Buffer): Promise<void> {
  const dir = process.env[cacheDirVariable];
  if (!dir) return;
  const file = entryFile(dir, kind, input);
  await mkdir(path.dirname(file), { recursive: true });
  // Written aside and renamed, so a build stopped half-way never leaves half a file in the cache.
  // (Named uniquely: two pages can ask for the same image at the same time.)
  const partial = `${file}.${randomUUID()}.tmp`;
  await writeFile(partial, Buffer.concat([sha256(content), content]));
  await rename(partial, file);
}

export async function cachedFile(kind: string, input: string, make: () => Promise<Buffer>): Promise<Buffer> {
  if (!process.env[cacheDirVariable]) return make();
  const entry = await storedEntry(kind, input);
  const hit = entry && entryContent(entry);
  if (hit) {
    cacheStats.hits++;
    cacheStats.hitsByKind.set(kind, (cacheStats.hitsByKind.get(kind) ?? 0) + 1);
    return hit;
  }
  cacheStats.misses++;
  if (entry) cacheStats.remade++;
  const made = await make();
  await writeCached(kind, input, made);
  return made;
}
