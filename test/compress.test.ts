// The compress stage (src/pipeline/site/compress.ts) on a small site of its own; the whole built site is checked in
// test/build.test.ts, and nginx sending the .gz files in test/e2e/nginx.e2e.ts.
import { link, mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { compressionSettings, compressSite, isCompressible, isPrecompressed } from "../src/pipeline/site/compress.ts";
import { isArchived } from "../src/pipeline/archive/releaseArchive.ts";
import { changedBuiltFiles, builtFileHashes, stampFile } from "../src/pipeline/buildCache.ts";
import { withFileCache } from "./helpers.ts";

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

const page = `<!DOCTYPE html><html lang="nb"><title>Side</title><p>${"Helse og arbeid. ".repeat(200)}</p></html>`;

async function smallSite(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "hoa-compress-"));
  dirs.push(dir);
  const files: Record<string, string | Buffer> = {
    "index.html": page,
    "om/index.html": page.replace("Side", "Om"),
    "_astro/Base.abc.css": "body { margin: 0; } ".repeat(100),
    "_astro/x.abc.js": "export const x = 1;\n".repeat(100),
    "data/x.csv": "a,b\n1,2\n".repeat(500),
    "sitering/om.bib": "@misc{om, title = {Om}}\n".repeat(60),
    "sitering/om.ris": "TY  - ELEC\r\nTI  - Om\r\nER  - \r\n", // under 1 KB: sent as it is
    "figurer/a.svg": `<svg xmlns="http://www.w3.org/2000/svg">${'<rect width="1" height="1"/>'.repeat(100)}</svg>`,
    "robots.txt": "x",
    "delingsbilder/a.png": Buffer.from("89504e470d0a1a0a".repeat(100), "hex"),
    "pagefind/fragment/nb_1.pf_fragment": gzipSync("fragment ".repeat(100)),
    "pagefind/wasm.nb.pagefind": gzipSync("wasm ".repeat(100)),
    _headers: "/*\n  X-Content-Type-Options: nosniff\n".repeat(20),
  };
  for (const [rel, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), content);
  }
  return dir;
}

