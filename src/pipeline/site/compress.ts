import { createHash } from "node:crypto";
import { createReadStream, existsSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import zlib from "node:zlib";
import { forEachInWindow } from "../taskWindow.ts";
import { cachedFile, cacheStats } from "../../fileCache.ts";
import { unchangedLinker } from "./linkUnchanged.ts";
import { builtFiles } from "./builtPages.ts";
import { lastStamp, sameUnmodifiedFile, stampedFile, type LastStamp } from "../buildCache.ts";

/**
 * The text files of a built site, by extension: pages, styles, scripts, data, figures, feeds and citation files.
 * Not Pagefind's .pf_* and .pagefind files (compressed by Pagefind already), nor images, nor `_headers`/`_redirects`
 * (read by the host, not served).
 */
const textExtensions = new Set([".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".csv", ".txt", ".bib", ".ris"]);

/** A file the compress stage writes a .gz and a .br beside: "om/index.html" → true, "om/index.html.gz" → false. */
export const isCompressible = (rel: string): boolean => textExtensions.has(path.extname(rel));

/** A file the compress stage wrote: "om/index.html.gz", "data/x.csv.br". */
export const isPrecompressed = (rel: string): boolean => /\.(gz|br)$/.test(rel) && isCompressible(rel.slice(0, -3));

export const gzipLevel = zlib.constants.Z_BEST_COMPRESSION;
/**
 * Brotli's quality: 11 (its maximum) would add about two minutes at 1× on two cores (some 0.5 MB/s over 60 MB of text;
 * 9 is slower still than 10 here); 5 takes about 2 s of processor time and already comes out 8 % smaller than gzip at 9.
 * Brotli is for hosts that serve .br (nginx here cannot), so the build stays quick rather than squeezing the last 10 %.
 */
export const brotliQuality = 5;

/**
 * What the compressed copies are made with, recorded in the site's stamp: a rebuild links a copy from the last site only
 * when that site made it so (see compressSite).
 */
export const compressionSettings = `gzip level ${gzipLevel}; brotli quality ${brotliQuality}, text mode`;

// Output in larger pieces than zlib's 16 KB: fewer round trips to the thread pool for the large files.
const chunkSize = 64 * 1024;
const gzipOptions = { level: gzipLevel, chunkSize };
const brotliOptions = (size: number): zlib.BrotliOptions => ({
  chunkSize,
  params: {
    [zlib.constants.BROTLI_PARAM_QUALITY]: brotliQuality,
    [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
    [zlib.constants.BROTLI_PARAM_SIZE_HINT]: size,
  },
});

/**
 * Smaller files are sent as they are: under 1 KB a response fits in one packet compressed or not, and the 2,600 BibTeX
 * and RIS files at 1× would add 5,200 files (and a fifth of the stage's time) to save some 200 bytes each.
 */
export const smallestCompressed = 1024;

/** Larger files are read and compressed streamed, so a data file of hundreds of MB (at 100×) is never held whole. */
const streamAbove = 16 * 1024 * 1024;

export interface CompressReport {
  /** Text files compressed (of at least smallestCompressed bytes), and their size. */
  files: number;
  bytes: number;
  /** Text files too small to compress. */
  small: number;
  /** .gz and .br files written (a file whose compressed copy would not be smaller gets none). */
  gzFiles: number;
  brFiles: number;
  gzBytes: number;
  brBytes: number;
  /** .gz and .br files taken from the file cache: their file's bytes were compressed by an earlier build. */
  fromCache: number;
  /** .gz and .br files linked from the last built site, which had them byte for byte. */
  linked: number;
}

/** Where the compressed copies go: the site being built, linking what the last site has (src/pipeline/site/linkUnchanged.ts). */
type Target = ReturnType<typeof unchangedLinker>;

/** Writes `to` unless it would not be smaller than the file; returns its size, or undefined when not written. */
function writeSmaller(target: Target, to: string, made: Buffer, size: number): number | undefined {
  if (made.length >= size) return undefined;
  target.write(to, made);
  return made.length;
}

/** A file's bytes, or the path of a file too large to hold whole (read streamed). */
type Source = Buffer | string;
const streamOf = (source: Source) => (typeof source === "string" ? createReadStream(source) : Readable.from([source]));

/** The compressed copy; the copy itself (a tenth of the file or less) is held. */
async function compressed(source: Source, compressor: zlib.Gzip | zlib.BrotliCompress): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await pipeline(streamOf(source), compressor, async (out: AsyncIterable<Buffer>) => {
    for await (const chunk of out) chunks.push(chunk);
  });
  return Buffer.concat(chunks);
}

async function sha256Of(source: Source): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of streamOf(source)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/**
 * The copies of a file that is the last site's own file, unmodified (src/pipeline/buildCache.ts, sameUnmodifiedFile),
 * linked from that site without reading either: their sizes, undefined for a copy the last build did not make (not
 * smaller). Undefined altogether, and the file compressed as any other, when a copy the stamp lists is gone or was
 * modified since, or one it does not list is there.
 */
function linkCopiesOfUnchanged(target: Target, file: string, lastFile: string, last: LastStamp): [number | undefined, number | undefined] | undefined {
  if (!sameUnmodifiedFile(file, lastFile, last.writtenAt)) return undefined;
  const sizes: (number | undefined)[] = [];
  for (const ext of [".gz", ".br"]) {
    const copy = stampedFile(last, `${lastFile}${ext}`);
    if (copy === undefined) {
      if (existsSync(`${lastFile}${ext}`)) return undefined;
      sizes.push(undefined);
    } else if (copy.unmodified && target.link(`${file}${ext}`, `${lastFile}${ext}`)) sizes.push(copy.size);
    else return undefined;
  }
  return [sizes[0], sizes[1]];
}

async function compressFile(target: Target, file: string, size: number): Promise<[number | undefined, number | undefined]> {
  const source = size > streamAbove ? file : await readFile(file);
  // Keyed by the bytes (and the settings): after a small change most pages, every archived page and the large data
  // files (which took most of a rebuild's compress stage) are as they were.
  const key = await sha256Of(source);
  const [gz, br] = await Promise.all([
    cachedFile("gzip", `${gzipLevel} ${key}`, () => compressed(source, zlib.createGzip(gzipOptions))),
    cachedFile("brotli", `${brotliQuality} ${key}`, () => compressed(source, zlib.createBrotliCompress(brotliOptions(size)))),
  ]);
  return [writeSmaller(target, `${file}.gz`, gz, size), writeSmaller(target, `${file}.br`, br, size)];
}

/**
 * Compress stage: a .gz (gzip, level 9) and a .br (brotli) beside every text file of the built site, for servers that
 * send precompressed files (nginx's gzip_static, deploy/nginx.conf) instead of compressing on each request.
 * A file under 1 KB, or whose compressed copy would not be smaller, gets none. zlib works on libuv's threads; 16 files are
 * in hand at a time, as after a small change most copies come from the cache and the stage then waits on the disk (4 at a
 * time took a second longer at 10×).
 * The copies are kept in the file cache (src/fileCache.ts) by their files' bytes, so a rebuild compresses only what changed.
 */
export async function compressSite(siteDir: string, previousSite?: string): Promise<CompressReport> {
  const files = builtFiles(siteDir)
    .filter(isCompressible)
    .map((rel) => path.join(siteDir, rel));
  const report: CompressReport = { files: 0, bytes: 0, small: 0, gzFiles: 0, brFiles: 0, gzBytes: 0, brBytes: 0, fromCache: 0, linked: 0 };
  const last = await lastStamp(previousSite);
  const target = unchangedLinker(siteDir, previousSite, last);
  const hitsBefore = cacheStats.hits;
  // The last site's copies are linked only when they were made with the same settings as this build's.
  const linkable = last?.compression === compressionSettings ? last : undefined;
  await forEachInWindow(files, 16, async (file) => {
    // Synchronous, like the links of the copies: most files after a small change need no more than these calls.
    const { size } = statSync(file);
    if (size < smallestCompressed) return void report.small++;
    const rel = path.relative(siteDir, file).split(path.sep).join("/");
    const [gz, br] =
      (linkable && linkCopiesOfUnchanged(target, file, path.join(linkable.site, rel), linkable)) ?? (await compressFile(target, file, size));
    report.files++;
    report.bytes += size;
    if (gz !== undefined) (report.gzFiles++, (report.gzBytes += gz));
    if (br !== undefined) (report.brFiles++, (report.brBytes += br));
  });
  report.fromCache = cacheStats.hits - hitsBefore;
  report.linked = target.linked();
  return report;
}
