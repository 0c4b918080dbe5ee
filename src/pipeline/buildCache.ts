import { createHash } from "node:crypto";
import { lstatSync, readFileSync, statSync } from "node:fs";
import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { builtFiles } from "./site/builtPages.ts";

/** Written into the built site: the inputs' hash, how long the full build took and what the build wrote. */
export const stampFile = ".build-stamp.json";

export interface BuildStamp {
  hash: string;
  ms: number;
  /** Every built file (not the stamp) as "<size>:<first 16 hex digits of its sha256>" (enough to see a change; keeps the stamp small), by path relative to the site, to tell a damaged site from the one built. */
  files?: Record<string, string>;
  /** The settings the compressed copies were made with (src/pipeline/site/compress.ts, compressionSettings). */
  compression?: string;
  /** For files made from an input rather than copied (the preview images): a hash of that input, by path relative to the site. */
  madeFrom?: Record<string, string>;
}

/** A file's entry in the stamp: "<size>:<first 16 hex digits of its sha256>" (a string as UTF-8). */
export const stampedHashOf = (content: string | Uint8Array): string => `${Buffer.byteLength(content)}:${createHash("sha256").update(content).digest("hex").slice(0, 16)}`;

async function filesUnder(dir: string, skip: (rel: string) => boolean): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const files: string[] = [];
  for (const e of entries) {
    const file = path.join(e.parentPath, e.name);
    if (skip(path.relative(dir, file))) continue;
    // A linked file is read by the build like any other, so its contents count; a broken link is kept
    // too (hashed as empty), so creating or mending it changes the hash.
    if (e.isFile() || (e.isSymbolicLink() && (await stat(file).then((s) => s.isFile(), () => true)))) files.push(file);
  }
  return files.sort();
}

/**
 * One hash over everything a build reads: the CSV files and archived releases, the code and pages (not the generated folder,
 * which the build rewrites), static files and the locked dependencies. Equal hash, equal site.
 * Symbolic links to files are followed: the link's name and the linked file's contents are hashed. `settings` is what else
 * the site is built from, such as its address (SITE_URL): a build at another address is another site.
 */
export async function inputHash(root: string, dataDir: string, settings = ""): Promise<string> {
  const files = [
    ...(await filesUnder(dataDir, (rel) => !rel.endsWith(".csv") && !rel.endsWith(".json.gz") && !rel.endsWith(".manifest.txt"))),
    ...(await filesUnder(path.join(root, "src"), (rel) => rel.startsWith("generated"))),
    ...(await filesUnder(path.join(root, "scripts"), () => false)),
    ...(await filesUnder(path.join(root, "public"), () => false)),
    ...["astro.config.mjs", "package-lock.json", "tsconfig.json"].map((f) => path.join(root, f)),
  ];
  const hash = createHash("sha256");
  hash.update(settings);
  for (const file of files) {
    hash.update(path.relative(root, file));
    hash.update(await readFile(file).catch(() => Buffer.alloc(0)));
  }
  return hash.digest("hex").slice(0, 16);
}

/** The last built site and what its stamp says, for the files a new site shares with it. */
export interface LastStamp {
  site: string;
  /** The stamp's hash of each file, by path relative to the site. */
  files: Record<string, string>;
  /** The settings of its compressed copies (BuildStamp.compression). */
  compression?: string;
  /** What its made files were made from (BuildStamp.madeFrom). */
  madeFrom: Record<string, string>;
  /** When that stamp was written (its file's modification time, in ms). */
  writtenAt: number;
}

const readStamps = new Map<string, { version: string; last: Promise<LastStamp | undefined> }>();

/**
 * The site in outDir with its stamp, or undefined when there is none (no site, or a stamp without a file list). Read once while
 * the stamp file is as it was: several stages of a build ask for it.
 */
export function lastStamp(outDir: string | undefined): Promise<LastStamp | undefined> {
  if (outDir === undefined) return Promise.resolve(undefined);
  const written = statSync(path.join(outDir, stampFile), { throwIfNoEntry: false });
  if (!written) return Promise.resolve(undefined);
  const version = `${written.ino} ${written.size} ${written.mtimeMs}`;
  const known = readStamps.get(outDir);
  if (known?.version === version) return known.last;
  const last = readStamp(outDir).then((stamp) =>
    stamp?.files ? { site: outDir, files: stamp.files, compression: stamp.compression, madeFrom: stamp.madeFrom ?? {}, writtenAt: written.mtimeMs } : undefined,
  );
  readStamps.set(outDir, { version, last });
  return last;
}

