import { readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { citationFileHref, fileOfHref, previewImageHref, sitePages } from "../../addresses.ts";
import { bibtex, citationOf, ris } from "../../citation.ts";
import { escapeXml } from "../../format.ts";
import { dataRelease, site } from "../../site.ts";
import { builtHtmlFiles } from "./builtPages.ts";
import { detached, metaContent } from "./pageText.ts";
import { previewCacheKind, previewImage, previewInput, previewSvg } from "./previewImage.ts";
import { contentHash } from "../../generatedHashes.ts";
import { cacheStats } from "../../fileCache.ts";
import { lastStamp } from "../buildCache.ts";
import { taskWindow } from "../taskWindow.ts";
import { unchangedLinker } from "./linkUnchanged.ts";

export interface SiteFilesReport {
  citations: number;
  images: number;
  /** Preview images whose title, section and release were unchanged, taken from the file cache. */
  imagesFromCache: number;
  /** Preview images the last site made from the same drawing, linked from it (counted in `linked` too). */
  imagesLinked: number;
  sitemapUrls: number;
  /** Charts on the built pages (figure.chart), for the build's report: this stage reads every page anyway. */
  charts: number;
  /** Citation files and preview images linked from the last built site, which had them byte for byte. */
  linked: number;
  /** What each preview image was made from (a hash of its drawing and the code that draws it), for the stamp (BuildStamp.madeFrom). */
  madeFrom: Record<string, string>;
}


/**
 * After the Astro build: a BibTeX and a RIS file and a preview image for every page with a citation block, and sitemap.xml.
 * Both are read from the built pages themselves (their citation_* tags), so they can never disagree.
 */
export async function writeSiteFiles(siteDir: string, previousSite?: string): Promise<SiteFilesReport> {
  const files = await builtHtmlFiles(siteDir);
  await mkdir(path.join(siteDir, "sitering"), { recursive: true });
  await mkdir(path.join(siteDir, "delingsbilder"), { recursive: true });
  const urls: string[] = [];
  // A few images at a time: sharp works on its own threads, and thousands of images queued at once held
  // every SVG and PNG in memory together (the peak of the 10× bench).
  const imagesBeingMade = taskWindow(4);
  let images = 0;
  let imagesLinked = 0;
  let charts = 0;
  // The index stage runs beside this one and uses the cache too: only the preview images' hits count here.
  const imageHits = () => cacheStats.hitsByKind.get(previewCacheKind) ?? 0;
  const hitsBefore = imageHits();
  // Citation files and preview images are named by the page's path flattened to one word; two pages must never share one.
  const pageOfFileBase = new Map<string, string>();
  const { write, linkMade, linked, madeFrom } = unchangedLinker(siteDir, previousSite, await lastStamp(previousSite));
  try {
    for (const file of files) {
      // Read synchronously: thousands of small pages spent more time in the thread pool's round trips than in the reads.
      const html = readFileSync(path.join(siteDir, file), "utf8");
      charts += (html.match(/<figure class="chart"/g) ?? []).length;
      if (!html.includes('<details class="cite"')) continue;
      const title = metaContent(html, "citation_title");
      const url = metaContent(html, "citation_public_url");
      if (!title || !url) throw new Error(`${file} has a citation block but no citation_title or citation_public_url`);
      const citation = citationOf(title, url);
      const pathname = new URL(url).pathname;
      const bibFile = citationFileHref(pathname, "bib");
      const other = pageOfFileBase.get(bibFile);
      if (other !== undefined && other !== pathname) {
        throw new Error(`${pathname} and ${other} would share the citation files ${bibFile}/.ris and their preview image; expected addresses that differ after flattening`);
      }
      pageOfFileBase.set(bibFile, pathname);
      write(path.join(siteDir, fileOfHref(bibFile)), bibtex(citation));
      write(path.join(siteDir, fileOfHref(citationFileHref(pathname, "ris"))), ris(citation));
      const section = /<a href="[^"]*" aria-current="page">([^<]*)<\/a>/.exec(html)?.[1]?.trim() ?? site.shortName;
      const imageFile = path.join(siteDir, fileOfHref(previewImageHref(pathname)));
      const svg = previewSvg({ title, section, siteName: site.name, footer: `Datautgave ${dataRelease.version} · ${new URL(url).host}` });
      // An image the last site made from the same drawing is linked without reading it or the cache.
      if (linkMade(imageFile, contentHash(previewInput(svg)).slice(0, 32))) imagesLinked++;
      else await imagesBeingMade.add(previewImage(svg).then((png) => write(imageFile, png)));
      images++;
      urls.push(detached(url));
    }
  } catch (error) {
    // Images still being made would write into a folder the build is about to remove.
    await imagesBeingMade.done().catch(() => undefined);
    throw error;
  }
  await imagesBeingMade.done();
  const sitemap = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls.map((u) => `  <url><loc>${escapeXml(u)}</loc><lastmod>${dataRelease.date}</lastmod></url>`),
    "</urlset>",
    "",
  ].join("\n");
  await writeFile(path.join(siteDir, fileOfHref(sitePages.sitemap)), sitemap);
  return { citations: urls.length, images, imagesFromCache: imageHits() - hitsBefore, imagesLinked, sitemapUrls: urls.length, charts, linked: linked(), madeFrom: madeFrom() };
}
