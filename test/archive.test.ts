import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { archivedPageHtml, withArchiveAddress } from "../src/pipeline/archive/publishArchive.ts";
import { isArchived } from "../src/pipeline/archive/releaseArchive.ts";
import { writeRedirectPages } from "../src/pipeline/site/redirectPages.ts";

const page = (body: string) =>
  `<!DOCTYPE html><html lang="nb"><head><meta charset="utf-8"><link rel="canonical" href="https://helseogarbeid.example.no/tilbud/a/"><script type="module" src="/_astro/x.js"></script></head><body><main id="innhold">${body}</main></body></html>`;

describe("an archived page", () => {
  const inArchive = (rel: string) => ["tilbud/a/index.html", "tilbud/index.html", "figurer/f.csv"].includes(rel);
  const inSite = (rel: string) => ["tilbud/index.html", "om/index.html"].includes(rel);
  const archived = (body: string) => archivedPageHtml(page(body), { rel: "tilbud/a/index.html", version: "2026.11.0", date: "2026-11-23", inArchive, inSite });

  it("keeps links inside the archive, leaves links to pages only the current site has, and drops dead ones", () => {
    const html = archived('<a href="/tilbud/">T</a> <a href="/figurer/f.csv">CSV</a> <a href="/om/">Om</a> <a href="/borte/">Borte</a> <a href="#x">x</a>');
    expect(html).toContain('<a href="/arkiv/2026.11.0/tilbud/">T</a>');
    expect(html).toContain('<a href="/arkiv/2026.11.0/figurer/f.csv">CSV</a>');
    expect(html).toContain('<a href="/om/">Om</a>');
    expect(html).toContain('<a aria-disabled="true">Borte</a>');
    expect(html).toContain('<a href="#x">x</a>');
  });

  it("names its archive address instead of the current one, and only its own", () => {
    const text = "https://helseogarbeid.example.no/tilbud/a/ https://helseogarbeid.example.no/tilbud/a/#figur https://helseogarbeid.example.no/tilbud/ab/ https://helseogarbeid.example.no/tilbud/";
    expect(withArchiveAddress(text, "tilbud/a/index.html", "2026.11.0")).toBe(
      "https://helseogarbeid.example.no/arkiv/2026.11.0/tilbud/a/ https://helseogarbeid.example.no/arkiv/2026.11.0/tilbud/a/#figur https://helseogarbeid.example.no/tilbud/ab/ https://helseogarbeid.example.no/tilbud/",
    );
  });

  it("says which release it shows, links to the page as it is now, runs no script and asks search engines to pass", () => {
    const html = archived("<h1>A</h1>");
    expect(html).toMatch(/<main id="innhold"><div class="archive-notice" role="note"[^>]*><p><strong>Arkivert kopi:<\/strong> siden slik den var i datautgave 2026\.11\.0 \(23\. november 2026\)/);
    expect(html).not.toContain("<script");
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).toContain('<link rel="canonical" href="https://helseogarbeid.example.no/arkiv/2026.11.0/tilbud/a/">');
    const gone = archivedPageHtml(page("<h1>A</h1>"), { rel: "tilbud/a/index.html", version: "2026.11.0", date: "2026-11-23", inArchive, inSite: () => false });
    expect(gone).toContain("Siden finnes ikke lenger i gjeldende utgave.");
  });

  it("keeps pages and downloads, not search, preview images or scripts", () => {
    expect(["tilbud/a/index.html", "statistikk/tabeller/t.csv", "figurer/f.svg", "sitering/x.bib", "data/offers.json", "data/hsds/datapackage.json", "_astro/Base.css"].filter(isArchived)).toHaveLength(7);
    expect(["404.html", "sok/index.html", "pagefind/x.js", "delingsbilder/x.png", "figurer/f.png", "_astro/x.js", "arkiv/2026.11.0/index.html", "tilbud/pasientliste/index.html"].filter(isArchived)).toEqual([]);
  });
});