/**
 * The hash the last stamp has for `rel`, when the file in the new site is that very file (a hard link: the same inode)
 * and was not modified since that stamp was written; else undefined, and the file is read.
 */
function sharedHash(file: string, rel: string, last: LastStamp | undefined): string | undefined {
  const hash = last?.files[rel];
  return hash !== undefined && sameUnmodifiedFile(file, path.join(last!.site, rel), last!.writtenAt) ? hash : undefined;
}

/** The stamp's hash of `rel`, a file of the built site in siteDir: from the last stamp (sharedHash), or read. */
export const builtFileHash = (siteDir: string, rel: string, last: LastStamp | undefined): string =>
  sharedHash(path.join(siteDir, rel), rel, last) ?? stampedHashOf(readFileSync(path.join(siteDir, rel)));

/** What the last stamp says of `lastFile`, a file of its site: its entry, and whether the file is there unmodified since (and its size). */
export function stampedFile(last: LastStamp, lastFile: string): { hash: string; madeFrom?: string; unmodified: boolean; size?: number } | undefined {
  const rel = path.relative(last.site, lastFile).split(path.sep).join("/");
  const hash = Object.hasOwn(last.files, rel) ? last.files[rel] : undefined;
  if (hash === undefined) return undefined;
  const now = lstatSync(lastFile, { throwIfNoEntry: false });
  return { hash, madeFrom: Object.hasOwn(last.madeFrom, rel) ? last.madeFrom[rel] : undefined, unmodified: now !== undefined && now.mtimeMs < last.writtenAt, size: now?.size };
}

/**
 * Whether `file` (which is there) is the very file `lastFile` of the last site (a hard link: the same inode), not
 * modified since `since` (ms, when that site's stamp was written). Such a file has the bytes that site's stages made
 * their files of; no stage writes into a file in place, so only a hand edit could change it, and that moves its
 * modification time.
 */
export function sameUnmodifiedFile(file: string, lastFile: string, since: number): boolean {
  const now = lstatSync(file);
  const then = lstatSync(lastFile, { throwIfNoEntry: false });
  return then !== undefined && now.ino === then.ino && now.dev === then.dev && now.mtimeMs < since;
}

/**
 * Size and sha256 of every file of a built site but the stamp, by path relative to the site ("/"-separated).
 * With `last`, a file linked from the last site unchanged takes its hash from that site's stamp instead of being read:
 * after a small change, most of a site (citation files, images, compressed copies, the search index) is such links.
 */
export async function builtFileHashes(siteDir: string, last?: LastStamp): Promise<Record<string, string>> {
  const files = builtFiles(siteDir).filter((rel) => rel !== stampFile);
  const hashes: Record<string, string> = {};
  // Read one by one without waiting on the thread pool: tens of thousands of small files spent most of their time in
  // its round trips (at 10×, 25 000 files took 2.1 s read asynchronously, 64 at a time, and 1.2 s so). Nothing else
  // runs while the stamp is made or checked.
  for (const rel of files) hashes[rel] = builtFileHash(siteDir, rel, last);
  return hashes;
}

/**
 * What differs between the site in siteDir and the files its stamp lists, e.g. ["index.html changed", "om/index.html missing"];
 * empty when the site is as it was built.
 */
export async function changedBuiltFiles(siteDir: string, stamp: BuildStamp): Promise<string[]> {
  if (!stamp.files || typeof stamp.files !== "object") return ["its stamp lists no files (made by an older build)"];
  const now = await builtFileHashes(siteDir).catch(() => undefined);
  if (!now) return ["it cannot be read"];
  const changes: string[] = [];
  for (const [rel, hash] of Object.entries(stamp.files)) {
    if (!(rel in now)) changes.push(`${rel} missing`);
    else if (now[rel] !== hash) changes.push(`${rel} changed`);
  }
  for (const rel of Object.keys(now)) if (!(rel in stamp.files)) changes.push(`${rel} added`);
  return changes;
}

export async function readStamp(outDir: string): Promise<BuildStamp | undefined> {
  try {
    return JSON.parse(await readFile(path.join(outDir, stampFile), "utf8")) as BuildStamp;
  } catch {
    return undefined;
  }
}

export const writeStamp = (dir: string, stamp: BuildStamp) => writeFile(path.join(dir, stampFile), JSON.stringify(stamp) + "\n");
