import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeSiteFiles } from "../src/pipeline/site/writeSiteFiles.ts";

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

/** A built site with one citable page per path, as the Astro build writes them. */
async function siteWith(pathnames: string[]): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "hoa-site-"));
  dirs.push(dir);
  for (const pathname of pathnames) {
    const file = path.join(dir, pathname, "index.html");
    await mkdir(path.dirname(file), { recursive: true });
    const url = `https://helseogarbeid.example.no${pathname}`;
    await writeFile(
      file,
      `<!doctype html><html lang="nb"><head><meta name="citation_title" content="Side ${pathname}"><meta name="citation_public_url" content="${url}"></head>` +
        `<body><main><details class="cite"><summary>Siter</summary></details></main></body></html>`,
    );
  }
  return dir;
}

describe("citation files and preview images", () => {
  it("are written once per page, named by the page's flattened path", async () => {
    const dir = await siteWith(["/tilbud/a/", "/tilbud/region/helse-vest/"]);
    const report = await writeSiteFiles(dir);
    expect(report.citations).toBe(2);
    expect(await readFile(path.join(dir, "sitering/tilbud-region-helse-vest.bib"), "utf8")).toContain("/tilbud/region/helse-vest/");
    expect(await readFile(path.join(dir, "sitering/tilbud-a.ris"), "utf8")).toContain("UR  - https://helseogarbeid.example.no/tilbud/a/");
  });

  it("refuse two pages whose paths flatten to the same name, naming both", async () => {
    const dir = await siteWith(["/tilbud/region-helse-vest/", "/tilbud/region/helse-vest/"]);
    await expect(writeSiteFiles(dir)).rejects.toThrow(
      "/tilbud/region/helse-vest/ and /tilbud/region-helse-vest/ would share the citation files /sitering/tilbud-region-helse-vest.bib/.ris",
    );
  });
});

describe("addresses and files of the built site", async () => {
  const { builtHtmlFiles } = await import("../src/pipeline/site/builtPages.ts");

  it("list every HTML page of a site, sorted, with / between folders, and nothing else", async () => {
    const dir = await siteWith(["/tilbud/b/", "/", "/a/"]);
    await writeFile(path.join(dir, "tilbud", "data.csv"), "x");
    await mkdir(path.join(dir, "folder.html"));
    expect(await builtHtmlFiles(dir)).toEqual(["a/index.html", "index.html", "tilbud/b/index.html"]);
  });
});

describe("the title on a preview image", async () => {
  const { wrapTitle } = await import("../src/pipeline/site/previewImage.ts");

  it("breaks into lines of at most 30 characters, at spaces", () => {
    expect(wrapTitle("Arbeidsrettet rehabilitering ved Helse Nord og i Helse Vest")).toEqual([
      "Arbeidsrettet rehabilitering",
      "ved Helse Nord og i Helse Vest",
    ]);
    expect(wrapTitle("Kort")).toEqual(["Kort"]);
    expect(wrapTitle("en to tre", 7)).toEqual(["en to", "tre"]);
  });

  it("stops after four lines, ending the last with an ellipsis", () => {
    expect(wrapTitle("aaa bbb ccc ddd eee fff", 3)).toEqual(["aaa", "bbb", "ccc", "dd…"]);
    expect(wrapTitle("aaa bbb ccc ddd", 3)).toEqual(["aaa", "bbb", "ccc", "ddd"]);
    expect(wrapTitle("aaa bbb ccc", 3, 2)).toEqual(["aaa", "bb…"]);
  });
});
