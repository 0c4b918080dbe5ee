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
