import { mkdir, mkdtemp, readFile, rm, stat, writeFile, link } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inPreviousSite, lastSite, writeOrLink } from "../src/pipeline/site/linkUnchanged.ts";

describe("a file the last built site has byte for byte", () => {
  let dir: string;
  let previous: string;
  let site: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "hoa-unchanged-"));
    previous = path.join(dir, "dist");
    site = path.join(dir, "dist.tmp-1");
    await mkdir(path.join(previous, "sitering"), { recursive: true });
    await mkdir(path.join(site, "sitering"), { recursive: true });
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));
  const inode = async (file: string) => (await stat(file)).ino;

  it("is linked from it, not written", async () => {
    await writeFile(path.join(previous, "sitering", "a.bib"), "@misc{a}");
    const file = path.join(site, "sitering", "a.bib");
    expect(writeOrLink(file, "@misc{a}", inPreviousSite(site, file, previous))).toBe(true);
    expect(await inode(file)).toBe(await inode(path.join(previous, "sitering", "a.bib")));
    expect(writeOrLink(path.join(site, "b.png"), Buffer.from([1, 2, 3]), inPreviousSite(site, path.join(site, "b.png"), previous))).toBe(false);
  });

  it("is written anew when its bytes differ (a changed row, or an edit by hand in the published site), and the last site keeps its own", async () => {
    await writeFile(path.join(previous, "sitering", "c.bib"), "@misc{c, title = {Gammel}}");
    const file = path.join(site, "sitering", "c.bib");
    expect(writeOrLink(file, "@misc{c, title = {Ny}}", inPreviousSite(site, file, previous))).toBe(false);
    expect(await readFile(file, "utf8")).toBe("@misc{c, title = {Ny}}");
    expect(await readFile(path.join(previous, "sitering", "c.bib"), "utf8")).toBe("@misc{c, title = {Gammel}}");
    expect(await inode(file)).not.toBe(await inode(path.join(previous, "sitering", "c.bib")));
  });

  it("never writes into a file already in the new site, which could be a link into the last one", async () => {
    await writeFile(path.join(previous, "d.ris"), "TY  - ELEC");
    const file = path.join(site, "d.ris");
    await link(path.join(previous, "d.ris"), file);
    expect(writeOrLink(file, "TY  - GEN", inPreviousSite(site, file, previous))).toBe(false);
    expect(await readFile(file, "utf8")).toBe("TY  - GEN");
    expect(await readFile(path.join(previous, "d.ris"), "utf8")).toBe("TY  - ELEC");
  });

  it("is written when there is no last site", async () => {
    expect(lastSite(previous)).toBe(previous);
    expect(lastSite(path.join(dir, "finnes-ikke"))).toBeUndefined();
    const file = path.join(site, "e.bib");
    expect(writeOrLink(file, "x", inPreviousSite(site, file, undefined))).toBe(false);
    expect(writeOrLink(path.join(site, "f.bib"), "x", inPreviousSite(site, path.join(site, "f.bib"), path.join(dir, "finnes-ikke")))).toBe(false);
    expect(await readFile(file, "utf8")).toBe("x");
  });
});
