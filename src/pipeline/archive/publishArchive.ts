import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { pngOfSvg } from "../../charts/exportChart.ts";
import { escapeXml, formatDate } from "../../format.ts";
import { site } from "../../site.ts";
import { archiveHref, fileOfHref, hrefOfFile, sitePages } from "../../addresses.ts";
import type { ReleaseArchive } from "./releaseArchive.ts";
import { sanitizeHtml } from "./sanitizeHtml.ts";

export interface ArchivedPage {
  /** The page's file in the archive, e.g. "tilbud/x/index.html". */
  rel: string;
  version: string;
  date: string;
  /** Is this path a file of the same archive? */
  inArchive: (rel: string) => boolean;
  /** Is this path a file of the current site? (Links to neither are made inert.) */
  inSite: (rel: string) => boolean;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Replaces the page's own absolute address (in canonical, citation tags, JSON-LD and citation text) with its archive address. */
export function withArchiveAddress(text: string, rel: string, version: string): string {
  const current = new URL(hrefOfFile(rel), site.url).href;
  const archived = new URL(archiveHref(version, hrefOfFile(rel)), site.url).href;
  return text.replace(new RegExp(`${escapeRegExp(current)}(?![\\w/.-])`, "g"), archived);
}

const noticeStyle =
  ".archive-notice{border:2px solid currentColor;padding:.75rem 1rem;margin:1rem 0;border-radius:4px}" +
  ".archive-notice p{margin:.25rem 0}";

/**
 * An archived page as served: its own address becomes the archive address, links to files of the archive
 * stay inside it, a notice says which release it shows, scripts go (every page reads without them), and
 * search engines are asked to keep to the current page.
 */
export function archivedPageHtml(html: string, page: ArchivedPage): string {
  const current = page.inSite(page.rel)
    ? `<a href="${escapeXml(hrefOfFile(page.rel))}">Se siden slik den er nå</a> · `
    : "Siden finnes ikke lenger i gjeldende utgave. ";
  const notice =
    `<div class="archive-notice" role="note" data-archive-version="${escapeXml(page.version)}">` +
    `<p><strong>Arkivert kopi:</strong> siden slik den var i datautgave ${escapeXml(page.version)} (${formatDate(page.date)}). ` +
    `Tall og tekst er frosset og endres ikke.</p>` +
    `<p>${current}<a href="${sitePages.archive}">Alle arkiverte utgaver</a></p></div>`;
  const linked = withArchiveAddress(html, page.rel, page.version).replace(/<([a-z]+)\b[^>]*>/g, (tag, name: string) =>
    tag.replace(/\b(href|src)="(\/(?!\/)[^"]*)"/g, (whole, attr: string, href: string) => {
      if (href.startsWith(sitePages.archive)) return whole;
      const file = fileOfHref(href);
      if (page.inArchive(file)) return `${attr}="${archiveHref(page.version, href)}"`;
      if (page.inSite(file)) return whole;
      // Neither archived nor on the site any more: keep the words, drop the dead link.
      return name === "a" ? 'aria-disabled="true"' : whole;
    }),
  );
  const framed = linked
    .replace(/<meta property="og:image[^>]*>/g, "")
    .replace('<meta name="twitter:card" content="summary_large_image">', '<meta name="twitter:card" content="summary">')
    .replace(/<meta charset="utf-8"\s*\/?>/, (m) => `${m}<meta name="robots" content="noindex"><style>${noticeStyle}</style>`)
    .replace(/<main\b[^>]*>/, (m) => `${m}${notice}`);
  // Last, and with a real parser: what a stored page could carry that runs (scripts, handlers, javascript: links) goes.
  return sanitizeHtml(framed);
}

export interface PublishReport {
  releases: number;
  pages: number;
}

/** Writes every archived release under siteDir/arkiv/<version>/, with PNG figures made again from their archived SVGs. */
export async function publishArchives(siteDir: string, archives: ReleaseArchive[]): Promise<PublishReport> {
  const existing = new Map<string, boolean>();
  const inSite = (rel: string) => {
    if (!existing.has(rel)) existing.set(rel, existsSync(path.join(siteDir, rel)));
    return existing.get(rel)!;
  };
  let pages = 0;
  for (const archive of archives) {
    const files = Object.entries(archive.files);
    const pngs = new Set(files.filter(([rel]) => /^figurer\/[^/]+\.svg$/.test(rel)).map(([rel]) => rel.replace(/\.svg$/, ".png")));
    const inArchive = (rel: string) => rel in archive.files || pngs.has(rel);
    const outDir = path.join(siteDir, "arkiv", archive.version);
    for (const [rel, content] of files) {
      const out = path.join(outDir, rel);
      await mkdir(path.dirname(out), { recursive: true });
      if (rel.endsWith(".html")) {
        pages++;
        await writeFile(out, archivedPageHtml(content, { rel, version: archive.version, date: archive.date, inArchive, inSite }));
      } else if (/\.(bib|ris)$/.test(rel)) {
        await writeFile(out, content.replace(/https?:\/\/[^\s}]+/g, (url) => archivedUrlOf(url, archive)));
      } else {
        await writeFile(out, content);
        if (rel.endsWith(".svg") && rel.startsWith("figurer/")) {
          await writeFile(out.replace(/\.svg$/, ".png"), await pngOfSvg(content));
        }
      }
    }
  }
  return { releases: archives.length, pages };
}

/** A citation file names one page's address; in the archive it names the archived page's. */
function archivedUrlOf(url: string, archive: ReleaseArchive): string {
  const rel = fileOfHref(new URL(url).pathname);
  return url.startsWith(site.url) && rel in archive.files ? new URL(archiveHref(archive.version, hrefOfFile(rel)), site.url).href : url;
}
