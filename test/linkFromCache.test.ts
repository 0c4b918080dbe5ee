import fs from "node:fs";
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { linkPagesFromCache } from "../src/pipeline/astro/linkFromCache.ts";

describe("Astro's restored pages, linked from its cache", () => {
  let dir: string;
  let cache: string;
  let site: string;
  const original = { copyFile: fs.promises.copyFile, writeFile: fs.promises.writeFile };
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "hoa-link-"));
    cache = path.join(dir, "astro-cache");
    site = path.join(dir, "site");
    await mkdir(path.join(cache, "dist", "tilbud"), { recursive: true });
    await mkdir(path.join(site, "tilbud"), { recursive: true });
  });
  afterEach(() => Object.assign(fs.promises, original));
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("are the cache's files themselves (no copy), and a page the cache gets anew never changes the page already published", async () => {
    const cached = path.join(cache, "dist", "tilbud", "a.html");
    const published = path.join(site, "tilbud", "a.html");
    await writeFile(cached, "<h1>Gammelt navn</h1>");
    linkPagesFromCache(cache);
    // As Astro calls them: file URLs.
    await fs.promises.copyFile(pathToFileURL(cached), pathToFileURL(published));
    expect((await stat(published)).ino).toBe((await stat(cached)).ino);
    expect(await readFile(published, "utf8")).toBe("<h1>Gammelt navn</h1>");

    await fs.promises.writeFile(pathToFileURL(cached), "<h1>Nytt navn</h1>");
    expect(await readFile(cached, "utf8")).toBe("<h1>Nytt navn</h1>");
    expect(await readFile(published, "utf8")).toBe("<h1>Gammelt navn</h1>");
    expect((await stat(published)).ino).not.toBe((await stat(cached)).ino);
    expect(fs.readdirSync(path.dirname(cached))).toEqual(["a.html"]);
  });

  it("copies what it cannot link (the place is taken) and whatever is not from the cache; writes elsewhere stay in place", async () => {
    const cached = path.join(cache, "dist", "b.html");
    const taken = path.join(site, "b.html");
    await writeFile(cached, "fra cachen");
    await writeFile(taken, "gammel");
    linkPagesFromCache(cache);
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
});
