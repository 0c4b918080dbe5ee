// The build's failure paths, without Astro: stages are stand-ins (BuildOptions.stages) or the small functions the
// build is made of, each tried in temporary folders.
import { spawn, spawnSync } from "node:child_process";
import { access, link, mkdir, mkdtemp, readdir, readFile, rename, rm, symlink, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildSite, runSideBySide, StageError, type BuildStages } from "../src/pipeline/build.ts";
import { acquireBuildLock, BuildLockedError, processAlive, removeInBackground, removeStaleTempFolders, shownPath, SwapError, swapIntoPlace } from "../src/pipeline/outputFolder.ts";
import { builtFileHashes, changedBuiltFiles, inputHash, lastStamp, readStamp, stampFile } from "../src/pipeline/buildCache.ts";
import { csvFormat, csvParse } from "d3-dsv";
import { copyOfShippedData, projectRoot, shippedData, withFileCache } from "./helpers.ts";

const dirs: string[] = [];
const cacheDirBefore = process.env.HOA_CACHE_DIR;
afterAll(async () => {
  // buildSite sets the image cache's folder when it is not set; it was one of the temporary projects.
  if (cacheDirBefore === undefined) delete process.env.HOA_CACHE_DIR;
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "hoa-robust-"));
  dirs.push(dir);
  return dir;
}

/** Every file under dir with its contents, to compare a folder before and after. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out[path.relative(dir, path.join(e.parentPath, e.name))] = await readFile(path.join(e.parentPath, e.name), "utf8");
  }
  return out;
}

/** What lies beside dist/: only dist/ itself once a build has ended (no temporary folder, old copy or lock). */
const besideDist = async (dir: string) => (await readdir(dir)).filter((n) => n.startsWith("dist")).sort();
const exists = (p: string) => access(p).then(() => true, () => false);
/** What lies beside dist/ once the last site's removal, which runs in a process of its own, has ended (at most 10 s). */
async function besideDistSettled(dir: string): Promise<string[]> {
  for (let waited = 0; waited < 10_000 && (await besideDist(dir)).some((n) => /^dist\.old-/.test(n)); waited += 50) await new Promise((r) => setTimeout(r, 50));
  return besideDist(dir);
}
/** Stand-ins for the swap's file operations: the real ones, and a background removal that cannot start. */
const noBackground = async () => Promise.reject(new Error("spawn EAGAIN"));
/** The id of a process that has ended. */
const deadPid = () => spawnSync(process.execPath, ["-e", ""]).pid!;

/** A site of two pages, as the old dist/. */
async function oldSite(outDir: string): Promise<void> {
  await mkdir(path.join(outDir, "om"), { recursive: true });
  await writeFile(path.join(outDir, "index.html"), "<p>old site</p>");
  await writeFile(path.join(outDir, "om", "index.html"), "<p>old page</p>");
}

/** Stand-ins for the stages after generate: they write a small site, quickly. */
const fakeStages: Omit<BuildStages, "swap"> = {
  astroBuild: async (_root, siteDir) => {
    await mkdir(path.join(siteDir, "om"), { recursive: true });
    await writeFile(path.join(siteDir, "index.html"), '<p>new site</p><figure class="chart"></figure>');
    await writeFile(path.join(siteDir, "om", "index.html"), "<p>new page</p>");
  },
  siteFiles: async (siteDir) => {
    await writeFile(path.join(siteDir, "sitemap.xml"), "<urlset/>");
    return { citations: 0, images: 0, imagesFromCache: 0, imagesLinked: 0, sitemapUrls: 2, charts: 0, linked: 0, madeFrom: {} };
  },
  index: async (siteDir) => {
    await mkdir(path.join(siteDir, "pagefind"), { recursive: true });
    await writeFile(path.join(siteDir, "pagefind", "entry.json"), "{}");
    return { pages: 2, words: 3, bundles: 1, bundlesFromCache: 0, linked: 0 };
  },
  archive: async () => ({ pages: 0, releases: 0, redirects: 0 }),
  compress: async () => ({ files: 0, bytes: 0, small: 0, gzFiles: 0, brFiles: 0, gzBytes: 0, brBytes: 0, fromCache: 0, linked: 0, hostFiles: [] }),
  verify: async () => 1,
};

/**
 * The shipped data with only the first 100 statistics cells: no dataset refers to a cell, so it reads and generates
 * as the shipped data does, in a fraction of the time (the 8 000 cells are most of a build's reading).
 */
const lessData = await (async () => {
  const dataDir = await copyOfShippedData();
  dirs.push(path.dirname(dataDir));
  const statistics = path.join(dataDir, "statistics.csv");
  await writeFile(statistics, csvFormat(csvParse(await readFile(statistics, "utf8")).slice(0, 100)) + "\n");
  return dataDir;
})();

