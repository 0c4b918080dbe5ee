import fs from "node:fs";
import { appendFile, mkdir, mkdtemp, readFile, rm, stat, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { linkPagesFromCache } from "../src/pipeline/astro/linkFromCache.ts";

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
});
