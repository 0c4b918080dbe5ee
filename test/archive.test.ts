import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { parse, serialize, type DefaultTreeAdapterTypes } from "parse5";
import { afterAll, describe, expect, it } from "vitest";
import { archivedPageHtml, movedAddresses, withArchiveAddress } from "../src/pipeline/archive/publishArchive.ts";
import { site } from "../src/site.ts";
import { archiveDirOf, archiveManifest, archiveProblem, isArchived, manifestFileOf, readArchives, writeArchive, type ReleaseArchive } from "../src/pipeline/archive/releaseArchive.ts";
import { sanitizeHtml, sanitizeHtmlCached } from "../src/pipeline/archive/sanitizeHtml.ts";
import { writeRedirectPages } from "../src/pipeline/site/redirectPages.ts";
import { withFileCache } from "./helpers.ts";

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

  it("keeps a link's anchor inside the archive only where the archived page has it, else leads to the page's top", () => {
    const hasAnchor = (rel: string, id: string) => rel === "tilbud/index.html" && id === "alle-tilbud";
    const html = archivedPageHtml(page('<a href="/tilbud/#alle-tilbud">Alle</a> <a href="/tilbud/#kart-over-tilbud">Kart</a> <a href="/om/#x">Om</a>'), {
      rel: "tilbud/a/index.html", version: "2026.11.0", date: "2026-11-23", inArchive, inSite, hasAnchor,
    });
    expect(html).toContain('<a href="/arkiv/2026.11.0/tilbud/#alle-tilbud">Alle</a>');
    expect(html).toContain('<a href="/arkiv/2026.11.0/tilbud/">Kart</a>');
    expect(html).toContain('<a href="/om/#x">Om</a>');
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

  // An archive built at one address (its origin; the placeholder for archives from before it was stored), published at another.
  const move = { from: "https://helseogarbeid.example.no/", to: "https://helse-og-arbeid.test.no/", fromEmail: "redaksjonen@helseogarbeid.example.no", toEmail: "post@helse-og-arbeid.test.no" };

  it("names the configured address instead of the one it was built at: its own as the archive address, every other too", () => {
    const text =
      '<link rel="canonical" href="https://helseogarbeid.example.no/tilbud/a/"> https://helseogarbeid.example.no/tilbud/ab/ "url":"https://helseogarbeid.example.no/" ' +
      "mailto:redaksjonen@helseogarbeid.example.no?body=(https%3A%2F%2Fhelseogarbeid.example.no%2Ftilbud%2Fa%2F) Kilde: helseogarbeid.example.no. " +
      "www.helseogarbeid.example.no helseogarbeid.example.no.annen https://helseogarbeid.example.no:8443/";
    expect(withArchiveAddress(text, "tilbud/a/index.html", "2026.11.0", move)).toBe(
      '<link rel="canonical" href="https://helse-og-arbeid.test.no/arkiv/2026.11.0/tilbud/a/"> https://helse-og-arbeid.test.no/tilbud/ab/ "url":"https://helse-og-arbeid.test.no/" ' +
        "mailto:post@helse-og-arbeid.test.no?body=(https%3A%2F%2Fhelse-og-arbeid.test.no%2Ftilbud%2Fa%2F) Kilde: helse-og-arbeid.test.no. " +
        // Other hosts (and another port) are not the archive's.
        "www.helseogarbeid.example.no helseogarbeid.example.no.annen https://helseogarbeid.example.no:8443/",
    );
    // Published where it was built: nothing changes.
    expect(movedAddresses(text, { ...move, to: move.from, toEmail: move.fromEmail })).toBe(text);
  });

  it("drops the preview marks a page was stored with, and is marked as this build is", () => {
    const stored = page('<details class="cite"><dl></dl><p class="preview-notice" data-preview><strong>Forhåndsvisning:</strong> x</p></details>').replace(
      '<meta charset="utf-8">',
      '<meta charset="utf-8"><meta name="robots" content="noindex">',
    );
    const html = archivedPageHtml(stored, { rel: "tilbud/a/index.html", version: "2026.11.0", date: "2026-11-23", inArchive, inSite, move });
    expect(html.match(/<meta name="robots"/g)).toHaveLength(1);
    expect(html.match(/data-preview/g) ?? []).toHaveLength(site.preview ? 1 : 0);
    expect(html).toContain('<link rel="canonical" href="https://helse-og-arbeid.test.no/arkiv/2026.11.0/tilbud/a/">');
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
    const { cachedFile } = await import("../src/fileCache.ts");
    await withFileCache(async () => {
      let made = 0;
      const make = (text: string) => async () => {
        made++;
        return Buffer.from(text);
      };
      expect((await cachedFile("t", "<svg>a</svg>", make("A"))).toString()).toBe("A");
      expect((await cachedFile("t", "<svg>a</svg>", make("other"))).toString()).toBe("A");
      expect((await cachedFile("t", "<svg>b</svg>", make("B"))).toString()).toBe("B");
      expect(made).toBe(2);
    });
  });
});

