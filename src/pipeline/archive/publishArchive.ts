import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { pngOfSvg } from "../../charts/exportChart.ts";
import { forEachInWindow } from "../taskWindow.ts";
import { escapeXml, formatDate } from "../../format.ts";
import { site } from "../../site.ts";
import { archiveHref, fileOfHref, hrefOfFile, sitePages } from "../../addresses.ts";
import { feedbackEmailOf, originOf, type ReleaseArchive } from "./releaseArchive.ts";
import { sanitizeHtml, sanitizeHtmlCached } from "./sanitizeHtml.ts";
import { previewCitationNotice, previewFooterNotice, previewNoticePattern, previewRobotsMeta } from "../../previewNotice.ts";

export interface ArchivedPage {
  /** The page's file in the archive, e.g. "tilbud/x/index.html". */
  rel: string;
  version: string;
  date: string;
  /** Is this path a file of the same archive? */
  inArchive: (rel: string) => boolean;
  /** Is this path a file of the current site? (Links to neither are made inert.) */
  inSite: (rel: string) => boolean;
  /** Has this file of the archive an element with this id? A link to an anchor it lacks then leads to the page's top. */
  hasAnchor?: (rel: string, id: string) => boolean;
  /** The address the page was built at and the one configured now; by default addressMoveOf an archive of the placeholder. */
  move?: AddressMove;
}

/** The address (and feedback e-mail) an archive's pages name, and those the site is published with now (SITE_URL). */
export interface AddressMove {
  /** e.g. "https://helseogarbeid.example.no/" */
  from: string;
  to: string;
  fromEmail: string;
  toEmail: string;
}

/** From where the archive was built (its stored origin, or the placeholder for older archives) to the configured address. */
export const addressMoveOf = (archive: Pick<ReleaseArchive, "origin" | "feedbackEmail">): AddressMove => ({
  from: originOf(archive),
  to: site.url,
  fromEmail: feedbackEmailOf(archive),
  toEmail: site.feedbackEmail,
});

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** Not followed by more of a host name or a port: "example.no" is not the start of "example.no.other" or "example.no:8080". */
const hostEnd = "(?![\\w-]|\\.\\w|:\\d)";

/**
 * The archive's address replaced with the configured one wherever a text names it: as an address (https://host/…), percent-
 * encoded (in a mailto: body), as a bare host name (a source line), and its feedback e-mail; `own` first, the page's own
 * address, which becomes its archive address. One pass, so nothing is replaced twice.
 */
export function movedAddresses(text: string, move: AddressMove, own?: { from: string; to: string }): string {
  if (!own && move.from === move.to && move.fromEmail === move.toEmail) return text;
  const [fromOrigin, toOrigin] = [move.from.replace(/\/$/, ""), move.to.replace(/\/$/, "")];
  const replacements: [pattern: string, by: string][] = [
    ...(own ? [[`${escapeRegExp(own.from)}(?![\\w/.-])`, own.to] as [string, string]] : []),
    [`${escapeRegExp(move.fromEmail)}${hostEnd}`, move.toEmail],
    [`${escapeRegExp(fromOrigin)}${hostEnd}`, toOrigin],
    [`${escapeRegExp(encodeURIComponent(fromOrigin))}(?![\\w-]|\\.\\w|%3A)`, encodeURIComponent(toOrigin)],
    [`(?<![\\w.-])${escapeRegExp(new URL(move.from).host)}${hostEnd}`, new URL(move.to).host],
  ];
  const pattern = new RegExp(replacements.map(([p]) => `(${p})`).join("|"), "g");
  return text.replace(pattern, (...groups: unknown[]) => replacements[groups.slice(1, replacements.length + 1).findIndex((g) => g !== undefined)]![1]);
}

/**
 * Replaces the page's own absolute address (in canonical, citation tags, JSON-LD and citation text) with its archive
 * address, and the archive's address with the configured one elsewhere (movedAddresses).
 */
export function withArchiveAddress(text: string, rel: string, version: string, move: AddressMove = addressMoveOf({})): string {
  const current = new URL(hrefOfFile(rel), move.from).href;
  const archived = new URL(archiveHref(version, hrefOfFile(rel)), move.to).href;
  return movedAddresses(text, move, { from: current, to: archived });
}

/** An address's anchor as the id it names ("%C3%A5" → "å"); as written when it is not valid percent-encoding. */
function decodedAnchor(anchor: string): string {
  try {
    return decodeURIComponent(anchor);
  } catch {
    return anchor;
  }
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
  // Last, and with a real parser: what a stored page could carry that runs (scripts, handlers, javascript: links) goes.
  return sanitizeHtml(framedArchivedPage(html, page));
}

