import { access, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { spawn } from "node:child_process";
import { inputHash, readStamp, writeStamp } from "./buildCache.ts";
import { cacheDirVariable } from "./fileCache.ts";
import { indexSite } from "./search/indexSite.ts";
import { builtHtmlFiles } from "./site/builtPages.ts";
import { writeSiteFiles } from "./site/writeSiteFiles.ts";
import { loadData } from "./loadData.ts";
import { writeGenerated } from "./generate/writeGenerated.ts";
import { dataHash, readArchives, summarize, type ReleaseArchive } from "./archive/releaseArchive.ts";
import { publishArchives } from "./archive/publishArchive.ts";
import { writeRedirectPages } from "./site/redirectPages.ts";
import { redirects } from "../redirects.ts";
import { expectedPages, verifySite, type ExpectedPages } from "./verify/verifySite.ts";

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
  log?: (line: string) => void;
}

/**
 * Astro's build in a process of its own: what it holds (about 1 GB at 10× data) is freed when it ends,
 * instead of staying under the stages after it; the peak memory of the whole build is that of the largest process.
 */
function astroBuildInChildProcess(root: string, outDir: string): Promise<void> {
  const script = `import { build } from "astro"; await build(${JSON.stringify({ root, outDir, logLevel: "warn" })});`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--input-type=module", "--eval", script], { cwd: root, stdio: "inherit" });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`astro build stopped with exit code ${code} (its messages are above)`))));
  });
}

/** Runs one stage and prints its name, what it did and how long it took. */
async function stage<T>(log: (l: string) => void, name: string, run: () => Promise<T>, summary: (result: T) => string): Promise<T> {
  const start = performance.now();
  const result = await run();
  log(`[${name}] ${summary(result)} (${Math.round(performance.now() - start)} ms)`);
  return result;
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

/**
 * The whole pipeline: read → validate → generate → Astro build → citation files and sitemap → Pagefind index → verify.
 * Everything is built into a temporary folder beside outDir, which replaces outDir only at the end,
 * so a failed build leaves the last good site as it was.
 */
export async function buildSite(options: BuildOptions): Promise<{ pages: number; cached?: boolean }> {
  const log = options.log ?? console.log;
  const root = path.resolve(options.root);
  const dataDir = options.dataDir ?? path.join(root, "data");
  const outDir = path.resolve(options.outDir ?? path.join(root, "dist"));
  const started = performance.now();
  process.env[cacheDirVariable] ??= path.join(root, "node_modules", ".cache", "helse-og-arbeid");

  // Incremental: nothing is rebuilt when the inputs hash as they did for the site already in outDir.
  const hash = await inputHash(root, dataDir);
  const stamp = options.generateOnly || options.force ? undefined : await readStamp(outDir);
  if (stamp?.hash === hash) {
    const ms = Math.round(performance.now() - started);
    log(`[cache] data and code unchanged since ${path.relative(root, outDir) || outDir}/ was built (inputs ${hash}); nothing rebuilt in ${ms} ms instead of ${stamp.ms} ms (--force rebuilds)`);
    return { pages: 0, cached: true };
  }

  const archives = await readArchives(dataDir);
  const expected = await readAndGenerate(log, root, dataDir, archives);
  if (options.generateOnly) return { pages: 0 };

  const tmpDir = `${outDir}.tmp-${process.pid}`;
  await rm(tmpDir, { recursive: true, force: true });
  try {
    const pages = await stage(
      log,
      "astro build",
      async () => {
        await astroBuildInChildProcess(root, tmpDir);
        const files = await builtHtmlFiles(tmpDir);
        let charts = 0;
        for (const f of files) charts += ((await readFile(path.join(tmpDir, f), "utf8")).match(/<figure class="chart"/g) ?? []).length;
        return { pages: files.length, charts };
      },
      (r) => `${r.pages} pages built, ${r.charts} charts rendered`,
    );
    // Side by side: the images keep sharp's threads busy while Pagefind's process indexes, and neither reads what the other writes.
    await Promise.all([
      stage(
        log,
        "site files",
        () => writeSiteFiles(tmpDir),
        (r) =>
          `${r.citations} pages with BibTeX and RIS files, ${r.images} preview images (${r.imagesFromCache} unchanged, from the cache), sitemap with ${r.sitemapUrls} addresses`,
      ),
      stage(log, "index", () => indexSite(tmpDir), (r) => `${r.pages} pages indexed for search (Pagefind), ${r.words} words for typo correction`),
    ]);
    // After the index and the sitemap, which are for the current pages only.
    await stage(
      log,
      "archive",
      // Moved addresses first, so an archived page whose address has moved links on through its redirect.
      async () => {
        const moved = await writeRedirectPages(tmpDir, redirects);
        return { ...(await publishArchives(tmpDir, archives)), redirects: moved };
      },
      (r) => `${r.pages} pages of ${r.releases} archived release(s) under /arkiv/, ${r.redirects} redirect pages`,
    );
    await stage(log, "verify", () => verifySite(tmpDir, expected), (checks) => `${checks} checks passed`);

    await writeStamp(tmpDir, { hash, ms: Math.round(performance.now() - started) });
    const oldDir = `${outDir}.old-${process.pid}`;
    const hadOld = await access(outDir).then(() => true, () => false);
    if (hadOld) await rename(outDir, oldDir);
    await rename(tmpDir, outDir);
    if (hadOld) await rm(oldDir, { recursive: true, force: true });
    log(`[done] ${pages.pages} pages in ${path.relative(root, outDir) || outDir}/ (${Math.round(performance.now() - started)} ms)`);
    return { pages: pages.pages };
  } catch (error) {
    await rm(tmpDir, { recursive: true, force: true });
    throw error;
  }
}

