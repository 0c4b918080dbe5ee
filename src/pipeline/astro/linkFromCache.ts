// Astro's incremental build restores an unchanged page by copying it out of its cache (restoreOutputFile), and keeps a
// page it rendered by writing it into its cache (writeOutputFile). On this kind of disk a copy costs about 0.15 ms a file
// (more in Astro's build, where the copies queue for the thread pool) and a hard link 0.01 ms, and a rebuild at 10x
// restores some 5 000 files. A link is safe only as long as no file it joins is ever written in place: the pipeline
// writes no file Astro made, and Astro's own writes into its cache go into a new file (the old one unlinked first), so a
// page of a published site never changes with the cache.
// A page edited in place after it was published (by hand, in dist/) edits the cache's file too: a file of the cache
// changed since Astro's last build ended is therefore not restored but rendered again.
// A page Astro renders is written to the site first and to its cache next: the cache gets a link to the site's file. A
// page of the next build, restored from the cache, is then the very file of the last site, which tells the stages after
// Astro that it is unchanged without reading it (src/pipeline/buildCache.ts, sameUnmodifiedFile).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

type PathLike = string | Buffer | URL;
const pathOf = (p: PathLike) => (p instanceof URL ? fileURLToPath(p) : p.toString());

/**
 * Makes Astro, in this process, link the pages it restores from the cache folder `astroCache` instead of copying them,
 * and replace (not overwrite) the pages it writes there, by a link to the page it wrote into the site `outDir` when that
 * holds the same bytes. A link that cannot be made (another file system) is a copy.
 * A cached page modified after Astro's manifest (written as its last build ended) is treated as missing, so it is
 * rendered again. Returns a function that puts the file system functions back.
 */
export function linkPagesFromCache(astroCache: string, outDir?: string): () => void {
  const cached = path.join(astroCache, "dist") + path.sep;
  const inCache = (p: unknown) => (typeof p === "string" || p instanceof URL || Buffer.isBuffer(p)) && pathOf(p).startsWith(cached);
  const lastBuildEnded = fs.statSync(path.join(astroCache, "incremental-build.json"), { throwIfNoEntry: false })?.mtimeMs ?? -Infinity;
  const { existsSync } = fs;
  const { copyFile, writeFile } = fs.promises;
  // Astro asks whether a page is in its cache (restoreOutputFile) before it copies it.
  fs.existsSync = (p: fs.PathLike) => {
    if (!inCache(p)) return existsSync(p);
    const stats = fs.statSync(p, { throwIfNoEntry: false });
    return stats !== undefined && stats.isFile() && stats.mtimeMs <= lastBuildEnded;
  };
  fs.promises.copyFile = async (from: PathLike, to: PathLike, mode?: number) => {
    if (inCache(from) && mode === undefined) {
      const linked = await fs.promises.link(from, to).then(
        () => true,
        () => false,
      );
      if (linked) return;
    }
    return copyFile(from, to, mode);
  };
  fs.promises.writeFile = (async (file: Parameters<typeof writeFile>[0], data: Parameters<typeof writeFile>[1], options?: Parameters<typeof writeFile>[2]) => {
    if (!inCache(file)) return writeFile(file, data, options);
    const cacheFile = pathOf(file as PathLike);
    if (outDir !== undefined && options === undefined && (typeof data === "string" || data instanceof Uint8Array)) {
      const published = path.join(outDir, path.relative(cached, cacheFile));
      const bytes = await fs.promises.readFile(published).catch(() => undefined);
      if (bytes?.equals(typeof data === "string" ? Buffer.from(data) : data)) {
        await fs.promises.rm(cacheFile, { force: true });
        const linked = await fs.promises.link(published, cacheFile).then(
          () => true,
          () => false,
        );
        if (linked) return;
      }
    }
    // Created exclusively, so a first build pays nothing more; a page there already (rendered again) is unlinked first.
    // A write broken off leaves a file newer than the manifest, which the next build renders again (existsSync above).
    if (options === undefined) {
      const created = await writeFile(file, data, { flag: "wx" }).then(
        () => true,
        (error: NodeJS.ErrnoException) => {
          if (error.code === "EEXIST") return false;
          throw error;
        },
      );
      if (created) return;
    }
    await fs.promises.rm(cacheFile, { force: true });
    await writeFile(file, data, options);
  }) as typeof writeFile;
  return () => {
    Object.assign(fs, { existsSync });
    Object.assign(fs.promises, { copyFile, writeFile });
  };
}