describe("redirect pages", () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));
  async function site(...pages: string[]) {
    const dir = await mkdtemp(path.join(os.tmpdir(), "hoa-redirect-"));
    dirs.push(dir);
    for (const p of pages) {
      await mkdir(path.join(dir, p), { recursive: true });
      await writeFile(path.join(dir, p, "index.html"), "<!doctype html>");
    }
    return dir;
  }
  const moved = (from: string, to: string) => ({ from, to, date: "2026-11-23", why: "test" });

  it("refuses an old address that is still a page, and a new address that is not one", async () => {
    const dir = await site("om", "tilbud");
    await expect(writeRedirectPages(dir, [moved("/om/", "/tilbud/"), moved("/gammel/", "/finnes-ikke/"), moved("gammel", "/om/")])).rejects.toThrow(
      [
        "Redirects that cannot be written:",
        "- src/redirects.ts, redirect 1 (/om/ → /tilbud/): /om/ is still a page; remove the redirect or the page",
        "- src/redirects.ts, redirect 2 (/gammel/ → /finnes-ikke/): /finnes-ikke/ is not a page of the built site; expected the page's new address",
        "- src/redirects.ts, redirect 3 (gammel → /om/): both addresses must be site paths like /tilbud/x/ (lower-case, ending in /)",
      ].join("\n"),
    );
  });
});

describe("the file cache for made images", () => {
  it("makes a file once per input and hands back the same bytes after that, across builds", async () => {
    const { cachedFile, cacheDirVariable } = await import("../src/pipeline/fileCache.ts");
    const dir = await mkdtemp(path.join(os.tmpdir(), "hoa-cache-"));
    const before = process.env[cacheDirVariable];
    process.env[cacheDirVariable] = dir;
    try {
      let made = 0;
      const make = (text: string) => async () => {
        made++;
        return Buffer.from(text);
      };
      expect((await cachedFile("t", "<svg>a</svg>", make("A"))).toString()).toBe("A");
      expect((await cachedFile("t", "<svg>a</svg>", make("other"))).toString()).toBe("A");
      expect((await cachedFile("t", "<svg>b</svg>", make("B"))).toString()).toBe("B");
      expect(made).toBe(2);
    } finally {
      if (before === undefined) delete process.env[cacheDirVariable];
      else process.env[cacheDirVariable] = before;
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("an archive file is data, checked before anything is written", () => {
  const archive = (files: Record<string, string>, version = "2026.12.0") => ({ version, date: "2026-12-04", dataHash: "x", files });

  it("accepts plain relative paths of the kinds an archive holds", async () => {
    const { archiveProblem } = await import("../src/pipeline/archive/releaseArchive.ts");
    expect(archiveProblem(archive({ "index.html": "<p>", "tilbud/a/index.html": "<p>", "data/offers.csv": "a", "_astro/Base.BSbC-yml.css": "b" }))).toBeUndefined();
  });

  it("refuses a key that climbs out, is absolute, uses a backslash, or is not an archived kind of file, and a bad version", async () => {
    const { archiveProblem } = await import("../src/pipeline/archive/releaseArchive.ts");
    expect(archiveProblem(archive({ "../src/pages/x.astro": "x" }))).toBe('file key "../src/pages/x.astro" is not a relative path below the release');
    expect(archiveProblem(archive({ "tilbud/../../x.html": "x" }))).toBe('file key "tilbud/../../x.html" is not a relative path below the release');
    expect(archiveProblem(archive({ "/etc/x.html": "x" }))).toBe('file key "/etc/x.html" is not a relative path below the release');
    expect(archiveProblem(archive({ "tilbud\\x.html": "x" }))).toBe('file key "tilbud\\\\x.html" is not a relative path below the release');
    expect(archiveProblem(archive({ "pagefind/x.js": "x" }))).toBe('file key "pagefind/x.js" is not a kind of file an archive holds');
    expect(archiveProblem(archive({ "index.html": "x" }, ".."))).toBe('version ".." is not a release number such as 2026.12.0');
  });
});
