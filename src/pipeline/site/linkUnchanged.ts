// A rebuild after one changed row writes tens of thousands of files (citation files, preview images, compressed copies)
// that the last built site already has, byte for byte. On this kind of disk creating a file costs about 0.2 ms and a
// hard link a twentieth of that, so such a file is linked from the last site instead. That is safe because no file of
// a site is ever written in place: each stage writes new files into the build's temporary folder, and the last site is
// removed by unlinking its files. The bytes are compared before linking, so a file edited by hand is written anew.
import { existsSync, linkSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Writes `content` to `file` in the site being built, or links `previousFile` (the same file in the last built site)
 * when it holds exactly these bytes. Returns true when linked. Synchronous, like the stamp's reads
 * (src/pipeline/buildCache.ts): for small files the thread pool's round trips cost more than the calls.
 */
export function writeOrLink(file: string, content: string | Uint8Array, previousFile: string | undefined): boolean {
  if (previousFile !== undefined) {
    const bytes = typeof content === "string" ? Buffer.from(content) : Buffer.from(content.buffer, content.byteOffset, content.byteLength);
    let old: Buffer | undefined;
    try {
      old = readFileSync(previousFile);
    } catch {
      old = undefined; // not in the last site (or no last site)
    }
    if (old?.equals(bytes)) {
      try {
        linkSync(previousFile, file);
        return true;
      } catch {
        // another file system, or a file system without links: written below
      }
    }
  }
  // A new file, never into one already there: that one could be a link into the last site.
  try {
    writeFileSync(file, content, { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    rmSync(file);
    writeFileSync(file, content, { flag: "wx" });
  }
  return false;
}

/** The last built site in outDir, or undefined when there is none to link from (a first build). */
export const lastSite = (outDir: string): string | undefined => (existsSync(outDir) ? outDir : undefined);

/** The same file in the last built site `previousSite`, for a file of the site being built in `siteDir`. */
export const inPreviousSite = (siteDir: string, file: string, previousSite: string | undefined): string | undefined =>
  previousSite === undefined ? undefined : path.join(previousSite, path.relative(siteDir, file));

/**
 * Writes one stage's files into the site being built (`siteDir`), linking those the last site has as they are, and
 * counts the links for the stage's report.
 */
export function unchangedLinker(siteDir: string, previousSite: string | undefined) {
  let linked = 0;
  /** `previousFile`: the file in the last site to compare with (its place there, when that is another). */
  const write = (file: string, content: string | Uint8Array, previousFile = inPreviousSite(siteDir, file, previousSite)) => {
    if (writeOrLink(file, content, previousFile)) linked++;
  };
  /** Links `previousFile`, known to hold the bytes `file` is to have; false when no link can be made (the caller writes it). */
  const link = (file: string, previousFile: string): boolean => {
    try {
      linkSync(previousFile, file);
    } catch {
      return false;
    }
    linked++;
    return true;
  };
  return { write, link, linked: () => linked };
}
