// The built site in dist/ as it is published (npm run build first, as the README says): the precompressed files, the
// host files, no inline script for the Content-Security-Policy to refuse, and the number of files a static host takes.
import { access, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { headersFile, redirectsFile } from "../src/deploy/serverConfig.ts";
import { isCompressible, isPrecompressed, smallestCompressed } from "../src/pipeline/site/compress.ts";
import { stampFile } from "../src/pipeline/buildCache.ts";
import { projectRoot } from "./helpers.ts";

const distDir = path.join(projectRoot, "dist");
/** Cloudflare Pages' limit of files per site (Netlify's is higher); the .gz and .br files are not uploaded there. */
const hostFileLimit = 20_000;

let files: string[] = [];
beforeAll(async () => {
  await access(path.join(distDir, stampFile)).catch(() => {
    throw new Error("dist/ has not been built: run npm run build before npm test");
  });
  files = (await readdir(distDir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => path.relative(distDir, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .sort();
});

describe("the built site (dist/)", () => {
  it("has a .gz and a .br beside every text file of 1 KB or more, each unpacking to the file, and no other", async () => {
    const present = new Set(files);
    let checked = 0;
    // (Not the build stamp, written after the compress stage, for the next build rather than for readers.)
    for (const rel of files.filter((f) => isCompressible(f) && f !== stampFile)) {
      const content = await readFile(path.join(distDir, rel));
      const expected = content.length >= smallestCompressed;
      for (const [ext, unpack] of [
        [".gz", gunzipSync],
        [".br", brotliDecompressSync],
      ] as const) {
        expect(present.has(rel + ext), rel + ext).toBe(expected);
        if (expected) expect(unpack(await readFile(path.join(distDir, rel + ext))).equals(content), rel + ext).toBe(true);
      }
      if (expected) checked++;
    }
    expect(checked).toBeGreaterThan(1000);
    expect(files.filter((f) => /\.(gz|br)$/.test(f) && !isPrecompressed(f))).toEqual([]);
    expect(files.filter((f) => isPrecompressed(f) && !present.has(f.slice(0, -3)))).toEqual([]);
  });

  it("has the _headers and _redirects that src/deploy/serverConfig.ts makes", async () => {
    expect(await readFile(path.join(distDir, "_headers"), "utf8")).toBe(headersFile());
    expect(await readFile(path.join(distDir, "_redirects"), "utf8")).toBe(redirectsFile());
  });

  it("runs no inline script, which the Content-Security-Policy would refuse: a <script> has a src or is JSON-LD", async () => {
    const pages = files.filter((f) => f.endsWith(".html"));
    expect(pages.length).toBeGreaterThan(300);
    const inline: string[] = [];
    for (const rel of pages) {
      const html = await readFile(path.join(distDir, rel), "utf8");
      for (const [, attributes] of html.matchAll(/<script\b([^>]*)>/gi)) {
        if (!/\ssrc=/i.test(attributes!) && !/type="application\/ld\+json"/i.test(attributes!)) inline.push(`${rel}: <script${attributes}>`);
      }
      // Event handler attributes and javascript: links would be refused too.
      for (const [attribute] of html.matchAll(/\son[a-z]+="|(?:href|src)="javascript:/gi)) inline.push(`${rel}: ${attribute}`);
    }
    expect(inline.slice(0, 10)).toEqual([]);
  });

  it(`stays under ${hostFileLimit.toLocaleString("en")} files for a static host (without the .gz and .br files), and says how many`, () => {
    const uploaded = files.filter((f) => !isPrecompressed(f) && f !== stampFile);
    const fragments = files.filter((f) => /^pagefind\/(deler\/[^/]+\/)?fragment\//.test(f)).length;
    const pages = files.filter((f) => f.endsWith(".html")).length;
    console.log(
      `dist/: ${files.length} files, ${uploaded.length} without the .gz and .br files; ${pages} pages, ${fragments} Pagefind fragments, ` +
        `${files.filter((f) => f.startsWith("pagefind/")).length} files under pagefind/`,
    );
    expect(uploaded.length).toBeLessThan(hostFileLimit);
  });
});
