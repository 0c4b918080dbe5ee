import sharp from "sharp";
import { escapeXml } from "../../format.ts";
import { cachedFile } from "../../fileCache.ts";


/** Breaks a title into at most `maxLines` lines of about `width` characters, ending with "…" if cut. */
export function wrapTitle(title: string, width = 30, maxLines = 4): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of title.split(/\s+/)) {
    if (line && (line + " " + word).length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  return [...lines.slice(0, maxLines - 1), `${lines[maxLines - 1]!.slice(0, width - 1)}…`];
}

/** The preview images' kind of entry in the file cache. */
export const previewCacheKind = "preview";

// Stryker disable all: the drawing is sharp's, checked by a real build (test/build.test.ts); mutation testing leaves it out (test/MUTATION.md).
/**
 * The drawing of the 1200×630 image shown when a page is shared: site name, section, the page's title and the data
 * release. Everything the image shows is in it.
 */
export function previewSvg(options: { title: string; section: string; siteName: string; footer: string }): string {
  const lines = wrapTitle(options.title);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630">
  <rect width="1200" height="630" fill="#eef4fa"/>
  <rect x="0" y="0" width="24" height="630" fill="#1f5f99"/>
  <text x="80" y="110" font-family="DejaVu Sans, sans-serif" font-size="34" font-weight="bold" fill="#1f5f99">${escapeXml(options.siteName)}</text>
  <text x="80" y="170" font-family="DejaVu Sans, sans-serif" font-size="30" fill="#333">${escapeXml(options.section)}</text>
  ${lines.map((l, i) => `<text x="80" y="${270 + i * 72}" font-family="DejaVu Sans, sans-serif" font-size="58" font-weight="bold" fill="#111">${escapeXml(l)}</text>`).join("\n  ")}
  <text x="80" y="580" font-family="DejaVu Sans, sans-serif" font-size="26" fill="#333">${escapeXml(options.footer)}</text>
</svg>`;
  return svg;
}

const pngOptions = { compressionLevel: 6 };
/** What makes the image of an SVG besides the SVG: sharp and libvips, and the PNG settings. */
const previewDrawing = `sharp ${sharp.versions.sharp} vips ${sharp.versions.vips} png ${JSON.stringify(pngOptions)}`;

/** Everything a preview image is made from: its SVG and what draws it. The cache and the stamp (madeFrom) key the image by it. */
export const previewInput = (svg: string): string => `${previewDrawing}\n${svg}`;

/** The image drawn from its SVG (previewSvg) with the machine's own fonts (DejaVu Sans on Debian), so nothing is fetched while building. */
export function previewImage(svg: string): Promise<Buffer> {
  return cachedFile(previewCacheKind, previewInput(svg), () => sharp(Buffer.from(svg)).png(pngOptions).toBuffer());
}
// Stryker restore all
