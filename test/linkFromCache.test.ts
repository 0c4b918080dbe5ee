import fs from "node:fs";
import { appendFile, mkdir, mkdtemp, readFile, rm, stat, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { linkCachedPages, linkPagesAhead, linkPagesFromCache } from "../src/pipeline/astro/linkFromCache.ts";

describe("Astro's restored pages, linked from its cache", () => {
  let dir: string;
  let cache: string;
  let site: string;
  let restore = () => {};
  /** Astro's manifest, as its last build ended `secondsAgo`. */
  const lastBuildEnded = async (secondsAgo: number) => {
    const manifest = path.join(cache, "incremental-build.json");
    await writeFile(manifest, "{}");
    const at = new Date(Date.now() - secondsAgo * 1000);
    await utimes(manifest, at, at);
  };
  /** A page in Astro's cache, written `secondsAgo`. */
  const cachedPage = async (rel: string, text: string, secondsAgo = 60) => {
    const file = path.join(cache, "dist", rel);
    await writeFile(file, text);
    const at = new Date(Date.now() - secondsAgo * 1000);
    await utimes(file, at, at);
    return file;
  };
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "hoa-link-"));
    cache = path.join(dir, "astro-cache");
    site = path.join(dir, "site");
    await mkdir(path.join(cache, "dist", "tilbud"), { recursive: true });
    await mkdir(path.join(site, "tilbud"), { recursive: true });
  });
  afterEach(() => restore());
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("are the cache's files themselves (no copy), and a page the cache gets anew never changes the page already published", async () => {
    await lastBuildEnded(30);
    const cached = await cachedPage("tilbud/a.html", "<h1>Gammelt navn</h1>");
    const published = path.join(site, "tilbud", "a.html");
    restore = linkPagesFromCache(cache);
    expect(fs.existsSync(pathToFileURL(cached))).toBe(true);
    // As Astro calls them: file URLs.
    await fs.promises.copyFile(pathToFileURL(cached), pathToFileURL(published));
    expect((await stat(published)).ino).toBe((await stat(cached)).ino);
    expect(await readFile(published, "utf8")).toBe("<h1>Gammelt navn</h1>");

    await fs.promises.writeFile(pathToFileURL(cached), "<h1>Nytt navn</h1>");
    expect(await readFile(cached, "utf8")).toBe("<h1>Nytt navn</h1>");
    expect(await readFile(published, "utf8")).toBe("<h1>Gammelt navn</h1>");
    expect((await stat(published)).ino).not.toBe((await stat(cached)).ino);
    expect(fs.readdirSync(path.dirname(cached))).toEqual(["a.html"]);
    // A page new to the cache (every page of a first build) is simply created.
    await fs.promises.writeFile(pathToFileURL(path.join(cache, "dist", "tilbud", "ny.html")), "<h1>Ny</h1>");
    expect(await readFile(path.join(cache, "dist", "tilbud", "ny.html"), "utf8")).toBe("<h1>Ny</h1>");
  });

  it("keeps a page Astro rendered as a link to the page it wrote into the site, when the bytes are the same", async () => {
    await lastBuildEnded(30);
    // Rendered again: the cache has the page of an earlier build, which the last site may still be a link to.
    const earlier = await cachedPage("tilbud/f.html", "<h1>Før</h1>");
    const lastSite = path.join(dir, "last-f.html");
    await fs.promises.link(earlier, lastSite);
    restore = linkPagesFromCache(cache, site);
    const published = path.join(site, "tilbud", "f.html");
    // As Astro writes a page it rendered: into the site first, then into its cache (file URLs).
    await fs.promises.writeFile(pathToFileURL(published), "<h1>Etter</h1>");
    await fs.promises.writeFile(pathToFileURL(earlier), "<h1>Etter</h1>");
    expect((await stat(earlier)).ino).toBe((await stat(published)).ino);
    expect(await readFile(lastSite, "utf8")).toBe("<h1>Før</h1>");

    // Bytes other than the site's page (or no such page): the cache gets a file of its own.
    await writeFile(path.join(site, "g.html"), "<p>i siden</p>");
    await fs.promises.writeFile(path.join(cache, "dist", "g.html"), "<p>i cachen</p>");
    expect((await stat(path.join(cache, "dist", "g.html"))).ino).not.toBe((await stat(path.join(site, "g.html"))).ino);
    expect(await readFile(path.join(cache, "dist", "g.html"), "utf8")).toBe("<p>i cachen</p>");
    expect(await readFile(path.join(site, "g.html"), "utf8")).toBe("<p>i siden</p>");
    await fs.promises.writeFile(path.join(cache, "dist", "h.html"), new Uint8Array([1, 2]));
    expect([...(await readFile(path.join(cache, "dist", "h.html")))]).toEqual([1, 2]);
  });

  it("copies what it cannot link (the place is taken) and whatever is not from the cache; writes elsewhere stay in place", async () => {
    await lastBuildEnded(30);
    const cached = await cachedPage("b.html", "fra cachen");
    const taken = path.join(site, "b.html");
    await writeFile(taken, "gammel");
    restore = linkPagesFromCache(cache);
    await fs.promises.copyFile(cached, taken);
    expect(await readFile(taken, "utf8")).toBe("fra cachen");
    expect((await stat(taken)).ino).not.toBe((await stat(cached)).ino);

    const elsewhere = path.join(dir, "annet.html");
    await writeFile(elsewhere, "annet");
    await fs.promises.copyFile(elsewhere, path.join(site, "annet.html"));
    expect((await stat(path.join(site, "annet.html"))).ino).not.toBe((await stat(elsewhere)).ino);

    const inSite = path.join(site, "c.html");
    await writeFile(inSite, "en");
    const before = (await stat(inSite)).ino;
    await fs.promises.writeFile(inSite, "to");
    expect((await stat(inSite)).ino).toBe(before);
    expect(await readFile(inSite, "utf8")).toBe("to");
  });

  it("renders again a page whose file was edited in place after Astro's last build (by hand, in the published site)", async () => {
    await lastBuildEnded(30);
    const edited = await cachedPage("d.html", "<p>side</p>");
    const published = path.join(site, "d.html");
    restore = linkPagesFromCache(cache);
    await fs.promises.copyFile(edited, published);
    await appendFile(published, "<!-- redigert -->");
    expect(await readFile(edited, "utf8")).toBe("<p>side</p><!-- redigert -->");
    expect(fs.existsSync(edited)).toBe(false);
    expect(fs.existsSync(await cachedPage("e.html", "<p>urørt</p>"))).toBe(true);
    expect(fs.existsSync(path.join(cache, "dist", "mangler.html"))).toBe(false);
    expect(fs.existsSync(published)).toBe(true);
    const patched = { copyFile: fs.promises.copyFile, writeFile: fs.promises.writeFile };
    restore();
    expect(fs.existsSync(edited)).toBe(true);
    expect(fs.promises.copyFile).not.toBe(patched.copyFile);
    expect(fs.promises.writeFile).not.toBe(patched.writeFile);
  });

  it("restores nothing before Astro's first build (no manifest)", async () => {
    const empty = path.join(dir, "empty-cache");
    await mkdir(path.join(empty, "dist"), { recursive: true });
    await writeFile(path.join(empty, "dist", "x.html"), "x");
    restore = linkPagesFromCache(empty);
    expect(fs.existsSync(path.join(empty, "dist", "x.html"))).toBe(false);
  });

  describe("linked ahead, while Astro loads", () => {
    /** Astro's manifest naming these output files (URL-encoded, as Astro writes them), as its last build ended `secondsAgo`. */
    const manifest = async (cacheDir: string, outputFiles: string[], secondsAgo = 30) => {
      const paths = Object.fromEntries(outputFiles.map((file) => [`/${file}`, { cacheKey: "k", outputFile: file }]));
      const file = path.join(cacheDir, "incremental-build.json");
      await writeFile(file, JSON.stringify({ version: 1, routes: { "src/pages/x.astro": { dependencyHash: "h", paths } } }));
      const at = new Date(Date.now() - secondsAgo * 1000);
      await utimes(file, at, at);
    };
    const inCache = async (cacheDir: string, rel: string, text: string, secondsAgo = 60) => {
      const file = path.join(cacheDir, "dist", rel);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, text);
      const at = new Date(Date.now() - secondsAgo * 1000);
      await utimes(file, at, at);
      return file;
    };
    let cacheDir: string;
    let out: string;
    beforeAll(async () => {
      cacheDir = path.join(dir, "ahead-cache");
      out = path.join(dir, "ahead-site");
      await inCache(cacheDir, "tilbud/a/index.html", "<h1>A</h1>");
      await inCache(cacheDir, "tilbud/sør/index.html", "<h1>Sør</h1>");
      await inCache(cacheDir, "data/offers.csv", "id\na\n");
      await inCache(cacheDir, "endret/index.html", "<p>redigert etter bygget</p>", 5);
      await inCache(cacheDir, "gammel/side/index.html", "<p>gammel</p>");
      await manifest(cacheDir, ["tilbud/a/index.html", "tilbud/s%C3%B8r/index.html", "data/offers.csv", "endret/index.html", "mangler/index.html", "gammel/side/index.html"]);
    });

    it("are the cache's own files, in their folders, except one modified since Astro's last build and one the cache lacks", async () => {
      const ahead = linkPagesAhead(cacheDir, out);
      const at = (rel: string) => path.join(out, rel);
      expect(await Promise.all(["tilbud/a/index.html", "tilbud/sør/index.html", "data/offers.csv", "endret/index.html", "mangler/index.html"].map((f) => ahead.linked(at(f))))).toEqual([true, true, true, false, false]);
      for (const rel of ["tilbud/a/index.html", "tilbud/sør/index.html", "data/offers.csv"]) {
        expect((await stat(at(rel))).ino, rel).toBe((await stat(path.join(cacheDir, "dist", rel))).ino);
      }
      expect(fs.existsSync(at("endret/index.html"))).toBe(false);
      expect(fs.existsSync(at("mangler"))).toBe(false);
      expect(await ahead.linked(at("ukjent/index.html"))).toBe(false);
      await rm(out, { recursive: true, force: true });
    });

    it("are made by linkCachedPages, which returns the files it linked; a file already in the site is left to Astro", async () => {
      const site = path.join(dir, "ahead-direct");
      await mkdir(path.join(site, "data"), { recursive: true });
      await writeFile(path.join(site, "data", "offers.csv"), "annet");
      expect(linkCachedPages(cacheDir, site)).toEqual(["tilbud/a/index.html", "tilbud/sør/index.html", "gammel/side/index.html"].map((rel) => path.join(site, rel)));
      expect((await stat(path.join(site, "tilbud", "sør", "index.html"))).ino).toBe((await stat(path.join(cacheDir, "dist", "tilbud", "sør", "index.html"))).ino);
      expect(await readFile(path.join(site, "data", "offers.csv"), "utf8")).toBe("annet");
      expect(fs.readdirSync(site).sort()).toEqual(["data", "gammel", "tilbud"]);
      expect(linkCachedPages(path.join(dir, "no-cache"), site)).toEqual([]);
    });

    it("are taken by Astro's restore as they are, replaced by a page it renders anew, and removed when its new manifest lacks them", async () => {
      const ahead = linkPagesAhead(cacheDir, out);
      restore = linkPagesFromCache(cacheDir, out, ahead);
      const page = (rel: string) => pathToFileURL(path.join(out, rel));
      // Restored: Astro's copy finds the link in place (copying onto it would write into the cache's file).
      await fs.promises.copyFile(pathToFileURL(path.join(cacheDir, "dist", "tilbud", "a", "index.html")), page("tilbud/a/index.html"));
      expect((await stat(page("tilbud/a/index.html"))).ino).toBe((await stat(path.join(cacheDir, "dist", "tilbud", "a", "index.html"))).ino);
      // Rendered anew: a file of its own; the cache's file (the last site's page) keeps its bytes.
      await fs.promises.writeFile(page("data/offers.csv"), "id\nb\n");
      expect(await readFile(page("data/offers.csv"), "utf8")).toBe("id\nb\n");
      expect(await readFile(path.join(cacheDir, "dist", "data", "offers.csv"), "utf8")).toBe("id\na\n");
      // A page Astro renders that was not linked ahead is simply written.
      await fs.promises.writeFile(page("ny.html"), "<h1>Ny</h1>");
      expect(await readFile(page("ny.html"), "utf8")).toBe("<h1>Ny</h1>");

      // The new build has no /tilbud/sør/ (its offer left the data) and did not record the page it rendered into data/.
      await manifest(cacheDir, ["tilbud/a/index.html"], 0);
      expect(await ahead.removeUnused()).toBe(2);
      expect(fs.existsSync(path.join(out, "tilbud", "sør"))).toBe(false);
      // Every folder it leaves empty goes, up to the site.
      expect(fs.existsSync(path.join(out, "gammel"))).toBe(false);
      expect(fs.existsSync(out)).toBe(true);
      expect(fs.readdirSync(path.join(out, "tilbud"))).toEqual(["a"]);
      expect(await readFile(page("tilbud/a/index.html"), "utf8")).toBe("<h1>A</h1>");
      expect(await readFile(page("data/offers.csv"), "utf8")).toBe("id\nb\n");
      expect(fs.existsSync(path.join(cacheDir, "dist", "tilbud", "sør", "index.html"))).toBe(true);
    });

    it("fail what waits on them, and so Astro's build, when the manifest cannot be read", async () => {
      const broken = path.join(dir, "broken-cache");
      await mkdir(broken, { recursive: true });
      await writeFile(path.join(broken, "incremental-build.json"), "{ ikke json");
      const ahead = linkPagesAhead(broken, path.join(dir, "broken-site"));
      await expect(ahead.linked(path.join(dir, "broken-site", "a.html"))).rejects.toThrow(/JSON/);
      await expect(ahead.removeUnused()).rejects.toThrow(/JSON/);
    });

    it("link nothing before Astro's first build (no manifest)", async () => {
      const ahead = linkPagesAhead(path.join(dir, "no-cache"), path.join(dir, "no-site"));
      expect(await ahead.linked(path.join(dir, "no-site", "a.html"))).toBe(false);
      expect(await ahead.removeUnused()).toBe(0);
      expect(fs.existsSync(path.join(dir, "no-site"))).toBe(false);
    });
  });
});
