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
// Restoring one page at a time, as Astro does (a folder, then a link, each waited for), took 1 to 3 s at 10x, most of it
// waiting on the disk. The pages of Astro's last build are therefore linked into the site ahead, by a thread of their own
// while Astro loads and bundles (linkPagesAhead); Astro then finds them in place.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

type PathLike = string | Buffer | URL;
const pathOf = (p: PathLike) => (p instanceof URL ? fileURLToPath(p) : p.toString());

/** Astro's manifest in its cache folder, written as its build ends. */
export const astroManifestFile = (astroCache: string) => path.join(astroCache, "incremental-build.json");

/** Whether a file of Astro's cache may stand for a page: a file, not modified since Astro's last build ended. */
const restorable = (stats: fs.Stats | undefined, lastBuildEnded: number) => stats !== undefined && stats.isFile() && stats.mtimeMs <= lastBuildEnded;

/**
 * Makes Astro, in this process, link the pages it restores from the cache folder `astroCache` instead of copying them,
 * and replace (not overwrite) the pages it writes there, by a link to the page it wrote into the site `outDir` when that
 * holds the same bytes. A link that cannot be made (another file system) is a copy.
 * A cached page modified after Astro's manifest (written as its last build ended) is treated as missing, so it is
 * rendered again. Given the pages linked ahead (linkPagesAhead), Astro's restore takes such a page as it is, and a page
 * it renders anew replaces the link. Returns a function that puts the file system functions back.
 */
export function linkPagesFromCache(astroCache: string, outDir?: string, ahead?: PagesLinkedAhead): () => void {
  const cached = path.join(astroCache, "dist") + path.sep;
  const inCache = (p: unknown) => (typeof p === "string" || p instanceof URL || Buffer.isBuffer(p)) && pathOf(p).startsWith(cached);
  const lastBuildEnded = fs.statSync(astroManifestFile(astroCache), { throwIfNoEntry: false })?.mtimeMs ?? -Infinity;
  const { existsSync } = fs;
  const { copyFile, writeFile } = fs.promises;
  // Astro asks whether a page is in its cache (restoreOutputFile) before it copies it.
  fs.existsSync = (p: fs.PathLike) => {
    if (!inCache(p)) return existsSync(p);
    return restorable(fs.statSync(p, { throwIfNoEntry: false }), lastBuildEnded);
  };
  fs.promises.copyFile = async (from: PathLike, to: PathLike, mode?: number) => {
    // Astro did not find the page in the site yet: it is there once its link ahead is made.
    if (inCache(from) && mode === undefined && (await ahead?.linked(pathOf(to)))) return;
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
    if (!inCache(file)) {
      // A page linked ahead is the last site's file: the page rendered anew replaces it, never writes into it.
      if (ahead && (typeof file === "string" || file instanceof URL) && (await ahead.replace(pathOf(file)))) await fs.promises.rm(file, { force: true });
      return writeFile(file, data, options);
    }
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

/** The pages of Astro's last build, linked into the new site before Astro looks for them. */
export interface PagesLinkedAhead {
  /** Whether the file (a path in the site) is, or once made will be, a link ahead; waits for that link. */
  linked(file: string): Promise<boolean>;
  /** Called before the file is written anew: whether it was a link ahead (the caller removes it); no longer one after. */
  replace(file: string): Promise<boolean>;
  /** After Astro's build: removes the links ahead to pages the new build no longer has (and folders left empty). */
  removeUnused(): Promise<number>;
}

/** The files Astro's manifest names for each path it rendered, relative to the site (URL-encoded, as Astro writes them). */
function outputFiles(manifestFile: string): string[] {
  const text = fs.readFileSync(manifestFile, "utf8");
  const manifest = JSON.parse(text) as { routes?: Record<string, { paths?: Record<string, { outputFile?: unknown }> }> };
  const files: string[] = [];
  for (const route of Object.values(manifest.routes ?? {})) {
    for (const entry of Object.values(route.paths ?? {})) if (typeof entry.outputFile === "string") files.push(entry.outputFile);
  }
  return files;
}

/**
 * Links each page of Astro's last build (its manifest's output files) from the cache folder `astroCache` into the site
 * `outDir`, leaving out a cached file modified after that build ended (as linkPagesFromCache does) or missing. Returns
 * the files it linked (paths in outDir). Synchronous: it runs in a thread of its own (linkPagesAhead).
 */
export function linkCachedPages(astroCache: string, outDir: string): string[] {
  const manifestFile = astroManifestFile(astroCache);
  const lastBuildEnded = fs.statSync(manifestFile, { throwIfNoEntry: false })?.mtimeMs;
  if (lastBuildEnded === undefined) return [];
  const siteUrl = pathToFileURL(outDir + path.sep);
  const cacheUrl = pathToFileURL(path.join(astroCache, "dist") + path.sep);
  const folders = new Set<string>();
  const linked: string[] = [];
  for (const file of outputFiles(manifestFile)) {
    const from = fileURLToPath(new URL(file, cacheUrl));
    const to = fileURLToPath(new URL(file, siteUrl));
    if (!restorable(fs.statSync(from, { throwIfNoEntry: false }), lastBuildEnded)) continue;
    const folder = path.dirname(to);
    if (!folders.has(folder)) fs.mkdirSync(folder, { recursive: true });
    folders.add(folder);
    try {
      fs.linkSync(from, to);
      linked.push(to);
    } catch {
      // Not linked (another file system, a page there already): Astro restores or renders it as without this.
    }
  }
  return linked;
}

/**
 * Links the pages of Astro's last build into the new site `outDir` (linkCachedPages) in a worker thread, and returns
 * at once: the links are made while Astro loads and bundles on the main thread, and Astro then finds them in place.
 * Given to linkPagesFromCache, what this returns makes Astro's restore of a page linked ahead take it as it is, and a
 * page Astro renders anew replace its link. A failure of the worker fails each of those, and so Astro's build.
 */
export function linkPagesAhead(astroCache: string, outDir: string): PagesLinkedAhead {
  const manifestFile = astroManifestFile(astroCache);
  const worker = new Worker(new URL("./linkAheadWorker.ts", import.meta.url), { workerData: { astroCache, outDir }, execArgv: [] });
  const links = new Promise<Set<string>>((resolve, reject) => {
    worker.once("message", (files: string[]) => resolve(new Set(files)));
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`linking the pages of Astro's last build ended with exit code ${code}`)));
  });
  // Handled where it is awaited; not an unhandled rejection before then.
  links.catch(() => undefined);
  return {
    linked: async (file) => (await links).has(file),
    async replace(file) {
      return (await links).delete(file);
    },
    async removeUnused() {
      const linked = await links;
      if (!linked.size) return 0;
      const siteUrl = pathToFileURL(outDir + path.sep);
      const kept = new Set(outputFiles(manifestFile).map((file) => fileURLToPath(new URL(file, siteUrl))));
      let removed = 0;
      for (const file of linked) {
        if (kept.has(file)) continue;
        await fs.promises.rm(file, { force: true });
        removed++;
        // The folders it leaves empty (a page's own folder): rmdir fails on one that is not.
        for (let dir = path.dirname(file); dir.startsWith(outDir + path.sep); dir = path.dirname(dir)) {
          if (!(await fs.promises.rmdir(dir).then(() => true, () => false))) break;
        }
      }
      return removed;
    },
  };
}
