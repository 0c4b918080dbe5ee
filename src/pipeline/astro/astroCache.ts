// Where Astro's incremental build keeps the last build of a site, and how many pages a build could take from it.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { astroFolder, cacheDirVariable } from "../../fileCache.ts";
import { astroManifestFile } from "./linkFromCache.ts";

/**
 * Astro's cache for the site in outDir, in the build's file cache. One per output folder: Astro's incremental build
 * copies unchanged pages from it, and the lock beside outDir keeps a second build out of it, so a build for other data
 * (a test's, the bench's) can never hand its page to this one.
 */
export function astroCacheOf(outDir: string, cacheDir = process.env[cacheDirVariable]!): string {
  return path.join(cacheDir, astroFolder, createHash("sha256").update(outDir).digest("hex").slice(0, 16));
}

interface PathEntry {
  cacheKey: unknown;
  contentHashes?: Record<string, string>;
}
/** The part of Astro's manifest (incremental-build.json in its cache) that decides whether a page is copied. */
export interface AstroManifest {
  routes: Record<string, { dependencyHash: string; paths: Record<string, PathEntry> }>;
}

/** Astro's manifest in the cache folder, or undefined before the first build (or after Astro discarded it). */
export async function readAstroManifest(astroCache: string): Promise<AstroManifest | undefined> {
  const text = await readFile(astroManifestFile(astroCache), "utf8").catch(() => undefined);
  return text === undefined ? undefined : (JSON.parse(text) as AstroManifest);
}

/**
 * How many pages of the build that wrote `after` Astro took unchanged from the one that wrote `before`: those whose
 * route code and data hash (dependencyHash), cacheKey and rendered content entries are all as they were.
 */
export function pagesReused(before: AstroManifest | undefined, after: AstroManifest | undefined): number {
  let reused = 0;
  for (const [route, entry] of Object.entries(after?.routes ?? {})) {
    const previous = before?.routes[route];
    if (!previous || previous.dependencyHash !== entry.dependencyHash) continue;
    for (const [pathname, page] of Object.entries(entry.paths)) {
      const old = previous.paths[pathname];
      if (old && JSON.stringify(old.cacheKey) === JSON.stringify(page.cacheKey) && JSON.stringify(old.contentHashes) === JSON.stringify(page.contentHashes)) reused++;
    }
  }
  return reused;
}