/**
 * A project of its own (src/generated is written there, not in this checkout) that reads the shipped data (less the
 * statistics cells), with its outDir holding an old site.
 */
async function project() {
  const root = await tempDir();
  const outDir = path.join(root, "dist");
  await oldSite(outDir);
  const lines: string[] = [];
  const build = (stages: Partial<BuildStages> = {}, force = false) =>
    buildSite({ root, dataDir: lessData, outDir, force, stages: { ...fakeStages, ...stages }, log: (l) => lines.push(l) });
  return { root, outDir, lines, build };
}

describe("a build that fails", () => {
  it("leaves the old site byte-identical and no temporary folder when a stage throws after writing files, and names the stage", async () => {
    const { root, outDir, build } = await project();
    const before = await snapshot(outDir);
    let siteFilesDone = false;
    const error = await build({
      // Fails at once, after writing part of the index …
      index: async (siteDir) => {
        await mkdir(path.join(siteDir, "pagefind"), { recursive: true });
        await writeFile(path.join(siteDir, "pagefind", "half.pf"), "x");
        throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC", path: path.join(siteDir, "pagefind", "half.pf") });
      },
      // … while the stage beside it goes on writing for a while: it must be waited for before the folder is removed.
      siteFiles: async (siteDir) => {
        for (let i = 0; i < 5; i++) {
          await new Promise((r) => setTimeout(r, 20));
          await writeFile(path.join(siteDir, `image-${i}.png`), "png");
        }
        siteFilesDone = true;
        return { citations: 0, images: 5, imagesFromCache: 0, imagesLinked: 0, sitemapUrls: 0, charts: 0, linked: 0, madeFrom: {} };
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StageError);
    expect((error as StageError).message).toBe("[index] failed: ENOSPC: no space left on device, write");
    expect(((error as StageError).cause as NodeJS.ErrnoException).code).toBe("ENOSPC");
    expect(siteFilesDone).toBe(true);
    expect(await snapshot(outDir)).toEqual(before);
    expect(await besideDist(root)).toEqual(["dist"]); // no dist.tmp-*, dist.old-*, dist.lock
  });

  it("names the stage for every stage, and keeps the original error as the cause", async () => {
    const { outDir, build } = await project();
    const before = await snapshot(outDir);
    const cause = new Error("boom");
    for (const name of ["astroBuild", "archive", "compress", "verify"] as const) {
      const error = await build({ [name]: async () => Promise.reject(cause) }).catch((e: unknown) => e);
      expect((error as Error).message).toBe(`[${{ astroBuild: "astro build", archive: "archive", compress: "compress", verify: "verify" }[name]}] failed: boom`);
      expect((error as Error).cause).toBe(cause);
    }
    expect(await snapshot(outDir)).toEqual(before);
    expect(await exists(`${outDir}.lock`)).toBe(false);
  });
});

describe("a build that succeeds", () => {
  it("builds into a temporary folder beside dist/, never into dist/ itself, and swaps it in only after verify", async () => {
    const { root, outDir, lines, build } = await project();
    const before = await snapshot(outDir);
    const seen: { stage: string; siteDir: string; outDirAtTheTime: Record<string, string> }[] = [];
    const note = async (stage: string, siteDir: string) => seen.push({ stage, siteDir, outDirAtTheTime: await snapshot(outDir) });
    const swapped: string[][] = [];
    const pagesToVerify: unknown[] = [];
    const result = await build({
      astroBuild: async (r, siteDir, astroCache) => {
        await note("astro build", siteDir);
        await fakeStages.astroBuild(r, siteDir, astroCache);
      },
      verify: async (siteDir, expectedPages) => {
        await note("verify", siteDir);
        pagesToVerify.push(expectedPages);
        return 7;
      },
      swap: async (siteDir, out) => {
        swapped.push([siteDir, out]);
        return swapIntoPlace(siteDir, out);
      },
    });
    const tmpDir = `${outDir}.tmp-${process.pid}`;
    expect(seen.map((s) => [s.stage, s.siteDir])).toEqual([
      ["astro build", tmpDir],
      ["verify", tmpDir],
    ]);
    // While the stages ran, dist/ was the old site, untouched.
    for (const s of seen) expect(s.outDirAtTheTime).toEqual(before);
    expect(swapped).toEqual([[tmpDir, outDir]]);
    expect(result).toEqual({ pages: 2, leftover: undefined });
    expect(await readFile(path.join(outDir, "index.html"), "utf8")).toContain("new site");
    expect(await besideDistSettled(root)).toEqual(["dist"]);
    expect(lines.filter((l) => l.startsWith("[verify]"))).toEqual([expect.stringMatching(/^\[verify\] 7 checks passed \(\d+ ms\)$/)]);
    // Verify is told which pages the data needs: one per source and one per offer.
    const ids = async (file: string) => csvParse(await readFile(path.join(shippedData, file), "utf8")).map((r) => r.id);
    expect(pagesToVerify).toEqual([{ sourceIds: await ids("sources.csv"), offerIds: await ids("offers.csv") }]);
  });
});

describe("runSideBySide", () => {
  it("waits for both, then throws the error that came first", async () => {
    const order: string[] = [];
    const error = await runSideBySide(
      async () => {
        await new Promise((r) => setTimeout(r, 30));
        order.push("slow done");
        throw new Error("second");
      },
      async () => {
        order.push("fast failed");
        throw new Error("first");
      },
    ).catch((e: unknown) => e);
    expect((error as Error).message).toBe("first");
    expect(order).toEqual(["fast failed", "slow done"]);
    expect(await runSideBySide(async () => 1, async () => "b")).toEqual([1, "b"]);
  });
});

describe("the swap of the new site into place", () => {
  async function sites() {
    const dir = await tempDir();
    const outDir = path.join(dir, "dist");
    const tmpDir = path.join(dir, `dist.tmp-${process.pid}`);
    await oldSite(outDir);
    await mkdir(tmpDir);
    await writeFile(path.join(tmpDir, "index.html"), "<p>new site</p>");
    return { dir, outDir, tmpDir, oldDir: `${outDir}.old-${process.pid}` };
  }

  it("replaces the old site, and has it removed by a process of its own that outlives the swap", async () => {
    const { dir, outDir, tmpDir, oldDir } = await sites();
    expect(await swapIntoPlace(tmpDir, outDir)).toEqual({ removing: oldDir });
    expect(await readFile(path.join(outDir, "index.html"), "utf8")).toBe("<p>new site</p>");
    expect(await besideDistSettled(dir)).toEqual(["dist"]);
  });

  it("removes the old site itself when no process can be started for it", async () => {
    const { dir, outDir, tmpDir } = await sites();
    expect(await swapIntoPlace(tmpDir, outDir, { rename, rm, removeLater: noBackground })).toEqual({});
    expect(await readdir(dir)).toEqual(["dist"]);
  });

  it("reports the new site as in place when only the old copy could not be removed", async () => {
    const { outDir, tmpDir, oldDir } = await sites();
    const result = await swapIntoPlace(tmpDir, outDir, { rename, rm: async () => Promise.reject(new Error("EBUSY: resource busy")), removeLater: noBackground });
    expect(result.leftover).toBe(oldDir);
    expect(await readFile(path.join(outDir, "index.html"), "utf8")).toBe("<p>new site</p>");
    expect(await readFile(path.join(oldDir, "index.html"), "utf8")).toBe("<p>old site</p>");
  });

  it("moves the old site back when the new one cannot be moved in, and says so", async () => {
    const { outDir, tmpDir } = await sites();
    const before = await snapshot(outDir);
    const failingSecond: typeof rename = async (from, to) => (from === tmpDir ? Promise.reject(new Error("EXDEV: cross-device link")) : rename(from, to));
    const error = await swapIntoPlace(tmpDir, outDir, { rename: failingSecond, rm, removeLater: removeInBackground }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SwapError);
    expect((error as SwapError).lastSiteKept).toBe(true);
    expect((error as SwapError).message).toMatch(/^\[swap\] failed: the new site could not be moved to .*dist\/ \(EXDEV: cross-device link\); the last built site was moved back\.$/);
    expect(await snapshot(outDir)).toEqual(before);
  });

  it("says where the old site is when it cannot be moved back either", async () => {
    const { outDir, tmpDir, oldDir } = await sites();
    const onlyFirst: typeof rename = async (from, to) => (from === outDir ? rename(from, to) : Promise.reject(new Error("EIO: i/o error")));
    const error = (await swapIntoPlace(tmpDir, outDir, { rename: onlyFirst, rm, removeLater: removeInBackground }).catch((e: unknown) => e)) as SwapError;
    expect(error.lastSiteKept).toBe(false);
    expect(error.message).toContain(`it is in ${oldDir}/.`);
  });

  it("in a build, succeeds with a warning naming the leftover folder", async () => {
    const { outDir, lines, build } = await project();
    const busy = async () => Promise.reject(new Error("EBUSY: resource busy or locked"));
    const result = await build({ swap: (tmpDir, out) => swapIntoPlace(tmpDir, out, { rename, rm: busy, removeLater: noBackground }) });
    expect(result).toEqual({ pages: 2, leftover: `${outDir}.old-${process.pid}` });
    expect(await readFile(path.join(outDir, "index.html"), "utf8")).toContain("new site");
    expect(lines.at(-2)).toMatch(/^\[done\] 2 pages in dist\/ \(\d+ ms\)$/);
    expect(lines.at(-1)).toBe(
      `[swap] warning: the new site is in place, but the last one could not be removed: ${outDir}.old-${process.pid}/ is left over (EBUSY: resource busy or locked); the next build removes it`,
    );
    await rm(`${outDir}.old-${process.pid}`, { recursive: true });
  });

  it("in a build that cannot move the new site in, keeps the old one and says so", async () => {
    const { root, outDir, build } = await project();
    const before = await snapshot(outDir);
    const exdev: typeof rename = async (from, to) => (String(from).includes(".tmp-") ? Promise.reject(new Error("EXDEV: cross-device link not permitted")) : rename(from, to));
    const error = (await build({ swap: (tmpDir, out) => swapIntoPlace(tmpDir, out, { rename: exdev, rm, removeLater: removeInBackground }) }).catch((e: unknown) => e)) as SwapError;
    expect(error.message).toMatch(/^\[swap\] failed: the new site could not be moved to .*dist\/ \(EXDEV: cross-device link not permitted\); the last built site was moved back\.$/);
    expect(await snapshot(outDir)).toEqual(before);
    expect(await besideDist(root)).toEqual(["dist"]);
  });
});

describe("the swap of a first build, and of an output folder that cannot be moved", () => {
  it("moves the new site in when there is no old one, and says so when even that fails", async () => {
    const dir = await tempDir();
    const outDir = path.join(dir, "dist");
    const tmpDir = path.join(dir, "dist.tmp-1");
    await mkdir(tmpDir);
    await writeFile(path.join(tmpDir, "index.html"), "<p>first</p>");
    const failing: typeof rename = async (from, to) => (from === tmpDir ? Promise.reject(new Error("EXDEV: cross-device link")) : rename(from, to));
    const error = (await swapIntoPlace(tmpDir, outDir, { rename: failing, rm, removeLater: removeInBackground }).catch((e: unknown) => e)) as SwapError;
    expect(error).toBeInstanceOf(SwapError);
    expect(error.message).toBe(`[swap] failed: the new site could not be moved to ${shownPath(outDir)}/ (EXDEV: cross-device link).`);
    expect(error.lastSiteKept).toBe(true);
    expect(await swapIntoPlace(tmpDir, outDir)).toEqual({});
    expect(await readdir(dir)).toEqual(["dist"]);
    expect(await readFile(path.join(outDir, "index.html"), "utf8")).toBe("<p>first</p>");
  });

  it("leaves the old site where it is when it cannot be moved aside", async () => {
    const dir = await tempDir();
    const outDir = path.join(dir, "dist");
    await oldSite(outDir);
    const denied: typeof rename = async () => Promise.reject(Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" }));
    const error = (await swapIntoPlace(path.join(dir, "dist.tmp-1"), outDir, { rename: denied, rm, removeLater: removeInBackground }).catch((e: unknown) => e)) as SwapError;
    expect(error.message).toBe(`[swap] failed: the last built site in ${shownPath(outDir)}/ could not be moved aside (EACCES: permission denied); it was left as it was.`);
    expect(error.lastSiteKept).toBe(true);
    expect(error.name).toBe("SwapError");
  });
});

describe("paths and processes in messages", () => {
  it("shows a path inside the working folder relative to it, and any other absolute", () => {
    expect(shownPath(path.join(process.cwd(), "dist", "x"))).toBe(path.join("dist", "x"));
    expect(shownPath(process.cwd())).toBe(process.cwd());
    expect(shownPath("/elsewhere/dist")).toBe("/elsewhere/dist");
  });

  it("tells a running process from one that has ended", () => {
    expect(processAlive(process.pid)).toBe(true);
    expect(processAlive(deadPid())).toBe(false);
  });
});

describe("the build lock", () => {
  it("is taken beside an output folder whose parent does not exist yet (--out /new/folder/dist)", async () => {
    const outDir = path.join(await tempDir(), "new", "folder", "dist");
    const lock = await acquireBuildLock(outDir);
    expect(await readFile(`${outDir}.lock`, "utf8")).toBe(`${process.pid}\n`);
    await lock.release();
  });

  it("refuses a second build while the first holds it, and frees it after", async () => {
    const outDir = path.join(await tempDir(), "dist");
    const lock = await acquireBuildLock(outDir);
    expect(await readFile(`${outDir}.lock`, "utf8")).toBe(`${process.pid}\n`);
    const error = await acquireBuildLock(outDir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BuildLockedError);
    expect((error as Error).message).toMatch(new RegExp(`^Another build is writing .*dist/ \\(process ${process.pid} holds .*dist\\.lock\\); this build was not started\\.`));
    await lock.release();
    expect(await exists(`${outDir}.lock`)).toBe(false);
    await (await acquireBuildLock(outDir)).release();
  });

  it("takes over the lock of a build whose process has ended, and never frees another's", async () => {
    const outDir = path.join(await tempDir(), "dist");
    const dead = deadPid();
    await writeFile(`${outDir}.lock`, `${dead}\n`);
    const lock = await acquireBuildLock(outDir);
    expect(lock.takenOverFrom).toBe(dead);
    expect(await readFile(`${outDir}.lock`, "utf8")).toBe(`${process.pid}\n`);
    await writeFile(`${outDir}.lock`, `${process.ppid}\n`); // taken by someone else meanwhile
    await lock.release();
    expect(await readFile(`${outDir}.lock`, "utf8")).toBe(`${process.ppid}\n`);
  });

  it("refuses while an empty lock is young (being written), takes over an old empty or unreadable one", async () => {
    const outDir = path.join(await tempDir(), "dist");
    await writeFile(`${outDir}.lock`, "");
    await expect(acquireBuildLock(outDir)).rejects.toThrow(`Another build is writing ${shownPath(outDir)}/ (a process holds ${shownPath(`${outDir}.lock`)}); this build was not started.`);
    const longAgo = new Date(Date.now() - 60_000);
    await utimes(`${outDir}.lock`, longAgo, longAgo);
    const lock = await acquireBuildLock(outDir);
    expect(lock.takenOverFrom).toBeUndefined();
    expect(await readFile(`${outDir}.lock`, "utf8")).toBe(`${process.pid}\n`);
    await lock.release();
    await writeFile(`${outDir}.lock`, "not a process id");
    await utimes(`${outDir}.lock`, longAgo, longAgo);
    await (await acquireBuildLock(outDir)).release();
    expect(await exists(`${outDir}.lock`)).toBe(false);
  });

  it("makes a build refuse to start, leaving the site alone", async () => {
    const { outDir, build } = await project();
    const before = await snapshot(outDir);
    await writeFile(`${outDir}.lock`, `${process.ppid}\n`);
    await expect(build()).rejects.toThrow(BuildLockedError);
    expect(await snapshot(outDir)).toEqual(before);
    expect(await readFile(`${outDir}.lock`, "utf8")).toBe(`${process.ppid}\n`);
  });
});

describe("temporary folders of earlier builds", () => {
  it("are removed when their process has ended, and kept while it runs", async () => {
    const dir = await tempDir();
    const outDir = path.join(dir, "dist");
    await oldSite(outDir);
    const dead = deadPid();
    for (const name of [`dist.tmp-${dead}`, `dist.old-${dead}`, `dist.tmp-${process.ppid}`, "dist.tmp-x", "other.tmp-1"]) {
      await mkdir(path.join(dir, name, "sub"), { recursive: true });
      await writeFile(path.join(dir, name, "sub", "f.html"), "x");
    }
    const lines = await removeStaleTempFolders(outDir);
    expect((await readdir(dir)).sort()).toEqual(["dist", "dist.tmp-x", `dist.tmp-${process.ppid}`, "other.tmp-1"].sort());
    expect(lines).toContain(`removed ${path.join(dir, `dist.tmp-${dead}`)}/, left by an earlier build that did not finish (process ${dead} has ended)`);
  });

  it("are only those of this output folder, whatever its name holds", async () => {
    const dir = await tempDir();
    const outDir = path.join(dir, "dist.v1");
    await oldSite(outDir);
    const dead = deadPid();
    for (const name of [`distXv1.tmp-${dead}`, `dist.v1.tmp-${dead}x`, `dist.v1.new-${dead}`, `dist.v1.tmp-${dead}`]) await mkdir(path.join(dir, name));
    expect(await removeStaleTempFolders(outDir)).toEqual([`removed ${shownPath(path.join(dir, `dist.v1.tmp-${dead}`))}/, left by an earlier build that did not finish (process ${dead} has ended)`]);
    expect((await readdir(dir)).sort()).toEqual(["dist.v1", `dist.v1.new-${dead}`, `dist.v1.tmp-${dead}x`, `distXv1.tmp-${dead}`].sort());
  });

  it("put the last site back when a build died between the two renames of its swap", async () => {
    const dir = await tempDir();
    const outDir = path.join(dir, "dist");
    const dead = deadPid();
    await oldSite(path.join(dir, `dist.old-${dead}`));
    await mkdir(path.join(dir, `dist.tmp-${dead}`));
    const lines = await removeStaleTempFolders(outDir);
    expect(await readFile(path.join(outDir, "index.html"), "utf8")).toBe("<p>old site</p>");
    expect(await readdir(dir)).toEqual(["dist"]);
    expect(lines[0]).toMatch(/dist\/ was missing: put back the last built site from .*dist\.old-\d+\/, left by a build stopped while replacing it/);
  });

  it("are cleaned up when a build starts", async () => {
    const { root, outDir, lines, build } = await project();
    const stale = `${outDir}.tmp-${deadPid()}`;
    await mkdir(stale);
    await build();
    expect(await exists(stale)).toBe(false);
    expect(lines[0]).toMatch(/^\[cleanup\] removed .*dist\.tmp-\d+\/, left by an earlier build that did not finish/);
    expect(await besideDistSettled(root)).toEqual(["dist"]);
  });
});

describe("the stamp of the built site", () => {
  it("lists every built file but itself, and tells a changed, missing or added file", async () => {
    const dir = await tempDir();
    await oldSite(dir);
    await writeFile(path.join(dir, stampFile), "{}");
    const files = await builtFileHashes(dir);
    expect(Object.keys(files)).toEqual(["index.html", "om/index.html"]);
    expect(files["index.html"]).toMatch(/^15:[0-9a-f]{16}$/);
    const stamp = { hash: "h", ms: 1, files };
    expect(await changedBuiltFiles(dir, stamp)).toEqual([]);
    await writeFile(path.join(dir, "index.html"), "<p>old sitE</p>");
    await rm(path.join(dir, "om", "index.html"));
    await writeFile(path.join(dir, "new.html"), "x");
    expect(await changedBuiltFiles(dir, stamp)).toEqual(["index.html changed", "om/index.html missing", "new.html added"]);
    expect(await changedBuiltFiles(dir, { hash: "h", ms: 1 })).toEqual(["its stamp lists no files (made by an older build)"]);
  });

  it("makes the build repair a damaged site, and say why", async () => {
    const { outDir, lines, build } = await project();
    await build();
    expect(Object.keys((await readStamp(outDir))!.files!).sort()).toEqual(["index.html", "om/index.html", "pagefind/entry.json", "sitemap.xml"]);
    lines.length = 0;
    expect((await build()).cached).toBe(true);
    expect(lines.at(-1)).toMatch(/^\[cache\] data and code unchanged since dist\/ was built .* nothing rebuilt in \d+ ms/);

    await rm(path.join(outDir, "om", "index.html"));
    await writeFile(path.join(outDir, "sitemap.xml"), "<urlset>changed</urlset>");
    lines.length = 0;
    const result = await build();
    expect(result.cached).toBeUndefined();
    expect(lines[0]).toBe("[cache] data and code unchanged, but dist/ was changed since it was built: om/index.html missing, sitemap.xml changed; building it again");
    expect(await readFile(path.join(outDir, "om", "index.html"), "utf8")).toBe("<p>new page</p>");
    expect(await readFile(path.join(outDir, "sitemap.xml"), "utf8")).toBe("<urlset/>");
  });
});

describe("the input hash", () => {
  it("follows a CSV that is a symbolic link, so editing the linked file changes it", async () => {
    const root = await tempDir();
    const dataDir = path.join(root, "data");
    await mkdir(dataDir);
    await writeFile(path.join(root, "offers-real.csv"), "id\na\n");
    await symlink(path.join(root, "offers-real.csv"), path.join(dataDir, "offers.csv"));
    const before = await inputHash(root, dataDir);
    await writeFile(path.join(root, "offers-real.csv"), "id\nb\n");
    const after = await inputHash(root, dataDir);
    expect(after).not.toBe(before);
    // A broken link counts too: mending it changes the hash.
    await rm(path.join(root, "offers-real.csv"));
    const broken = await inputHash(root, dataDir);
    expect(broken).not.toBe(after);
  });
});

describe("what the input hash covers", () => {
  it("changes with the data, the code, the static files and the locked dependencies, not with the generated folder or notes", async () => {
    const root = await tempDir();
    const dataDir = path.join(root, "data");
    const files: Record<string, string> = {
      "data/offers.csv": "id\na\n", "data/arkiv/2026.1.0.json.gz": "gz", "data/arkiv/2026.1.0.manifest.txt": "m", "data/README.md": "notes",
      "src/pages/index.astro": "<p/>", "src/generated/data/offers.json": "[]", "scripts/build.ts": "x", "public/robots.txt": "r",
      "astro.config.mjs": "a", "package-lock.json": "{}", "tsconfig.json": "{}", "README.md": "readme",
    };
    for (const [rel, content] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
      await writeFile(path.join(root, rel), content);
    }
    let last = await inputHash(root, dataDir);
    expect(last).toMatch(/^[0-9a-f]{16}$/);
    const changed = async (rel: string) => {
      await writeFile(path.join(root, rel), `${files[rel]} changed`);
      const now = await inputHash(root, dataDir);
      const differs = now !== last;
      last = now;
      return differs;
    };
    for (const rel of ["data/offers.csv", "data/arkiv/2026.1.0.json.gz", "data/arkiv/2026.1.0.manifest.txt", "src/pages/index.astro", "scripts/build.ts", "public/robots.txt", "astro.config.mjs", "package-lock.json", "tsconfig.json"]) {
      expect(await changed(rel), rel).toBe(true);
    }
    for (const rel of ["data/README.md", "src/generated/data/offers.json", "README.md"]) expect(await changed(rel), rel).toBe(false);
  });

  it("tells a stamp it cannot read, and a site it cannot read, from a changed site", async () => {
    const dir = await tempDir();
    expect(await readStamp(dir)).toBeUndefined();
    await writeFile(path.join(dir, stampFile), "{not json");
    expect(await readStamp(dir)).toBeUndefined();
    expect(await changedBuiltFiles(path.join(dir, "gone"), { hash: "h", ms: 1, files: {} })).toEqual(["it cannot be read"]);
  });

  it("takes a file's hash from the last stamp only when the file is the last site's own, unmodified since", async () => {
    const last = await tempDir();
    const next = await tempDir();
    for (const name of ["shared.html", "edited.html", "copied.html", "unlisted.html"]) await writeFile(path.join(last, name), `<p>${name}</p>`);
    const stamped = await builtFileHashes(last);
    // A stamp entry that no read of the file could give: seen in the result only when the stamp's entry was taken over.
    const { "unlisted.html": _unlisted, ...listed } = stamped;
    const stamp = { hash: "h", ms: 1, files: { ...listed, "shared.html": "0:stamped", "edited.html": "0:stamped", "copied.html": "0:stamped" } };
    await writeFile(path.join(last, stampFile), JSON.stringify(stamp));
    const later = Date.now() / 1000 + 60;
    await utimes(path.join(last, stampFile), later, later);
    for (const name of ["shared.html", "edited.html", "unlisted.html"]) await link(path.join(last, name), path.join(next, name));
    await writeFile(path.join(next, "copied.html"), "<p>copied.html</p>");
    // Edited in place after the stamp was written: both sites see the edit.
    await writeFile(path.join(next, "edited.html"), "<p>edited by hand</p>");
    await utimes(path.join(next, "edited.html"), later + 10, later + 10);

    const lastStamped = await lastStamp(last);
    expect(lastStamped?.writtenAt).toBe(later * 1000);
    const files = await builtFileHashes(next, lastStamped);
    expect(files["shared.html"]).toBe("0:stamped");
    expect(files["edited.html"]).toBe((await builtFileHashes(next))["edited.html"]);
    expect(files["edited.html"]).toMatch(/^21:[0-9a-f]{16}$/);
    expect(files["copied.html"]).toBe(stamped["copied.html"]);
    expect(files["unlisted.html"]).toBe(stamped["unlisted.html"]);
    expect(await lastStamp(next)).toBeUndefined();
    await writeFile(path.join(next, stampFile), JSON.stringify({ hash: "h", ms: 1 }));
    expect(await lastStamp(next)).toBeUndefined();
  });

  it("reads the last stamp once while it is as it was, and again when it is written anew, with what its files were made from", async () => {
    const last = await tempDir();
    await writeFile(path.join(last, stampFile), JSON.stringify({ hash: "h", ms: 1, files: { "a.png": "1:a" }, madeFrom: { "a.png": "drawing a" } }));
    const first = await lastStamp(last);
    expect(first).toMatchObject({ site: last, files: { "a.png": "1:a" }, madeFrom: { "a.png": "drawing a" } });
    expect(await lastStamp(last)).toBe(first);
    await writeFile(path.join(last, stampFile), JSON.stringify({ hash: "h", ms: 1, files: { "b.png": "1:b" } }));
    const later = Date.now() / 1000 + 120;
    await utimes(path.join(last, stampFile), later, later);
    expect(await lastStamp(last)).toMatchObject({ files: { "b.png": "1:b" }, madeFrom: {}, writtenAt: later * 1000 });
    // A stamp that cannot be read (a crash while it was written) is no stamp.
    await writeFile(path.join(last, stampFile), '{"hash": "h", "fil');
    expect(await lastStamp(last)).toBeUndefined();
  });

  it("lists every built file, however many", async () => {
    const dir = await tempDir();
    for (let i = 0; i < 70; i++) await writeFile(path.join(dir, `p${String(i).padStart(2, "0")}.html`), `<p>${i}</p>`);
    const files = await builtFileHashes(dir);
    expect(Object.keys(files)).toHaveLength(70);
    expect(files["p69.html"]).toMatch(/^9:[0-9a-f]{16}$/);
  });
});

describe("the file cache", () => {
  it("makes an empty or damaged entry again, and overwrites it", async () => {
    const { cachedFile, cacheStats } = await import("../src/fileCache.ts");
    await withFileCache(async (dir) => {
      let made = 0;
      const make = async () => {
        made++;
        return Buffer.from("PNG bytes");
      };
      expect((await cachedFile("t", "<svg/>", make)).toString()).toBe("PNG bytes");
      const [entry] = await readdir(path.join(dir, "t"));
      const file = path.join(dir, "t", entry!);
      const good = await readFile(file);

      const remadeBefore = cacheStats.remade;
      for (const damaged of [Buffer.alloc(0), Buffer.concat([good.subarray(0, -1), Buffer.from("X")]), good.subarray(0, 40), Buffer.from("PNG bytes")]) {
        await writeFile(file, damaged);
        expect((await cachedFile("t", "<svg/>", make)).toString()).toBe("PNG bytes");
        expect(await readFile(file)).toEqual(good);
      }
      expect(made).toBe(5);
      expect(cacheStats.remade - remadeBefore).toBe(4);
      expect((await cachedFile("t", "<svg/>", make)).toString()).toBe("PNG bytes");
      expect(made).toBe(5);
    });
  });

  it("counts the hits of each kind apart, so two stages using it at once each count their own", async () => {
    const { cachedFile, cacheStats } = await import("../src/fileCache.ts");
    await withFileCache(async () => {
      const make = async () => Buffer.from("bytes");
      await cachedFile("kind-a", "1", make);
      await cachedFile("kind-b", "1", make);
      const a = cacheStats.hitsByKind.get("kind-a") ?? 0;
      const b = cacheStats.hitsByKind.get("kind-b") ?? 0;
      await cachedFile("kind-a", "1", make);
      await cachedFile("kind-a", "1", make);
      await cachedFile("kind-b", "1", make);
      await cachedFile("kind-a", "2", make); // a miss
      expect(cacheStats.hitsByKind.get("kind-a")).toBe(a + 2);
      expect(cacheStats.hitsByKind.get("kind-b")).toBe(b + 1);
    });
  });
});

describe("scripts/build.ts", () => {
  const run = (args: string[]) => spawnSync(process.execPath, ["scripts/build.ts", ...args], { cwd: projectRoot, encoding: "utf8" });

  it("prints an error that is not about the data on one line, with its file, and says the last site was kept", async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, "file"), "not a folder");
    const result = run(["--out", path.join(dir, "file", "dist")]);
    expect(result.status).toBe(1);
    const lines = result.stderr.split("\n");
    // The output folder's parent is a file: making that folder fails, and the message names the file.
    expect(lines[0]).toBe(`[lock] failed: EEXIST: file already exists, mkdir '${path.join(dir, "file")}' (file: ${path.join(dir, "file")})`);
    expect(lines[1]).toMatch(/^\s+at /);
    expect(result.stderr.trimEnd().split("\n").at(-1)).toBe("Build failed. The last built site was left as it was.");
  });

  it("refuses a second build into the same folder", async () => {
    const outDir = path.join(await tempDir(), "dist");
    await writeFile(`${outDir}.lock`, `${process.pid}\n`);
    const result = run(["--out", outDir]);
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      `Another build is writing ${outDir}/ (process ${process.pid} holds ${outDir}.lock); this build was not started. Wait for it to end, or remove ${outDir}.lock if no build is running.`,
    );
  });
});