/** An archived page with its notice and archive links, before the sanitizer (the build caches what that makes of it). */
function framedArchivedPage(html: string, page: ArchivedPage): string {
  const current = page.inSite(page.rel)
    ? `<a href="${escapeXml(hrefOfFile(page.rel))}">Se siden slik den er nå</a> · `
    : "Siden finnes ikke lenger i gjeldende utgave. ";
  const notice =
    `<div class="archive-notice" role="note" data-archive-version="${escapeXml(page.version)}">` +
    `<p><strong>Arkivert kopi:</strong> siden slik den var i datautgave ${escapeXml(page.version)} (${formatDate(page.date)}). ` +
    `Tall og tekst er frosset og endres ikke.</p>` +
    `<p>${current}<a href="${sitePages.archive}">Alle arkiverte utgaver</a></p></div>`;
  const linked = withArchiveAddress(html, page.rel, page.version, page.move).replace(/<([a-z]+)\b[^>]*>/g, (tag, name: string) =>
    tag.replace(/\b(href|src)="(\/(?!\/)[^"]*)"/g, (whole, attr: string, href: string) => {
      if (href.startsWith(sitePages.archive)) return whole;
      const file = fileOfHref(href);
      if (page.inArchive(file)) {
        // A frozen page may point at an anchor its target never had (2026.12.0's figure list did); not a dead end.
        const [address, anchor] = href.split("#", 2) as [string, string | undefined];
        const kept = anchor === undefined || !page.hasAnchor || page.hasAnchor(file, decodedAnchor(anchor)) ? href : address;
        return `${attr}="${archiveHref(page.version, kept)}"`;
      }
      if (page.inSite(file)) return whole;
      // Neither archived nor on the site any more: keep the words, drop the dead link.
      return name === "a" ? 'aria-disabled="true"' : whole;
    }),
  );
  // A page stored from a preview build says so; what it says is this build's to say (added again below in a preview).
  const unmarked = linked.replace(previewNoticePattern, "").replace(/<meta name="robots"[^>]*>/g, "");
  const marked = site.preview
    ? unmarked
        .replace(/(<details class="cite"[^>]*>[\s\S]*?<\/dl>)/, (m) => `${m}${previewCitationNotice}`)
        .replace(/<footer class="site-footer"[^>]*>\s*<div class="wrap">/, (m) => `${m}${previewFooterNotice}`)
    : unmarked;
  const framed = marked
    .replace(/<meta property="og:image[^>]*>/g, "")
    .replace('<meta name="twitter:card" content="summary_large_image">', '<meta name="twitter:card" content="summary">')
    .replace(/<meta charset="utf-8"\s*\/?>/, (m) => `${m}${previewRobotsMeta}<style>${noticeStyle}</style>`)
    .replace(/<main\b[^>]*>/, (m) => `${m}${notice}`);
  return framed;
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
  const files = archives.flatMap((archive) => {
    const move = addressMoveOf(archive);
    const entries = Object.entries(archive.files);
    const pngs = new Set(entries.filter(([rel]) => /^figurer\/[^/]+\.svg$/.test(rel)).map(([rel]) => rel.replace(/\.svg$/, ".png")));
    const inArchive = (rel: string) => rel in archive.files || pngs.has(rel);
    const hasAnchor = (rel: string, id: string) => archive.files[rel]?.includes(`id="${escapeXml(id)}"`) ?? false;
    return entries.map(([rel, content]) => ({ archive, move, inArchive, hasAnchor, rel, content }));
  });
  // Some files in hand at a time: a build spends most of this stage waiting on the disk, one small file after another.
  await forEachInWindow(files, 16, async ({ archive, move, inArchive, hasAnchor, rel, content }) => {
    const out = path.join(siteDir, "arkiv", archive.version, rel);
    await mkdir(path.dirname(out), { recursive: true });
    if (rel.endsWith(".html")) {
      const framed = framedArchivedPage(content, { rel, version: archive.version, date: archive.date, inArchive, inSite, hasAnchor, move });
      await writeFile(out, await sanitizeHtmlCached(framed));
    } else if (/\.(bib|ris)$/.test(rel)) {
      await writeFile(out, movedAddresses(content.replace(/https?:\/\/[^\s}]+/g, (url) => archivedUrlOf(url, archive, move)), move));
    } else {
      // Every archived file is text (a figure's source line, a dataset's homepage may name the address).
      const moved = movedAddresses(content, move);
      await writeFile(out, moved);
      if (rel.endsWith(".svg") && rel.startsWith("figurer/")) {
        await writeFile(out.replace(/\.svg$/, ".png"), await pngOfSvg(moved));
      }
    }
  });
  const pages = files.filter((f) => f.rel.endsWith(".html")).length;
  return { releases: archives.length, pages };
}

/** A citation file names one page's address; in the archive it names the archived page's, at the configured address. */
function archivedUrlOf(url: string, archive: ReleaseArchive, move: AddressMove): string {
  const rel = fileOfHref(new URL(url).pathname);
  return url.startsWith(move.from) && rel in archive.files ? new URL(archiveHref(archive.version, hrefOfFile(rel)), move.to).href : url;
}
