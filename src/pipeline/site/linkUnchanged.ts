// A rebuild after one changed row writes tens of thousands of files (citation files, preview images, compressed copies)
// that the last built site already has, byte for byte. On this kind of disk creating a file costs about 0.2 ms and a
// hard link a twentieth of that, so such a file is linked from the last site instead. That is safe because no file of
// a site is ever written in place: each stage writes new files into the build's temporary folder, and the last site is
// removed by unlinking its files. The bytes are compared before linking, so a file edited by hand is written anew;
// where the last site's stamp lists the file, its hash there stands for its bytes, as long as the file was not modified
// since the stamp was written.
import { existsSync, linkSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { stampedFile, stampedHashOf, type LastStamp } from "../buildCache.ts";

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
  writeNew(file, content);
  return false;
}

/** Writes a new file, never into one already there: that one could be a link into the last site. */
function writeNew(file: string, content: string | Uint8Array): void {
  try {
    writeFileSync(file, content, { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    rmSync(file);
    writeFileSync(file, content, { flag: "wx" });
  }
}

/** The last built site in outDir, or undefined when there is none to link from (a first build). */
export const lastSite = (outDir: string): string | undefined => (existsSync(outDir) ? outDir : undefined);

/** The same file in the last built site `previousSite`, for a file of the site being built in `siteDir`. */
export const inPreviousSite = (siteDir: string, file: string, previousSite: string | undefined): string | undefined =>
  previousSite === undefined ? undefined : path.join(previousSite, path.relative(siteDir, file));

/**
 * Writes one stage's files into the site being built (`siteDir`), linking those the last site has as they are, and
 * counts the links for the stage's report. With the last site's stamp (`last`), a file it lists is compared by the hash
 * the stamp has for it instead of being read, and a made file can be linked by what it was made from (linkMade).
 */
export function unchangedLinker(siteDir: string, previousSite: string | undefined, last?: LastStamp) {
  let linked = 0;
  const madeFrom: Record<string, string> = {};
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
  /** `previousFile`: the file in the last site to compare with (its place there, when that is another). */
  const write = (file: string, content: string | Uint8Array, previousFile = inPreviousSite(siteDir, file, previousSite)) => {
    const stamped = last && previousFile !== undefined ? stampedFile(last, previousFile) : undefined;
    if (stamped === undefined) {
      if (writeOrLink(file, content, previousFile)) linked++;
    } else if (!(stamped.unmodified && stamped.hash === stampedHashOf(content) && link(file, previousFile!))) {
      writeNew(file, content);
    }
  };
  /**
   * Links `previousFile` when the last stamp says it was made from `input` (a hash of everything the file is made from)
   * and it is there unmodified; false otherwise, and the caller makes the file and writes it. Either way `file` is
   * recorded as made from `input`, for this build's stamp.
   */
  const linkMade = (file: string, input: string, previousFile = inPreviousSite(siteDir, file, previousSite)): boolean => {
    madeFrom[path.relative(siteDir, file).split(path.sep).join("/")] = input;
    const stamped = last && previousFile !== undefined ? stampedFile(last, previousFile) : undefined;
    return stamped !== undefined && stamped.unmodified && stamped.madeFrom === input && link(file, previousFile!);
  };
  return { write, link, linkMade, linked: () => linked, madeFrom: () => madeFrom };
}
