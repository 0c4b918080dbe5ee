import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { spawn, type ChildProcess } from "node:child_process";
import { close as closePagefind } from "pagefind";
import { builtFileHashes, changedBuiltFiles, inputHash, lastStamp, readStamp, writeStamp } from "./buildCache.ts";
import { cacheDirVariable, fileCacheDir, pruneFileCache } from "../fileCache.ts";
import { DataError } from "./dataError.ts";
import { indexSite, type IndexReport } from "./search/indexSite.ts";
import { builtHtmlFiles } from "./site/builtPages.ts";
import { astroCacheOf, pagesReused, readAstroManifest } from "./astro/astroCache.ts";
import type { SiteFilesReport } from "./site/writeSiteFiles.ts";
import { loadData } from "./loadData.ts";
import { writeGenerated } from "./generate/writeGenerated.ts";
import { dataHash, readArchives, summarize, type ReleaseArchive } from "./archive/releaseArchive.ts";
import type { PublishReport } from "./archive/publishArchive.ts";
import { writeRedirectPages } from "./site/redirectPages.ts";
import { compressionSettings, compressSite, type CompressReport } from "./site/compress.ts";
import { lastSite } from "./site/linkUnchanged.ts";
import { writeHostFiles } from "./site/hostFiles.ts";
import { redirects } from "../redirects.ts";
import { expectedPages, verifySite, type ExpectedPages } from "./verify/verifySite.ts";
import { acquireBuildLock, BuildLockedError, removeStaleTempFolders, shownPath, swapIntoPlace, SwapError, type BuildLock, type SwapResult } from "./outputFolder.ts";
import { site, siteSettings } from "../site.ts";
import { publishProblem, SiteConfigError } from "../siteConfig.ts";

export interface BuildOptions {
  /** Project root, e.g. "/work/main". */
  root: string;
  /** Folder of the CSV files; default <root>/data. */
  dataDir?: string;
  /** Where the finished site goes; default <root>/dist. Replaced only when every stage succeeded. */
  outDir?: string;
  /** Stop after the generate stage (for `astro dev`). */
  generateOnly?: boolean;
  /** Build even when data and code are unchanged since the site in outDir was built. */
  force?: boolean;
  /**
   * A publishing build (`npm run build -- --publish`): refused, before anything is read or written, unless SITE_URL names a
   * real public address (src/siteConfig.ts). Without it, a build without SITE_URL is a local preview.
   */
  publish?: boolean;
  log?: (line: string) => void;
  /** For tests: stand-ins for the stages after generate, so their failures can be tried without Astro. */
  stages?: Partial<BuildStages>;
}

/** The stages after generate; each writes into the temporary folder `siteDir`. */
export interface BuildStages {
  /** `astroCache`: Astro's cache folder, where its incremental build keeps the pages of the last build for outDir. */
  astroBuild: (root: string, siteDir: string, astroCache: string) => Promise<void>;
  /** `previousSite`: the last built site (outDir), whose unchanged files may be linked instead of written (src/pipeline/site/linkUnchanged.ts). */
  siteFiles: (siteDir: string, previousSite: string | undefined) => Promise<SiteFilesReport>;
  index: (siteDir: string, previousSite: string | undefined) => Promise<IndexReport>;
  archive: (siteDir: string, archives: ReleaseArchive[]) => Promise<PublishReport & { redirects: number }>;
  /** The files for servers and hosts: `_headers`, `_redirects`, and a .gz and .br beside every text file. */
  compress: (siteDir: string, previousSite: string | undefined) => Promise<CompressReport & { hostFiles: string[] }>;
  verify: (siteDir: string, expected: ExpectedPages) => Promise<number>;
  /** Puts the finished site in place of outDir (swapIntoPlace). */
  swap: (siteDir: string, outDir: string) => Promise<SwapResult>;
}

/**
 * The modules of stages after Astro that take long to load (drawing images, sanitising archived pages: 0.4 s), loaded
 * while Astro's process builds the pages, when this process waits, rather than before the build starts.
 */
const siteFilesModule = () => import("./site/writeSiteFiles.ts");
const archiveModule = () => import("./archive/publishArchive.ts");