describe("pruning the file cache", () => {
  it("keeps the entries used last, as many as fit the budget, and never touches Astro's folder", async () => {
    const { cachedFile, pruneFileCache, readCached, writeCached } = await import("../src/fileCache.ts");
    await withFileCache(async (dir) => {
      const entryOf = async (kind: string) => path.join(dir, kind, (await readdir(path.join(dir, kind)))[0]!);
      // Each entry is 100 bytes with its 32-byte checksum. Used one hour, two hours and three hours ago.
      const hoursAgo = async (kind: string, hours: number) => {
        const at = new Date(Date.now() - hours * 3_600_000);
        await utimes(await entryOf(kind), at, at);
      };
      for (const kind of ["old", "older", "oldest"]) await writeCached(kind, "x", Buffer.alloc(68, kind));
      await hoursAgo("old", 1);
      await hoursAgo("older", 2);
      await hoursAgo("oldest", 3);
      await mkdir(path.join(dir, "astro", "site"), { recursive: true });
      await writeFile(path.join(dir, "astro", "site", "page.html"), "x".repeat(1000));
      const astroTime = new Date(Date.now() - 10 * 3_600_000);
      await utimes(path.join(dir, "astro", "site", "page.html"), astroTime, astroTime);

      // A hit is a use: the oldest entry becomes the newest.
      expect((await cachedFile("oldest", "x", async () => Buffer.from("made again"))).toString()).toBe("oldest".repeat(12).slice(0, 68));
      expect(await pruneFileCache(250)).toEqual({ removed: 1, removedBytes: 100, keptBytes: 200 });
      expect(await readCached("oldest", "x")).toBeDefined();
      expect(await readCached("old", "x")).toBeDefined();
      expect(await readCached("older", "x")).toBeUndefined();
      expect(await readFile(path.join(dir, "astro", "site", "page.html"), "utf8")).toHaveLength(1000);
      expect(await pruneFileCache(1e9)).toEqual({ removed: 0, removedBytes: 0, keptBytes: 200 });
      // The reads above were uses too, "old" the last. An entry used before one that did not fit goes, though it would fit by itself.
      await writeCached("small", "x", Buffer.alloc(8));
      await hoursAgo("small", 5);
      expect(await pruneFileCache(150)).toEqual({ removed: 2, removedBytes: 140, keptBytes: 100 });
      expect(await readdir(path.join(dir, "small"))).toEqual([]);
      expect(await readdir(path.join(dir, "oldest"))).toEqual([]);
      expect(await pruneFileCache(0)).toEqual({ removed: 1, removedBytes: 100, keptBytes: 0 });
      expect(await readCached("old", "x")).toBeUndefined();
    });
  });

  it("does nothing without a cache", async () => {
    const { cacheDirVariable, pruneFileCache } = await import("../src/fileCache.ts");
    const before = process.env[cacheDirVariable];
    delete process.env[cacheDirVariable];
    try {
      expect(await pruneFileCache(0)).toEqual({ removed: 0, removedBytes: 0, keptBytes: 0 });
    } finally {
      if (before !== undefined) process.env[cacheDirVariable] = before;
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

  it("names the address its pages were built at, if stored, as SITE_URL gives it, in its manifest's header too", async () => {
    const { archiveManifest, archiveProblem } = await import("../src/pipeline/archive/releaseArchive.ts");
    const withOrigin = { ...archive({ "index.html": "<p>" }), origin: "https://helse-og-arbeid.test.no/", feedbackEmail: "post@helse-og-arbeid.test.no" };
    expect(archiveProblem(withOrigin)).toBeUndefined();
    expect(archiveManifest(withOrigin).split("\n")[0]).toBe("version 2026.12.0 date 2026-12-04 dataHash x commit - origin https://helse-og-arbeid.test.no/ feedbackEmail post@helse-og-arbeid.test.no");
    expect(archiveManifest(archive({ "index.html": "<p>" })).split("\n")[0]).toBe("version 2026.12.0 date 2026-12-04 dataHash x commit -");
    expect(archiveProblem({ ...withOrigin, origin: "https://helse-og-arbeid.test.no" })).toBe('origin "https://helse-og-arbeid.test.no" is not a site address such as https://helseogarbeid.example.no/');
    expect(archiveProblem({ ...withOrigin, origin: "javascript:alert(1)" })).toBe('origin "javascript:alert(1)" is not a site address such as https://helseogarbeid.example.no/');
  });
});

/**
 * Everything in a document that could run script, as a browser would parse it: found by walking parse5's tree, on its
 * own terms rather than with the sanitiser's rules, so the tests do not check the sanitiser against itself.
 */
function executableIn(html: string): string[] {
  const found: string[] = [];
  const walk = (node: DefaultTreeAdapterTypes.Node) => {
    if ("tagName" in node) {
      const tag = node.tagName.toLowerCase();
      const attr = (name: string) => node.attrs.find((a) => a.name === name)?.value;
      if (tag === "script" && attr("type") !== "application/ld+json") found.push(`<${tag}>`);
      if (/^(iframe|frame|frameset|object|embed|applet|base|portal|animate|set|animatemotion|animatetransform)$/.test(tag)) found.push(`<${tag}>`);
      if (tag === "meta" && attr("http-equiv")?.toLowerCase() === "refresh") found.push("<meta refresh>");
      for (const a of node.attrs) {
        const url = a.value.replace(/[\u0000-\u0020]/g, "").toLowerCase();
        if (/^on/i.test(a.name) || a.name === "srcdoc") found.push(`${tag} ${a.name}`);
        const image = tag === "img" || (tag === "link" && attr("rel") === "icon");
        if (/^(javascript|vbscript):/.test(url) || (url.startsWith("data:") && !(image && url.startsWith("data:image/")))) found.push(`${tag} ${a.name}=${a.value}`);
      }
      if ("content" in node) walk((node as DefaultTreeAdapterTypes.Template).content);
    }
    if ("childNodes" in node) node.childNodes.forEach(walk);
  };
  walk(parse(html));
  return found;
}

const jsonLd = '<script type="application/ld+json">{"@context":"https://schema.org","@type":"Dataset","name":"Tilbud <a> & b"}</script>';
const chart =
  '<svg viewBox="0 0 100 50" role="img" aria-labelledby="t1"><title id="t1">Bevilgninger per år</title><g class="bars"><path d="M0 50V10h10v40z" fill="currentColor"></path><text x="5" y="8">12</text></g></svg>';
/** One payload per way a stored page could carry script past the old regex. */
const hostile: Record<string, string> = {
  "upper-case script": "<SCRIPT>alert(1)</SCRIPT>",
  "JSON-LD type inside another attribute": `<script data-x='type="application/ld+json"'>alert(2)</script>`,
  "text/javascript script": '<script type="text/javascript">alert(3)</script>',
  "img onerror": "<img src=x onerror=alert(4)>",
  "svg onload": "<svg onload=alert(5)></svg>",
  "script in svg": "<svg><script>alert(6)</script></svg>",
  "javascript: link with spaces and mixed case": '<a href=" JaVaScRiPt:alert(7)">lenke 7</a>',
  "javascript: link with an encoded tab": '<a href="java&#x09;script:alert(8)">lenke 8</a>',
  "xlink:href javascript: in svg": '<svg><a xlink:href="javascript:alert(9)"><text>lenke 9</text></a></svg>',
  "iframe srcdoc": '<iframe srcdoc="<script>alert(10)</script>"></iframe>',
  "meta refresh": '<meta http-equiv="Refresh" content="0;url=javascript:alert(11)">',
  "svg animate to javascript:": '<svg><a><animate attributeName="href" to="javascript:alert(12)"/><text>lenke 12</text></a></svg>',
  "object data": '<object data="javascript:alert(13)"></object>',
  "base href": '<base href="https://evil.example/">',
  "data: html link": '<a href="data:text/html,<script>alert(14)</script>">lenke 14</a>',
  "form action": '<form action="vbscript:msgbox(15)"><button formaction="javascript:alert(15)">Send</button></form>',
  // A known mutation payload: harmless as first parsed, a live img onerror once serialised and parsed again.
  "namespace confusion": "<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(16)>",
};

describe("sanitizing an archived page", () => {
  const doc = (body: string, head = "") => `<!DOCTYPE html><html lang="nb"><head><meta charset="utf-8">${head}</head><body><main>${body}</main></body></html>`;

  for (const [what, payload] of Object.entries(hostile)) {
    it(`removes ${what}`, () => {
      const input = doc(`<p>før</p>${payload}<p>etter</p>`, payload);
      // Executable as parsed, or once a parse is serialised and parsed again (the mutation payload).
      expect([...executableIn(input), ...executableIn(serialize(parse(input)))], "the payload is executable to begin with").not.toEqual([]);
      const output = sanitizeHtml(input);
      expect(executableIn(output)).toEqual([]);
      expect(output).not.toMatch(/alert\(|msgbox\(|evil\.example/);
      expect(output).toContain("<p>før</p>");
      expect(output).toContain("<p>etter</p>");
    });
  }

  it("is kept in the file cache by the page's bytes: the same page is sanitized once, a changed page anew", async () => {
    const { cacheStats } = await import("../src/fileCache.ts");
    await withFileCache(async () => {
      const input = doc(`<p>før</p>${Object.values(hostile).join("")}<p>etter</p>`);
      const first = await sanitizeHtmlCached(input);
      expect(first).toBe(sanitizeHtml(input));
      expect(executableIn(first)).toEqual([]);
      const { hits, misses } = cacheStats;
      expect(await sanitizeHtmlCached(input)).toBe(first);
      expect(cacheStats).toMatchObject({ hits: hits + 1, misses });
      const changed = input.replace("<p>før</p>", "<p>endret</p>");
      expect(await sanitizeHtmlCached(changed)).toBe(sanitizeHtml(changed));
      expect(cacheStats).toMatchObject({ hits: hits + 1, misses: misses + 1 });
    });
  });

  it("keeps the words of a neutralised link, without its target", () => {
    const output = sanitizeHtml(doc('<a href=" JaVaScRiPt:alert(1)" class="x">lenke</a> <img src="x" alt="bilde" onerror="alert(1)">'));
    expect(output).toContain('<a class="x">lenke</a>');
    expect(output).toContain('<img src="x" alt="bilde">');
  });

  it("keeps JSON-LD, text, ordinary links, inline SVG charts and data: images", () => {
    const img = '<img src="data:image/png;base64,iVBORw0KGgo=" alt="Figur">';
    const body =
      '<h1>Tilbud &amp; statistikk</h1><p>Se <a href="/tilbud/">tilbud</a>, <a href="#figur">figuren</a>, <a href="https://www.nav.no/x?a=1&amp;b=2">NAV</a> og <a href="mailto:post@example.no">e-post</a>.</p>' +
      chart +
      img +
      '<a href="/figurer/f.svg" download>SVG</a>';
    const input = doc(body, `${jsonLd}<link rel="icon" href="data:image/svg+xml,%3Csvg%3E%3C/svg%3E"><link rel="stylesheet" href="/_astro/Base.css">`);
    const output = sanitizeHtml(input);
    expect(output).toBe(input);
    expect(executableIn(output)).toEqual([]);
  });

  it("keeps a JSON-LD script whatever the case or spacing of its type, and only in HTML", () => {
    const output = sanitizeHtml(doc('<script type=" Application/LD+JSON ">{"a":1}</script><svg><script type="application/ld+json">alert(1)</script></svg>'));
    expect(output).toContain('<script type=" Application/LD+JSON ">{"a":1}</script>');
    expect(output).not.toContain("alert(1)");
  });
});

describe("an archived page from a hostile archive", () => {
  it("runs nothing, whatever the stored page carries, and keeps its text, JSON-LD and notice", () => {
    const payloads = Object.values(hostile).join("");
    const stored =
      `<!DOCTYPE html><html lang="nb"><head><meta charset="utf-8">${jsonLd}${payloads}<script type="module" src="/_astro/x.js"></script></head>` +
      `<body onload="alert(0)"><main id="innhold"><h1>Tittel</h1>${payloads}${chart}<p>Slutt.</p></main><template><img src=x onerror=alert(17)></template></body></html>`;
    const html = archivedPageHtml(stored, { rel: "tilbud/a/index.html", version: "2026.11.0", date: "2026-11-23", inArchive: () => false, inSite: () => true });
    expect(executableIn(html)).toEqual([]);
    expect(html).not.toMatch(/alert\(|msgbox\(|evil\.example/);
    expect(html).toContain(jsonLd);
    expect(html).toContain(chart);
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).toMatch(/<main id="innhold"><div class="archive-notice" role="note"[^>]*><p><strong>Arkivert kopi:<\/strong>/);
    expect(html).toContain("<h1>Tittel</h1>");
    expect(html).toContain("<p>Slutt.</p>");
  });
});

describe("an archived SVG figure", () => {
  const withSvg = (svg: string) => ({ version: "2026.12.0", date: "2026-12-04", dataHash: "x", files: { "figurer/f.svg": svg } });

  it("is accepted when it only draws", () => {
    expect(archiveProblem(withSvg(`<?xml version="1.0"?>${chart.replace("<svg", '<svg xmlns="http://www.w3.org/2000/svg"')}`))).toBeUndefined();
  });

  it("is refused, naming the file, when it holds a script, an event handler or a javascript: URL", () => {
    expect(archiveProblem(withSvg('<svg xmlns="http://www.w3.org/2000/svg"><SCRIPT>alert(1)</SCRIPT></svg>'))).toBe(
      "file figurer/f.svg has a script element; an archived SVG must not run script",
    );
    expect(archiveProblem(withSvg('<svg:svg xmlns:svg="http://www.w3.org/2000/svg"><svg:script>alert(1)</svg:script></svg:svg>'))).toBe(
      "file figurer/f.svg has a script element; an archived SVG must not run script",
    );
    expect(archiveProblem(withSvg('<svg xmlns="http://www.w3.org/2000/svg" OnLoad="alert(1)"/>'))).toBe(
      "file figurer/f.svg has an event handler attribute (on…=); an archived SVG must not run script",
    );
    expect(archiveProblem(withSvg('<svg xmlns="http://www.w3.org/2000/svg"><a href="JavaScript:alert(1)"><text>x</text></a></svg>'))).toBe(
      "file figurer/f.svg has a javascript: URL; an archived SVG must not run script",
    );
    expect(archiveProblem(withSvg('<svg xmlns="http://www.w3.org/2000/svg"><a href="java&#x09;script&#58;alert(1)"><text>x</text></a></svg>'))).toBe(
      "file figurer/f.svg has a javascript: URL; an archived SVG must not run script",
    );
    expect(archiveProblem(withSvg('<svg xmlns="http://www.w3.org/2000/svg"><a><set attributeName="href" to="javascript:alert(1)"/></a></svg>'))).toBe(
      "file figurer/f.svg has a javascript: URL; an archived SVG must not run script",
    );
  });
});

describe("an archive's manifest", () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));
  const release: ReleaseArchive = {
    version: "2026.12.0",
    date: "2026-12-04",
    dataHash: "a214b6111e91ca77",
    commit: "b88d82bb25672e388fcd9cc1ba04583822b8381d",
    files: { "tilbud/a/index.html": "<p>A</p>", "index.html": "<p>Forside</p>", "figurer/f.svg": "<svg></svg>", "data/offers.csv": "id\n1\n" },
  };
  const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
  async function stored(archive: ReleaseArchive) {
    const dataDir = path.join(await mkdtemp(path.join(os.tmpdir(), "hoa-manifest-")), "data");
    dirs.push(path.dirname(dataDir));
    await writeArchive(dataDir, archive);
    return dataDir;
  }
  /** Replaces the archive file behind the manifest's back, as a hand edit or a bad merge would. */
  const tamper = (dataDir: string, archive: ReleaseArchive) => writeFile(path.join(archiveDirOf(dataDir), `${archive.version}.json.gz`), gzipSync(JSON.stringify(archive)));

  it("lists the release and a hash per file, sorted by key, and is written beside the archive", async () => {
    const dataDir = await stored(release);
    expect(await readFile(manifestFileOf(dataDir, release.version), "utf8")).toBe(
      [
        "version 2026.12.0 date 2026-12-04 dataHash a214b6111e91ca77 commit b88d82bb25672e388fcd9cc1ba04583822b8381d",
        `${sha256("id\n1\n")}  data/offers.csv`,
        `${sha256("<svg></svg>")}  figurer/f.svg`,
        `${sha256("<p>Forside</p>")}  index.html`,
        `${sha256("<p>A</p>")}  tilbud/a/index.html`,
        "",
      ].join("\n"),
    );
    expect(archiveManifest({ ...release, commit: undefined }).split("\n")[0]).toBe("version 2026.12.0 date 2026-12-04 dataHash a214b6111e91ca77 commit -");
    expect(await readArchives(dataDir)).toEqual([release]);
  });

  it("refuses an archive whose content changed, gained or lost a file since its manifest, naming the file", async () => {
    const dataDir = await stored(release);
    const file = path.join(archiveDirOf(dataDir), "2026.12.0.json.gz");
    await tamper(dataDir, { ...release, files: { ...release.files, "tilbud/a/index.html": "<p>A</p><script>alert(1)</script>" } });
    await expect(readArchives(dataDir)).rejects.toThrow(`${file} does not match its manifest 2026.12.0.manifest.txt:\n- file tilbud/a/index.html has other content than the manifest lists`);
    await tamper(dataDir, { ...release, files: { ...release.files, "tilbud/b/index.html": "<p>B</p>" } });
    await expect(readArchives(dataDir)).rejects.toThrow("- file tilbud/b/index.html is in the archive but not in the manifest");
    const { "index.html": _, ...withoutFrontPage } = release.files;
    await tamper(dataDir, { ...release, files: withoutFrontPage });
    await expect(readArchives(dataDir)).rejects.toThrow("- file index.html is in the manifest but not in the archive");
    await tamper(dataDir, { ...release, dataHash: "0000000000000000" });
    await expect(readArchives(dataDir)).rejects.toThrow('- header is "version 2026.12.0 date 2026-12-04 dataHash a214b6111e91ca77');
  });

  it("refuses an archive without a manifest, naming the archive", async () => {
    const dataDir = await stored(release);
    await rm(manifestFileOf(dataDir, release.version));
    await expect(readArchives(dataDir)).rejects.toThrow(`${path.join(archiveDirOf(dataDir), "2026.12.0.json.gz")} has no manifest 2026.12.0.manifest.txt beside it`);
  });

  it("matches each archive shipped in data/arkiv", async () => {
    const archives = await readArchives(path.join(import.meta.dirname, "..", "data"));
    expect(archives.map((a) => a.version)).toEqual(expect.arrayContaining(["2026.12.0", "2026.12.1"]));
  });
});

describe("which built files an archive keeps", () => {
  it("keeps pages and downloads anywhere, figures' SVGs and the data's JSON only in their folders", () => {
    const kept = ["tilbud/sok/index.html", "kunnskap/arkiv/index.html", "a.csv", "x/y.bib", "x/y.ris", "figurer/f.svg", "data/offers.json", "data/hsds/datapackage.json"];
    expect(kept.filter(isArchived)).toEqual(kept);
    const left = ["figurer/f.svg.png", "figurer/a/f.svg", "x/figurer/f.svg", "x/data/offers.json", "data/offers.json.gz", "data/x/y.json", "a.html.png", "sok/index.html", "404.html", "tilbud/pasientliste/index.html", "_astro/x.js"];
    expect(left.filter(isArchived)).toEqual([]);
  });
});

describe("the hash of a data folder", () => {
  it("covers each CSV file's name and bytes, in name order, and nothing else", async () => {
    const { dataHash } = await import("../src/pipeline/archive/releaseArchive.ts");
    const dir = await mkdtemp(path.join(os.tmpdir(), "hoa-hash-"));
    try {
      await writeFile(path.join(dir, "b.csv"), "id\ny\n");
      await writeFile(path.join(dir, "a.csv"), "id\nx\n");
      await writeFile(path.join(dir, "README.md"), "not data");
      // sha256("a.csv" + "id\nx\n" + "b.csv" + "id\ny\n"), first 16 hex digits, computed with Python's hashlib
      expect(await dataHash(dir)).toBe("c915cb8c50f3ef01");
      await writeFile(path.join(dir, "README.md"), "changed");
      expect(await dataHash(dir)).toBe("c915cb8c50f3ef01");
      await rm(path.join(dir, "b.csv"));
      expect(await dataHash(dir)).toBe("d2f2eaeb42611839");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("an SVG figure's character references and declarations", () => {
  const problem = async (svg: string) => (await import("../src/pipeline/archive/releaseArchive.ts")).svgProblem(svg);

  it("are read before the check, decimal or hexadecimal, with or without a semicolon", async () => {
    for (const href of ["javascript&#58;alert(1)", "&#x6a;avascript:alert(1)", "&#X6A;avascript:alert(1)", "&#106avascript:alert(1)"]) {
      expect(await problem(`<svg><a href="${href}"><text>x</text></a></svg>`), href).toBe("has a javascript: URL");
    }
    expect(await problem('<svg><text>&#x110000; &#60;b&#62;</text></svg>')).toBeUndefined();
  });

  it("refuse an event handler written with spaces before its equals sign, and an entity declaration", async () => {
    expect(await problem('<svg onload ="alert(1)"/>')).toBe("has an event handler attribute (on…=)");
    expect(await problem('<svg><text>one = two, online</text></svg>')).toBeUndefined();
    expect(await problem('<!DOCTYPE svg [<!ENTITY x "javascript">]><svg/>')).toBe("declares an entity");
  });
});

describe("an archive's contents and manifest, refused", () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));
  const release: ReleaseArchive = { version: "2026.12.0", date: "2026-12-04", dataHash: "h", files: { "index.html": "<p>F</p>", "b/index.html": "<p>B</p>" } };
  async function folder() {
    const dataDir = path.join(await mkdtemp(path.join(os.tmpdir(), "hoa-archives-")), "data");
    dirs.push(path.dirname(dataDir));
    return dataDir;
  }

  it("without files, or with a file that is not text", () => {
    expect(archiveProblem({ ...release, files: null } as unknown as ReleaseArchive)).toBe("has no files");
    expect(archiveProblem({ ...release, files: "index.html" } as unknown as ReleaseArchive)).toBe("has no files");
    expect(archiveProblem({ ...release, files: { "index.html": 3 } } as unknown as ReleaseArchive)).toBe("file index.html is not text");
    expect(archiveProblem({ ...release, version: 2026 } as unknown as ReleaseArchive)).toBe("version 2026 is not a release number such as 2026.12.0");
  });

  it("sorts the manifest by code unit, not by language", () => {
    const lines = archiveManifest({ ...release, files: { "b.html": "", "B.html": "", "a.html": "", "å.html": "" } }).trimEnd().split("\n").slice(1);
    expect(lines.map((l) => l.split("  ")[1])).toEqual(["B.html", "a.html", "b.html", "å.html"]);
  });

  it("reads a manifest with CRLF line ends, but not one with its lines in another order", async () => {
    const dataDir = await folder();
    await writeArchive(dataDir, release);
    const manifest = await readFile(manifestFileOf(dataDir, release.version), "utf8");
    await writeFile(manifestFileOf(dataDir, release.version), manifest.replace(/\n/g, "\r\n"));
    expect(await readArchives(dataDir)).toEqual([release]);
    const [header, ...lines] = manifest.trimEnd().split("\n");
    await writeFile(manifestFileOf(dataDir, release.version), [header, ...lines.reverse(), ""].join("\n"));
    await expect(readArchives(dataDir)).rejects.toThrow(":\n- lines are not one per file, sorted by key, as archiveManifest writes them");
  });

  it("lists at most ten differences, and how many more", async () => {
    const dataDir = await folder();
    const many = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`p${String(i).padStart(2, "0")}/index.html`, `<p>${i}</p>`]));
    await writeArchive(dataDir, { ...release, files: many });
    await writeFile(manifestFileOf(dataDir, release.version), "version 2026.12.0 date 2026-12-04 dataHash h commit -\n");
    const message = ((await readArchives(dataDir).catch((e: unknown) => e)) as Error).message;
    expect(message.split("\n").slice(1)).toEqual([
      ...Array.from({ length: 10 }, (_, i) => `- file p${String(i).padStart(2, "0")}/index.html is in the archive but not in the manifest`),
      "- and 2 more",
    ]);
  });

  it("that is not gzipped JSON, or named after another release", async () => {
    const dataDir = await folder();
    await mkdir(archiveDirOf(dataDir), { recursive: true });
    const file = path.join(archiveDirOf(dataDir), "2026.12.0.json.gz");
    await writeFile(file, "plain text");
    await expect(readArchives(dataDir)).rejects.toThrow(`${file} is not a gzipped JSON archive: `);
    await writeFile(file, gzipSync(JSON.stringify({ ...release, version: "2026.12.1" })));
    await expect(readArchives(dataDir)).rejects.toThrow(`${file} holds release 2026.12.1; the file must be named 2026.12.1.json.gz`);
    await writeFile(file, gzipSync(JSON.stringify({ ...release, files: { "../x.html": "" } })));
    await expect(readArchives(dataDir)).rejects.toThrow(`${file}: file key "../x.html" is not a relative path below the release`);
  });

  it("are none when the folder has no archives, whatever else it holds", async () => {
    const dataDir = await folder();
    expect(await readArchives(dataDir)).toEqual([]);
    await mkdir(archiveDirOf(dataDir), { recursive: true });
    await writeFile(path.join(archiveDirOf(dataDir), "notes.txt"), "x");
    expect(await readArchives(dataDir)).toEqual([]);
  });
});

describe("the summary of the archived releases", async () => {
  const { summarize } = await import("../src/pipeline/archive/releaseArchive.ts");
  const of = (version: string, date: string, dataHash: string) => ({ version, date, dataHash, files: { "index.html": "", "tilbud/a/index.html": "", "a.csv": "" } });

  it("lists them newest first with their pages, and tells which shows the current data", () => {
    expect(summarize([of("2026.11.0", "2026-11-23", "old"), of("2026.12.1", "2026-12-04", "new"), of("2026.12.0", "2026-12-04", "mid")], "new")).toEqual({
      releases: [
        { version: "2026.12.1", date: "2026-12-04", pages: ["/", "/tilbud/a/"], showsCurrentData: true },
        { version: "2026.12.0", date: "2026-12-04", pages: ["/", "/tilbud/a/"], showsCurrentData: false },
        { version: "2026.11.0", date: "2026-11-23", pages: ["/", "/tilbud/a/"], showsCurrentData: false },
      ],
    });
  });
});

describe("publishing the archived releases into the built site", () => {
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4" fill="#123456"/></svg>';
  const release: ReleaseArchive = {
    version: "2026.11.0",
    date: "2026-11-23",
    dataHash: "h",
    files: {
      "tilbud/a/index.html":
        '<!DOCTYPE html><html lang="nb"><head><meta charset="utf-8"><meta property="og:image" content="https://helseogarbeid.example.no/delingsbilder/tilbud-a.png">' +
        '<meta name="twitter:card" content="summary_large_image"></head><body><main id="innhold">' +
        '<a href="/om/">Om</a> <a href="/tilbud/borte/">Borte</a> <img src="/borte.png" alt=""> <img src="/figurer/f.png" alt="f"> <a href="/arkiv/">Arkiv</a>' +
        "</main></body></html>",
      "sitering/tilbud-a.bib": "@misc{x,\n  url = {https://helseogarbeid.example.no/tilbud/a/},\n  note = {https://example.org/tilbud/a/}\n}\n",
      "sitering/tilbud-a.ris": "UR  - https://helseogarbeid.example.no/om/\r\n",
      "figurer/f.svg": svg,
      "data/offers.csv": "id\na\n",
    },
  };

  it("writes pages with links kept inside the archive or the site, citation files naming archived pages, files as they were and PNG figures again", async () => {
    const { publishArchives } = await import("../src/pipeline/archive/publishArchive.ts");
    const siteDir = await mkdtemp(path.join(os.tmpdir(), "hoa-publish-"));
    try {
      await mkdir(path.join(siteDir, "om"));
      await writeFile(path.join(siteDir, "om", "index.html"), "<p>om</p>");
      expect(await publishArchives(siteDir, [release])).toEqual({ releases: 1, pages: 1 });
      const out = (rel: string) => path.join(siteDir, "arkiv", "2026.11.0", rel);
      const html = await readFile(out("tilbud/a/index.html"), "utf8");
      expect(html).toContain('<a href="/om/">Om</a>');
      expect(html).toContain('<a aria-disabled="true">Borte</a>');
      expect(html).toContain('<img src="/borte.png" alt="">');
      expect(html).toContain('<img src="/arkiv/2026.11.0/figurer/f.png" alt="f">');
      expect(html).toContain('<a href="/arkiv/">Arkiv</a>');
      expect(html).not.toContain("og:image");
      expect(html).toContain('<meta name="twitter:card" content="summary">');
      expect(html).toMatch(/<meta charset="utf-8"><meta name="robots" content="noindex"><style>\.archive-notice\{/);
      expect(html).toContain("Siden finnes ikke lenger i gjeldende utgave.");
      expect(html).toContain("i datautgave 2026.11.0 (23. november 2026). Tall og tekst er frosset og endres ikke.</p>");
      expect(await readFile(out("sitering/tilbud-a.bib"), "utf8")).toBe(
        "@misc{x,\n  url = {https://helseogarbeid.example.no/arkiv/2026.11.0/tilbud/a/},\n  note = {https://example.org/tilbud/a/}\n}\n",
      );
      // /om/ is not a page of this release: its address stays the current one.
      expect(await readFile(out("sitering/tilbud-a.ris"), "utf8")).toBe("UR  - https://helseogarbeid.example.no/om/\r\n");
      expect(await readFile(out("data/offers.csv"), "utf8")).toBe("id\na\n");
      expect(await readFile(out("figurer/f.svg"), "utf8")).toBe(svg);
      expect((await readFile(out("figurer/f.png"))).subarray(1, 4).toString()).toBe("PNG");
    } finally {
      await rm(siteDir, { recursive: true, force: true });
    }
  });

  it("links a page that is still on the site to its current address", async () => {
    const html = archivedPageHtml(page("<p>x</p>"), { rel: "tilbud/a/index.html", version: "2026.11.0", date: "2026-11-23", inArchive: () => true, inSite: () => true });
    expect(html).toContain('<p><a href="/tilbud/a/">Se siden slik den er nå</a> · <a href="/arkiv/">Alle arkiverte utgaver</a></p>');
  });
});