describe("a build stopped by a signal", () => {
  it.each([
    ["SIGTERM", 143],
    ["SIGINT", 130],
  ] as const)("on %s ends its child process, removes the temporary folder, keeps the last site and exits with %i", async (signal, code) => {
    const { root, outDir } = await project();
    const before = await snapshot(outDir);
    // The build in a process of its own, with an Astro stand-in that starts a child which writes into the temporary folder and waits.
    const script = path.join(root, "stopped-build.mjs");
    await writeFile(
      script,
      `import { buildSite, runChildProcess } from ${JSON.stringify(path.join(projectRoot, "src/pipeline/build.ts"))};
const child = "const fs = require('node:fs'); fs.mkdirSync(process.argv[1], { recursive: true }); fs.writeFileSync(process.argv[1] + '/started', String(process.pid)); setInterval(() => {}, 1000);";
await buildSite({ root: ${JSON.stringify(root)}, dataDir: ${JSON.stringify(lessData)}, outDir: ${JSON.stringify(outDir)}, log: () => {},
  stages: { astroBuild: (root, siteDir) => runChildProcess(["-e", child, siteDir], root, "astro build") } });
`,
    );
    const build = spawn(process.execPath, [script], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    build.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => build.on("exit", (c) => resolve(c)));
    const started = path.join(`${outDir}.tmp-${build.pid}`, "started");
    let childPid = 0;
    for (let i = 0; i < 300 && !childPid; i++) {
      childPid = Number(await readFile(started, "utf8").catch(() => "0"));
      if (!childPid) await new Promise((r) => setTimeout(r, 50));
    }
    expect(childPid, stderr).toBeGreaterThan(0);
    build.kill(signal);
    expect(await exited).toBe(code);
    expect(stderr).toContain(`Build stopped by ${signal}. The last built site was left as it was.`);
    const alive = (() => {
      try {
        process.kill(childPid, 0);
        return true;
      } catch {
        return false;
      }
    })();
    expect(alive).toBe(false);
    expect(await snapshot(outDir)).toEqual(before);
    expect(await besideDist(root)).toEqual(["dist"]);
  });
});