const realStages: BuildStages = {
  astroBuild: (root, siteDir, astroCache) => {
    // A module that fails to load fails its stage, which imports it again.
    for (const load of [siteFilesModule, archiveModule]) load().catch(() => {});
    return astroBuildInChildProcess(root, siteDir, astroCache);
  },
  siteFiles: async (siteDir, previousSite) => (await siteFilesModule()).writeSiteFiles(siteDir, previousSite),
  index: indexSite,
  // Moved addresses first, so an archived page whose address has moved links on through its redirect.
  archive: async (siteDir, archives) => {
    const moved = await writeRedirectPages(siteDir, redirects);
    return { ...(await (await archiveModule()).publishArchives(siteDir, archives)), redirects: moved };
  },
  // Last before verify: every file the site serves is written by then, the archived pages included.
  compress: async (siteDir, previousSite) => {
    const hostFiles = await writeHostFiles(siteDir);
    return { ...(await compressSite(siteDir, previousSite)), hostFiles };
  },
  verify: verifySite,
  swap: (siteDir, outDir) => swapIntoPlace(siteDir, outDir),
};

/** A stage's failure, named: `[index] failed: <what went wrong>`; the original error is its `cause`. */
export class StageError extends Error {
  readonly stage: string;
  constructor(stage: string, cause: unknown) {
    super(`[${stage}] failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = "StageError";
    this.stage = stage;
  }
}

// DataError keeps its own form (every problem with its file and line); a named error is not named twice.
const named = (stageName: string, error: unknown) =>
  error instanceof SiteConfigError ||
  error instanceof DataError || error instanceof StageError || error instanceof SwapError || error instanceof BuildLockedError ? error : new StageError(stageName, error);

/** Runs a step that prints nothing, naming it in its error. */
async function step<T>(name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw named(name, error);
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** What a build holds that must not outlive it: its child processes, its temporary folder and its lock. */
interface RunningBuild {
  lock: BuildLock;
  tmpDir?: string;
  children: Set<ChildProcess>;
  /** The two renames of the swap, while they run: a stop waits for them, so outDir is never left half-swapped. */
  swap?: Promise<unknown>;
  newSiteInPlace: boolean;
  /** Set once the build is being stopped from outside (a signal, a crash): its own error path then stays silent. */
  abandoned?: Promise<{ newSiteInPlace: boolean }>;
}

let running: RunningBuild | undefined;

// Stryker disable all: child processes and signals. The tests run them in processes of their own (test/build-robustness.test.ts),
// where no mutant is ever active, so mutation testing leaves them out (test/MUTATION.md).
/** Ends a child process: SIGTERM, then SIGKILL if it has not ended within a few seconds. */
async function endChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const ended = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const late = setTimeout(() => child.kill("SIGKILL"), 3000);
  await ended;
  clearTimeout(late);
}

/**
 * Stops the running build, if any: ends its child processes (Astro, Pagefind), removes its temporary folder and frees
 * its lock. For a signal or a crash (scripts/build.ts calls it on an unhandled error). Resolves to whether the new
 * site had already been put in place, or undefined when no build was running.
 */
export function abandonBuild(): Promise<{ newSiteInPlace: boolean } | undefined> {
  const build = running;
  if (!build) return Promise.resolve(undefined);
  build.abandoned ??= (async () => {
    await Promise.all([...build.children].map(endChild));
    await closePagefind().catch(() => undefined);
    await build.swap?.catch(() => undefined);
    if (build.tmpDir) await rm(build.tmpDir, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
    await build.lock.release();
    if (running === build) running = undefined;
    return { newSiteInPlace: build.newSiteInPlace };
  })();
  return build.abandoned;
}

const signalExitCodes: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 130, SIGTERM: 143 };

/** SIGINT/SIGTERM during a build: end the children, remove the temporary folder, say what became of the site, exit 130/143. */
function onStopSignal(signal: NodeJS.Signals): void {
  if (!running || running.abandoned) return;
  void abandonBuild().then((result) => {
    process.stderr.write(
      result?.newSiteInPlace
        ? `\nBuild stopped by ${signal}, after the new site was put in place.\n`
        : `\nBuild stopped by ${signal}. The last built site was left as it was.\n`,
    );
    process.exit(signalExitCodes[signal] ?? 1);
  });
}

/**
 * Runs `node <args>` as a child of the build: resolves when it exits with 0. While a build runs, the child is
 * ended with it (a signal, a crash).
 */
export function runChildProcess(args: string[], cwd: string, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const build = running;
    // Being stopped: start nothing more (what was started is being ended).
    if (build?.abandoned) return reject(new Error(`${what} was not started: the build is being stopped`));
    const child = spawn(process.execPath, args, { cwd, stdio: "inherit" });
    build?.children.add(child);
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      build?.children.delete(child);
      if (code === 0) resolve();
      else reject(new Error(`${what} stopped with ${signal ? `signal ${signal}` : `exit code ${code}`} (its messages are above)`));
    });
  });
}

/**
 * Astro's build in a process of its own: what it holds (about 1 GB at 10× data) is freed when it ends,
 * instead of staying under the stages after it; the peak memory of the whole build is that of the largest process.
 */
function astroBuildInChildProcess(root: string, outDir: string, cacheDir: string): Promise<void> {
  // The child ends itself when the build process is gone (even killed with SIGKILL): it is then adopted by another parent.
  const watchParent = `const parent = process.ppid; setInterval(() => { if (process.ppid !== parent) process.exit(1); }, 1000).unref();`;
  // (A dynamic import, so the watch starts before Astro loads.)
  // No script inlined into the pages, however small (Astro inlines those under Vite's assetsInlineLimit, 4 KB):
  // the Content-Security-Policy (src/deploy/serverConfig.ts) allows scripts from the site's files only.
  // Astro must not empty outDir (new for each build) before it bundles: the pages of its last build are linked in ahead.
  const vite = { build: { assetsInlineLimit: 0, emptyOutDir: false } };
  // Pages restored from Astro's cache are hard links to it, not copies, made while Astro loads (src/pipeline/astro/linkFromCache.ts).
  const linking = `const { linkPagesAhead, linkPagesFromCache } = await import(${JSON.stringify(pathToFileURL(path.join(import.meta.dirname, "astro", "linkFromCache.ts")).href)}); const ahead = linkPagesAhead(${JSON.stringify(cacheDir)}, ${JSON.stringify(outDir)}); linkPagesFromCache(${JSON.stringify(cacheDir)}, ${JSON.stringify(outDir)}, ahead);`;
  const script = `${watchParent} ${linking} const { build } = await import("astro"); await build(${JSON.stringify({ root, outDir, cacheDir, logLevel: "warn", vite })}); await ahead.removeUnused();`;
  return runChildProcess(["--input-type=module", "--eval", script], root, "astro build");
}

// Stryker restore all


/** Runs one stage and prints its name, what it did and how long it took; its error is named after it. */
async function stage<T>(log: (l: string) => void, name: string, run: () => Promise<T>, summary: (result: T) => string): Promise<T> {
  const start = performance.now();
  const result = await step(name, run);
  log(`[${name}] ${summary(result)} (${Math.round(performance.now() - start)} ms)`);
  return result;
}

/**
 * Runs two stages side by side and waits for both, even when one fails: the other must not go on writing into the
 * temporary folder after it was removed. Then throws the error that came first, or returns both results.
 */
export async function runSideBySide<A, B>(a: () => Promise<A>, b: () => Promise<B>): Promise<[A, B]> {
  let first: { error: unknown } | undefined;
  const watched = <T>(run: () => Promise<T>) =>
    Promise.resolve()
      .then(run)
      .catch((error: unknown) => {
        first ??= { error };
        throw error;
      });
  const [ra, rb] = await Promise.allSettled([watched(a), watched(b)]);
  if (first) throw first.error;
  return [(ra as PromiseFulfilledResult<A>).value, (rb as PromiseFulfilledResult<B>).value];
}

/**
 * Read, validate and generate. The records stay in this function, so they are freed before the Astro build and
 * the stages after it (at 100× data they were gigabytes held to the end); only what verify needs leaves it.
 */
async function readAndGenerate(log: (l: string) => void, root: string, dataDir: string, archives: ReleaseArchive[]): Promise<ExpectedPages> {
  // Files are named from the data folder's parent, e.g. "data/sources.csv", wherever the folder is.
  const { data } = await stage(log, "read+validate", () => loadData(dataDir, { relativeTo: path.dirname(dataDir) }), ({ report }) =>
    report.map((r) => `${r.file}: ${r.rowsRead} rows read, ${r.rowsValid} valid`).join("; "),
  );
  await stage(
    log,
    "generate",
    async () => {
      const report = await writeGenerated(data, path.join(root, "src", "generated"), dataDir);
      const summary = summarize(archives, await dataHash(dataDir));
      await writeFile(path.join(root, "src", "generated", "data", "archive.json"), JSON.stringify(summary));
      return report;
    },
    (r) => `${r.dataModules} data modules, ${r.pages} MDX pages`,
  );
  return expectedPages(data);
}

/** At most a few items of a list, and how many more. */
const someOf = (items: string[], max = 5) => items.slice(0, max).join(", ") + (items.length > max ? ` and ${items.length - max} more` : "");

/**
 * The whole pipeline: read → validate → generate → Astro build → citation files and sitemap → Pagefind index → archive
 * → compress (with `_headers` and `_redirects`) → verify.
 * Everything is built into a temporary folder beside outDir, which replaces outDir only at the end,
 * so a failed build leaves the last good site as it was. A lock beside outDir keeps a second build out meanwhile.
 */
export async function buildSite(options: BuildOptions): Promise<{ pages: number; cached?: boolean; leftover?: string }> {
  const log = options.log ?? console.log;
  const root = path.resolve(options.root);
  const dataDir = options.dataDir ?? path.join(root, "data");
  const outDir = path.resolve(options.outDir ?? path.join(root, "dist"));
  const stages = { ...realStages, ...options.stages };
  const started = performance.now();
  if (options.publish) {
    const problem = publishProblem(process.env);
    if (problem) throw new SiteConfigError(problem);
  }
  process.env[cacheDirVariable] = fileCacheDir(root);

  if (options.generateOnly) {
    const archives = await step("read+validate", () => readArchives(dataDir));
    await readAndGenerate(log, root, dataDir, archives);
    return { pages: 0 };
  }

  if (running) throw new BuildLockedError("A build is already running in this process; this one was not started.");
  const build: RunningBuild = { lock: await step("lock", () => acquireBuildLock(outDir)), children: new Set(), newSiteInPlace: false };
  running = build;
  process.on("SIGINT", onStopSignal);
  process.on("SIGTERM", onStopSignal);
  try {
    if (build.lock.takenOverFrom) log(`[cleanup] took over ${shownPath(build.lock.file)}, left by an earlier build that did not finish (process ${build.lock.takenOverFrom} has ended)`);
    for (const line of await removeStaleTempFolders(outDir)) log(`[cleanup] ${line}`);

    // Incremental: nothing is rebuilt when the inputs hash as they did for the site already in outDir, and that site is as it was built.
    // The address is an input too (siteSettings).
    const hash = await step("cache", () => inputHash(root, dataDir, siteSettings));
    const stamp = options.force ? undefined : await readStamp(outDir);
    if (stamp?.hash === hash) {
      const changes = await changedBuiltFiles(outDir, stamp);
      if (!changes.length) {
        const ms = Math.round(performance.now() - started);
        log(`[cache] data and code unchanged since ${path.relative(root, outDir) || outDir}/ was built (inputs ${hash}); nothing rebuilt in ${ms} ms instead of ${stamp.ms} ms (--force rebuilds)`);
        return { pages: 0, cached: true };
      }
      log(`[cache] data and code unchanged, but ${path.relative(root, outDir) || outDir}/ was changed since it was built: ${someOf(changes)}; building it again`);
    }

    log(
      site.preview
        ? `[address] ${site.url}: a local preview (SITE_URL is not a published address), marked as such on every page; SITE_URL=https://… npm run build -- --publish builds the site to publish`
        : `[address] ${site.url}`,
    );
    const archives = await step("read+validate", () => readArchives(dataDir));
    const expected = await readAndGenerate(log, root, dataDir, archives);

    const tmpDir = `${outDir}.tmp-${process.pid}`;
    // The site in place now, whose unchanged files the new one links (src/pipeline/site/linkUnchanged.ts).
    const previousSite = lastSite(outDir);
    if (build.abandoned) await new Promise<never>(() => {}); // being stopped: create nothing more
    build.tmpDir = tmpDir;
    await rm(tmpDir, { recursive: true, force: true });
    try {
      const pages = await stage(
        log,
        "astro build",
        async () => {
          const astroCache = astroCacheOf(outDir);
          const before = await readAstroManifest(astroCache);
          await stages.astroBuild(root, tmpDir, astroCache);
          const reused = pagesReused(before, await readAstroManifest(astroCache));
          return { pages: (await builtHtmlFiles(tmpDir)).length, reused };
        },
        (r) => `${r.pages} pages built; ${r.reused} pages and files whose code and data were unchanged copied from the last build`,
      );
      // Side by side: the images keep sharp's threads busy while Pagefind's process indexes, and neither reads what the other writes.
      const [siteFiles] = await runSideBySide(
        () =>
          stage(
            log,
            "site files",
            () => stages.siteFiles(tmpDir, previousSite),
            (r) =>
              `${r.citations} pages with BibTeX and RIS files, ${r.images} preview images (${r.imagesLinked} drawn as in the last site, linked from it; ${r.imagesFromCache} from the cache), sitemap with ${r.sitemapUrls} addresses, ${r.charts} charts on the pages; ${r.linked} files linked from the last site, which had them as they are`,
          ),
        () =>
          stage(
            log,
            "index",
            () => stages.index(tmpDir, previousSite),
            (r) =>
              `${r.pages} pages indexed for search (Pagefind) in ${r.bundles} bundles (${r.bundlesFromCache} unchanged, from the cache), ${r.words} words for typo correction; ${r.linked} files linked from the last site`,
          ),
      );
      // After the index and the sitemap, which are for the current pages only.
      await stage(
        log,
        "archive",
        () => stages.archive(tmpDir, archives),
        (r) => `${r.pages} pages of ${r.releases} archived release(s) under /arkiv/, ${r.redirects} redirect pages`,
      );
      const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
      await stage(
        log,
        "compress",
        () => stages.compress(tmpDir, previousSite),
        (r) =>
          `${r.hostFiles.join(" and ")} written; .gz beside ${r.gzFiles} and .br beside ${r.brFiles} text files (${mb(r.bytes)} → gzip ${mb(r.gzBytes)}, brotli ${mb(r.brBytes)}; ${r.fromCache} of them unchanged, from the cache; ${r.linked} linked from the last site), ${r.small} under 1 KB left as they are`,
      );
      await stage(log, "verify", () => stages.verify(tmpDir, expected), (checks) => `${checks} checks passed`);

      // What was built, so a later build can tell a damaged site from this one.
      await step("stamp", async () =>
        writeStamp(tmpDir, {
          hash,
          ms: Math.round(performance.now() - started),
          compression: compressionSettings,
          madeFrom: siteFiles.madeFrom,
          files: await builtFileHashes(tmpDir, await lastStamp(previousSite)),
        }),
      );
      const swap = stages.swap(tmpDir, outDir);
      build.swap = swap;
      const { leftover, leftoverError, removing } = await swap;
      build.newSiteInPlace = true;
      log(`[done] ${pages.pages} pages in ${path.relative(root, outDir) || outDir}/ (${Math.round(performance.now() - started)} ms)`);
      if (removing) log(`[swap] the last built site, moved to ${shownPath(removing)}/, is being removed by a process of its own`);
      if (leftover) {
        log(`[swap] warning: the new site is in place, but the last one could not be removed: ${shownPath(leftover)}/ is left over (${messageOf(leftoverError)}); the next build removes it`);
      }
      // The site is in place: a cache that cannot be pruned costs disk, not the build.
      await pruneFileCache().then(
        (pruned) => pruned.removed && log(`[cache] ${pruned.removed} cached files used longest ago removed (${(pruned.removedBytes / 1e6).toFixed(0)} MB); the cache keeps ${(pruned.keptBytes / 1e6).toFixed(0)} MB (HOA_CACHE_MAX_MB)`),
        (error: unknown) => log(`[cache] warning: the cache could not be pruned (${messageOf(error)})`),
      );
      return { pages: pages.pages, leftover };
    } catch (error) {
      // Stopped from outside (signal, crash): that path removes the folder and reports; do not race it with a second report.
      if (build.abandoned) await new Promise<never>(() => {});
      await rm(tmpDir, { recursive: true, force: true, maxRetries: 3 }).catch((rmError: unknown) =>
        log(`[cleanup] could not remove ${shownPath(tmpDir)}/ (${messageOf(rmError)}); the next build removes it`),
      );
      throw error;
    }
  } finally {
    process.off("SIGINT", onStopSignal);
    process.off("SIGTERM", onStopSignal);
    if (!build.abandoned) {
      await build.lock.release();
      if (running === build) running = undefined;
    }
  }
}