const filesOf = async (dir: string) =>
  (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();

describe("the compress stage", () => {
  it("writes a .gz and a .br beside each text file of 1 KB or more, which unpack to the file's bytes", async () => {
    const dir = await smallSite();
    const before = await filesOf(dir);
    const report = await compressSite(dir);
    const added = (await filesOf(dir)).filter((f) => !before.includes(f));
    const texts = ["index.html", "om/index.html", "_astro/Base.abc.css", "_astro/x.abc.js", "data/x.csv", "sitering/om.bib", "figurer/a.svg"];
    expect(added.sort()).toEqual(texts.flatMap((f) => [`${f}.gz`, `${f}.br`]).sort());
    expect(report).toMatchObject({ files: texts.length, small: 2, gzFiles: texts.length, brFiles: texts.length });
    expect(report.gzBytes).toBeLessThan(report.bytes / 5);
    for (const f of texts) {
      const original = await readFile(path.join(dir, f));
      expect(gunzipSync(await readFile(path.join(dir, `${f}.gz`))).equals(original), f).toBe(true);
      expect(brotliDecompressSync(await readFile(path.join(dir, `${f}.br`))).equals(original), f).toBe(true);
    }
  });

  it("streams a file larger than 16 MB (a data file at 100×) into its .gz and .br, cached like the others", async () => {
    const rows = Array.from({ length: 600_000 }, (_, i) => `rad-${i},${(i * 7919) % 10007},Helse og arbeid`).join("\n");
    expect(rows.length).toBeGreaterThan(16 * 1024 * 1024);
    const siteWith = async (content: string) => {
      const dir = await mkdtemp(path.join(os.tmpdir(), "hoa-compress-"));
      dirs.push(dir);
      await writeFile(path.join(dir, "statistics.csv"), content);
      return dir;
    };
    const unpacked = async (dir: string) => [
      gunzipSync(await readFile(path.join(dir, "statistics.csv.gz"))).toString(),
      brotliDecompressSync(await readFile(path.join(dir, "statistics.csv.br"))).toString(),
    ];
    await withFileCache(async () => {
      const first = await siteWith(rows);
      expect(await compressSite(first)).toMatchObject({ files: 1, gzFiles: 1, brFiles: 1, fromCache: 0 });
      expect(await unpacked(first)).toEqual([rows, rows]);
      const same = await siteWith(rows);
      expect(await compressSite(same)).toMatchObject({ files: 1, gzFiles: 1, brFiles: 1, fromCache: 2 });
      expect(await unpacked(same)).toEqual([rows, rows]);
      const changedRows = rows.replace("rad-0,", "rad-X,");
      const changed = await siteWith(changedRows);
      expect(await compressSite(changed)).toMatchObject({ files: 1, fromCache: 0 });
      expect(await unpacked(changed)).toEqual([changedRows, changedRows]);
    });
  });

  it("links the copies the last built site has byte for byte, and writes those it has not", async () => {
    await withFileCache(async () => {
      const last = await smallSite();
      expect((await compressSite(last)).linked).toBe(0);
      const next = await smallSite();
      const report = await compressSite(next, last);
      expect(report.linked).toBe(report.gzFiles + report.brFiles);
      expect(report.linked).toBeGreaterThan(0);
      expect((await stat(path.join(next, "index.html.gz"))).ino).toBe((await stat(path.join(last, "index.html.gz"))).ino);
      // A copy edited in the last site is not taken over.
      await rm(path.join(last, "index.html.gz"));
      await writeFile(path.join(last, "index.html.gz"), "not gzip");
      const third = await smallSite();
      expect((await compressSite(third, last)).linked).toBe(report.linked - 1);
      expect(gunzipSync(await readFile(path.join(third, "index.html.gz"))).toString()).toBe(page);
    });
  });

  it("links the copies of a file that is the last site's own (same inode, unmodified since its stamp) without comparing them", async () => {
    await withFileCache(async () => {
      const last = await smallSite();
      await compressSite(last);
      // A copy the last site made another way (gzip level 1): taken over only when the stamp is trusted, as no byte compare would.
      const otherCopy = gzipSync(page, { level: 1 });
      await rm(path.join(last, "index.html.gz"));
      await writeFile(path.join(last, "index.html.gz"), otherCopy);
      // A copy the stamp does not list (made after it, say), though there: with another copy planted in its place.
      const otherBr = brotliCompressSync(await readFile(path.join(last, "_astro", "Base.abc.css")));
      await rm(path.join(last, "_astro", "Base.abc.css.br"));
      await writeFile(path.join(last, "_astro", "Base.abc.css.br"), otherBr);
      const stampWith = async (compression: string) => {
        const { "_astro/Base.abc.css.br": _unlisted, ...files } = await builtFileHashes(last);
        await writeFile(path.join(last, stampFile), JSON.stringify({ hash: "h", ms: 1, compression, files }));
        const later = Date.now() / 1000 + 60;
        await utimes(path.join(last, stampFile), later, later);
      };
      /** A new site whose pages are the last site's files (hard links), as Astro restores unchanged pages. */
      const nextSite = async () => {
        const next = await smallSite();
        for (const rel of ["index.html", "om/index.html", "data/x.csv", "_astro/Base.abc.css"]) {
          await rm(path.join(next, rel));
          await link(path.join(last, rel), path.join(next, rel));
        }
        return next;
      };
      await stampWith(compressionSettings);
      // The .br of om/index.html, which the stamp lists, is gone since: om's copies are made anew.
      await rm(path.join(last, "om", "index.html.br"));
      // The .gz of data/x.csv, which the stamp lists, was edited in place since (another valid copy, a later time).
      const csv = await readFile(path.join(last, "data", "x.csv"));
      const editedGz = gzipSync(csv, { level: 1 });
      await writeFile(path.join(last, "data", "x.csv.gz"), editedGz);
      const afterStamp = Date.now() / 1000 + 120;
      await utimes(path.join(last, "data", "x.csv.gz"), afterStamp, afterStamp);
      const next = await nextSite();
      const report = await compressSite(next, last);
      expect(await readFile(path.join(next, "index.html.gz"))).toEqual(otherCopy);
      expect((await stat(path.join(next, "index.html.br"))).ino).toBe((await stat(path.join(last, "index.html.br"))).ino);
      const om = await readFile(path.join(next, "om", "index.html"));
      expect(brotliDecompressSync(await readFile(path.join(next, "om", "index.html.br"))).equals(om)).toBe(true);
      expect(await readFile(path.join(next, "data", "x.csv.gz"))).not.toEqual(editedGz);
      expect(gunzipSync(await readFile(path.join(next, "data", "x.csv.gz"))).equals(csv)).toBe(true);
      expect(await readFile(path.join(next, "_astro", "Base.abc.css.br"))).not.toEqual(otherBr);
      // The report counts the linked copies with their sizes, as it does the others.
      const copies = (await filesOf(next)).filter((f) => f.endsWith(".gz"));
      expect(report.gzFiles).toBe(copies.length);
      let gzBytes = 0;
      for (const f of copies) gzBytes += (await stat(path.join(next, f))).size;
      expect(report.gzBytes).toBe(gzBytes);
      // A file that is a copy, not the last site's own: compared, so the other copy is not taken over.
      const copied = await smallSite();
      await compressSite(copied, last);
      expect(gunzipSync(await readFile(path.join(copied, "index.html.gz"))).toString()).toBe(page);
      expect(await readFile(path.join(copied, "index.html.gz"))).not.toEqual(otherCopy);

      // Copies made with other settings are not taken over.
      await stampWith("gzip level 1");
      const otherSettings = await nextSite();
      await compressSite(otherSettings, last);
      expect(await readFile(path.join(otherSettings, "index.html.gz"))).not.toEqual(otherCopy);

      // Nor those of a file edited after the stamp was written.
      await stampWith(compressionSettings);
      const edited = await nextSite();
      await utimes(path.join(edited, "index.html"), afterStamp, afterStamp);
      await compressSite(edited, last);
      expect(await readFile(path.join(edited, "index.html.gz"))).not.toEqual(otherCopy);
      expect(gunzipSync(await readFile(path.join(edited, "index.html.gz"))).toString()).toBe(page);
    });
  });

  it("takes the copies of an unchanged file from the file cache on the next build, and compresses a changed file anew", async () => {
    await withFileCache(async () => {
      const first = await compressSite(await smallSite());
      expect(first.fromCache).toBe(0);
      const dir = await smallSite();
      const changed = page.replace("Side", "Endret side");
      await writeFile(path.join(dir, "index.html"), changed);
      const second = await compressSite(dir);
      // Seven text files of 1 KB or more, two copies each; only index.html's two are made again.
      expect(second).toMatchObject({ files: 7, gzFiles: 7, brFiles: 7, fromCache: 12 });
      expect(gunzipSync(await readFile(path.join(dir, "index.html.gz"))).toString()).toBe(changed);
      expect(brotliDecompressSync(await readFile(path.join(dir, "index.html.br"))).toString()).toBe(changed);
      const om = await readFile(path.join(dir, "om", "index.html"));
      expect(gunzipSync(await readFile(path.join(dir, "om", "index.html.gz"))).equals(om)).toBe(true);
      expect(brotliDecompressSync(await readFile(path.join(dir, "om", "index.html.br"))).equals(om)).toBe(true);
    });
  });

  it("leaves images, Pagefind's compressed files and the host files alone", () => {
    for (const rel of ["a.png", "pagefind/fragment/nb_1.pf_fragment", "pagefind/index/nb_1.pf_index", "pagefind/wasm.nb.pagefind", "_headers", "_redirects", "om/index.html.gz"]) {
      expect(isCompressible(rel), rel).toBe(false);
    }
    for (const rel of ["index.html", "a.css", "a.js", "a.json", "a.svg", "endringer.xml", "a.csv", "robots.txt", "a.bib", "a.ris"]) expect(isCompressible(rel), rel).toBe(true);
    expect(isPrecompressed("om/index.html.gz")).toBe(true);
    expect(isPrecompressed("data/x.csv.br")).toBe(true);
    expect(isPrecompressed("pagefind/x.pf_fragment")).toBe(false);
  });

  it("adds nothing an archive keeps: npm run archive freezes the files, not their compressed copies", () => {
    for (const rel of ["om/index.html", "data/x.csv", "sitering/om.bib", "figurer/a.svg", "_astro/Base.abc.css", "data/x.json"]) {
      expect(isArchived(rel), rel).toBe(true);
      expect(isArchived(`${rel}.gz`), `${rel}.gz`).toBe(false);
      expect(isArchived(`${rel}.br`), `${rel}.br`).toBe(false);
    }
  });

  it("is part of what the build stamp records: a changed or missing .gz is a change to the built site", async () => {
    const dir = await smallSite();
    await compressSite(dir);
    const stamp = { hash: "x", ms: 1, files: await builtFileHashes(dir) };
    expect(Object.keys(stamp.files)).toContain("index.html.gz");
    expect(await changedBuiltFiles(dir, stamp)).toEqual([]);
    await writeFile(path.join(dir, "index.html.gz"), gzipSync("another page"));
    await rm(path.join(dir, "om", "index.html.br"));
    expect(await changedBuiltFiles(dir, stamp)).toEqual(["index.html.gz changed", "om/index.html.br missing"]);
  });
});
