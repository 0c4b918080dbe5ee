import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm, stat, utimes, writeFile, link } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inPreviousSite, lastSite, unchangedLinker, writeOrLink } from "../src/pipeline/site/linkUnchanged.ts";
import type { LastStamp } from "../src/pipeline/buildCache.ts";

/** A last site (dist/) and a site being built beside it (dist.tmp-1/), each with a sitering/ folder, in a new temporary folder. */
async function sitePair(prefix: string) {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  const pair = { dir, previous: path.join(dir, "dist"), site: path.join(dir, "dist.tmp-1") };
  for (const folder of [pair.previous, pair.site]) await mkdir(path.join(folder, "sitering"), { recursive: true });
  return pair;
}

describe("a file the last built site has byte for byte", () => {
  let dir: string;
  let previous: string;
  let site: string;
  beforeAll(async () => ({ dir, previous, site } = await sitePair("hoa-unchanged-")));
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

describe("a file the last site's stamp lists", () => {
  let dir: string;
  let previous: string;
  let site: string;
  const written = Date.now();
  beforeAll(async () => ({ dir, previous, site } = await sitePair("hoa-stamped-")));
  afterAll(() => rm(dir, { recursive: true, force: true }));
  const inode = async (file: string) => (await stat(file)).ino;
  const sha16 = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 16);
  /** A file of the last site, modified `age` ms before its stamp was written (negative: after). */
  async function lastFile(name: string, text: string, age = 60_000) {
    await writeFile(path.join(previous, name), text);
    const at = new Date(written - age);
    await utimes(path.join(previous, name), at, at);
  }
  const stampOf = (files: Record<string, string>, madeFrom: Record<string, string> = {}): LastStamp => ({ site: previous, files, madeFrom, writtenAt: written });

  it("is linked when the stamp's hash is that of the bytes to write, without reading the file", async () => {
    // The file holds other bytes than the stamp says: only a build that trusts the stamp, as it may for an unmodified file, links it.
    await lastFile("sitering/a.bib", "@misc{other}");
    const target = unchangedLinker(site, previous, stampOf({ "sitering/a.bib": `8:${sha16("@misc{a}")}` }));
    target.write(path.join(site, "sitering", "a.bib"), "@misc{a}");
    expect(await inode(path.join(site, "sitering", "a.bib"))).toBe(await inode(path.join(previous, "sitering", "a.bib")));
    expect(target.linked()).toBe(1);
    // Without the last site's folder, nothing is looked up in its stamp: the file is written.
    const alone = unchangedLinker(site, undefined, stampOf({ "sitering/z.bib": `8:${sha16("@misc{z}")}` }));
    alone.write(path.join(site, "sitering", "z.bib"), "@misc{z}");
    expect(await readFile(path.join(site, "sitering", "z.bib"), "utf8")).toBe("@misc{z}");
    expect(alone.linkMade(path.join(site, "sitering", "y.png"), "input y")).toBe(false);
  });

  it("is written anew when the stamp's hash is another, or the file was modified after the stamp, whatever it holds", async () => {
    await lastFile("b.bib", "@misc{b}");
    await lastFile("c.bib", "@misc{c}", -5000);
    const target = unchangedLinker(site, previous, stampOf({ "b.bib": `8:${sha16("@misc{B}")}`, "c.bib": `8:${sha16("@misc{c}")}` }));
    target.write(path.join(site, "b.bib"), "@misc{b}");
    target.write(path.join(site, "c.bib"), "@misc{c}");
    for (const name of ["b.bib", "c.bib"]) {
      expect(await readFile(path.join(site, name), "utf8")).toBe(`@misc{${name[0]}}`);
      expect(await inode(path.join(site, name)), name).not.toBe(await inode(path.join(previous, name)));
    }
    expect(target.linked()).toBe(0);
  });

  it("that the stamp does not list is compared byte for byte, as without a stamp", async () => {
    await lastFile("d.ris", "TY  - GEN");
    const target = unchangedLinker(site, previous, stampOf({}));
    target.write(path.join(site, "d.ris"), "TY  - GEN");
    expect(await inode(path.join(site, "d.ris"))).toBe(await inode(path.join(previous, "d.ris")));
  });

  it("made from an input is linked by that input alone when it is there unmodified, and every made file is recorded for the next stamp", async () => {
    await lastFile("sitering/k.png", "png k");
    const nested = unchangedLinker(site, previous, stampOf({ "sitering/k.png": "5:x" }, { "sitering/k.png": "input k" }));
    expect(nested.linkMade(path.join(site, "sitering", "k.png"), "input k")).toBe(true);
    expect(nested.madeFrom()).toEqual({ "sitering/k.png": "input k" });
    await lastFile("e.png", "png e");
    await lastFile("f.png", "png f");
    await lastFile("g.png", "png g", -5000);
    await lastFile("h.png", "png h");
    const stamp = stampOf({ "e.png": "5:x", "f.png": "5:x", "g.png": "5:x" }, { "e.png": "input e", "f.png": "input f", "g.png": "input g", "h.png": "input h" });
    const target = unchangedLinker(site, previous, stamp);
    expect(target.linkMade(path.join(site, "e.png"), "input e")).toBe(true);
    expect(await readFile(path.join(site, "e.png"), "utf8")).toBe("png e");
    expect(target.linkMade(path.join(site, "f.png"), "another input")).toBe(false);
    expect(target.linkMade(path.join(site, "g.png"), "input g")).toBe(false); // modified after the stamp
    expect(target.linkMade(path.join(site, "h.png"), "input h")).toBe(false); // not among the stamp's files
    expect(target.linkMade(path.join(site, "i.png"), "input i")).toBe(false); // not in the last site
    for (const name of ["f.png", "g.png", "h.png", "i.png"]) await expect(stat(path.join(site, name)), name).rejects.toThrow();
    expect(target.madeFrom()).toEqual({ "e.png": "input e", "f.png": "another input", "g.png": "input g", "h.png": "input h", "i.png": "input i" });
    expect(target.linked()).toBe(1);
    expect(unchangedLinker(site, previous).linkMade(path.join(site, "j.png"), "input e")).toBe(false);
  });
});
