// The hashes of the files the generate stage writes under src/generated/, kept in a list beside them. Astro's build keys
// pages by the hashes of the data they read (src/pipeline/astro/dataDependencies.ts, generatedFileKey); reading some
// 70 MB again at 10× data to hash it took about 1 s of every build, while the generate stage has the bytes in hand.
import { createHash } from "node:crypto";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

/** The list's file in src/generated/. */
export const hashListFile = "hashes.json";

interface ListedFile {
  hash: string;
  size: number;
  mtimeMs: number;
}

/** The sha256 of a file's bytes (a string as UTF-8). */
export const contentHash = (content: string | Uint8Array): string => createHash("sha256").update(content).digest("hex");

/** Writes the list for files just written (relative path → hash of their bytes), with the size and time each has now. */
export function writeHashList(generatedDir: string, hashes: ReadonlyMap<string, string>): void {
  const list: Record<string, ListedFile> = {};
  for (const [relative, hash] of hashes) {
    const { size, mtimeMs } = statSync(path.join(generatedDir, relative));
    list[relative] = { hash, size, mtimeMs };
  }
  writeFileSync(path.join(generatedDir, hashListFile), JSON.stringify(list));
}

/**
 * The hash of a file of `generatedDir` (by its path relative to it): the listed one while the file has the size and
 * modification time the list recorded; otherwise (edited since, not listed, no list) its bytes are read and hashed.
 */
export function generatedHashes(generatedDir: string): (relative: string) => string {
  let list: Record<string, ListedFile> = {};
  try {
    list = JSON.parse(readFileSync(path.join(generatedDir, hashListFile), "utf8")) as Record<string, ListedFile>;
  } catch {
    // No list (a folder from before it existed): every file is read.
  }
  return (relative) => {
    const file = path.join(generatedDir, relative);
    const listed = Object.hasOwn(list, relative) ? list[relative] : undefined;
    if (listed) {
      const { size, mtimeMs } = statSync(file);
      if (size === listed.size && mtimeMs === listed.mtimeMs) return listed.hash;
    }
    return contentHash(readFileSync(file));
  };
}
