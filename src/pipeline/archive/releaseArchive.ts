import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { fileOfHref, hrefOfFile, sitePages } from "../../addresses.ts";
import type { ArchiveSummary } from "../../model/archiveSummary.ts";
import { defaultFeedbackEmail, parseEmail, parseSiteUrl, placeholderUrl, SiteConfigError } from "../../siteConfig.ts";

/**
 * A frozen copy of the built site as it was for one data release, kept in data/arkiv/<version>.json.gz
 * and published under /arkiv/<version>/. The pages are stored as built and are never rebuilt, so a
 * dated citation keeps pointing at exactly what was cited, whatever the code does later.
 */
export interface ReleaseArchive {
  version: string;
  /** Release date, YYYY-MM-DD. */
  date: string;
  /** Hash of the CSV files the archived site was built from (see dataHash). */
  dataHash: string;
  /** The commit the archived site was built from, where known. */
  commit?: string;
  /**
   * The address the archived site was built at (SITE_URL then, e.g. "https://helseogarbeid.example.no/"), which its pages
   * name; publishing maps it to the configured address. Archives made before it was stored were built at the placeholder.
   */
  origin?: string;
  /** The feedback e-mail the archived pages name; by default redaksjonen@<the origin's host>. */
  feedbackEmail?: string;
  /** Built files by path in the site, e.g. "tilbud/x/index.html"; all text. */
  files: Record<string, string>;
}

/** The address an archive's pages name: the one it was built at (placeholderUrl for archives made before that was stored). */
export const originOf = (archive: Pick<ReleaseArchive, "origin">): string => archive.origin ?? placeholderUrl;

/** The feedback e-mail an archive's pages name. */
export const feedbackEmailOf = (archive: Pick<ReleaseArchive, "origin" | "feedbackEmail">): string =>
  archive.feedbackEmail ?? defaultFeedbackEmail(originOf(archive));

/** Where a data folder keeps its archived releases. */
export const archiveDirOf = (dataDir: string) => path.join(dataDir, "arkiv");

/**
 * Which built files an archive keeps: the pages and every file they offer for download, but not search,
 * preview images, scripts or the PNG figures (made again from the archived SVGs).
 */
export function isArchived(rel: string): boolean {
  // Tool pages (search, the patient list) are not content a citation points at.
  if (/^(arkiv|sok|pagefind|delingsbilder)\//.test(rel) || rel === "404.html" || rel === fileOfHref(sitePages.patientList)) return false;
  if (rel.startsWith("_astro/")) return rel.endsWith(".css");
  return /\.(html|csv|bib|ris)$/.test(rel) || /^figurer\/[^/]+\.svg$/.test(rel) || /^data\/(?:hsds\/)?[^/]+\.json$/.test(rel);
}

/** One hash over the CSV files of a data folder (names and bytes), to tell whether an archive shows the current data. */
export async function dataHash(dataDir: string): Promise<string> {
  const files = (await readdir(dataDir)).filter((f) => f.endsWith(".csv")).sort();
  const hash = createHash("sha256");
  for (const file of files) {
    hash.update(file);
    hash.update(await readFile(path.join(dataDir, file)));
  }
  return hash.digest("hex").slice(0, 16);
}

/** A release number as src/site.ts writes it, e.g. "2026.12.0". */
const releaseVersion = /^\d{4}\.\d{1,2}\.\d{1,3}$/;

/**
 * What in an SVG figure could run script, or undefined. The figure is published as it is and runs as a document of the
 * site when opened on its own, so it is refused, not repaired, and a plain text check is enough. Character references
 * are read first ("javascript&#58;"), and an entity declaration is refused since it could spell any of these.
 */
export function svgProblem(svg: string): string | undefined {
  const text = svg.replace(/&#(x[0-9a-f]+|\d+);?/gi, (_, code: string) => {
    const point = code[0] === "x" || code[0] === "X" ? parseInt(code.slice(1), 16) : parseInt(code, 10);
    return point <= 0x10ffff ? String.fromCodePoint(point) : "";
  });
  if (/<(?:[\w.-]+:)?script\b/i.test(text)) return "has a script element";
  if (/[\s"'/]on[\w-]+\s*=/i.test(text)) return "has an event handler attribute (on…=)";
  // Browsers skip whitespace and control characters inside a scheme ("java\tscript:").
  if (/javascript:/i.test(text.replace(/[\u0000-\u0020\u007f-\u009f]/g, ""))) return "has a javascript: URL";
  if (/<!ENTITY/i.test(text)) return "declares an entity";
  return undefined;
}

/**
 * What is wrong with an archive's contents, or undefined: a release number, file keys that are plain relative
 * paths below the release (no "..", no absolute path, no backslash), so publishing can never write outside its folder,
 * and SVG figures that run nothing.
 */
export function archiveProblem(archive: ReleaseArchive): string | undefined {
  if (typeof archive.version !== "string" || !releaseVersion.test(archive.version)) {
    return `version ${JSON.stringify(archive.version)} is not a release number such as 2026.12.0`;
  }
  if (typeof archive.files !== "object" || archive.files === null) return "has no files";
  // The origin is replaced in every page when publishing, so it must be an address as SITE_URL gives it (ending in "/").
  if (archive.origin !== undefined && !isNormalised(archive.origin, parseSiteUrl)) {
    return `origin ${JSON.stringify(archive.origin)} is not a site address such as ${placeholderUrl}`;
  }
  if (archive.feedbackEmail !== undefined && !isNormalised(archive.feedbackEmail, parseEmail)) {
    return `feedbackEmail ${JSON.stringify(archive.feedbackEmail)} is not an e-mail address`;
  }
  for (const [key, content] of Object.entries(archive.files)) {
    const plain = /^[\w][\w.-]*(?:\/[\w][\w.-]*)*$/.test(key);
    if (!plain) return `file key ${JSON.stringify(key)} is not a relative path below the release`;
    if (!isArchived(key)) return `file key ${JSON.stringify(key)} is not a kind of file an archive holds`;
    if (typeof content !== "string") return `file ${key} is not text`;
    const svg = key.endsWith(".svg") ? svgProblem(content) : undefined;
    if (svg) return `file ${key} ${svg}; an archived SVG must not run script`;
  }
  return undefined;
}

/** Is the value a string that the parser takes as it is? */
function isNormalised(value: unknown, parse: (value: string) => string): boolean {
  try {
    return typeof value === "string" && parse(value) === value;
  } catch (error) {
    if (error instanceof SiteConfigError) return false;
    throw error;
  }
}

/** The manifest beside an archive: data/arkiv/<version>.manifest.txt. */
export const manifestFileOf = (dataDir: string, version: string) => path.join(archiveDirOf(dataDir), `${version}.manifest.txt`);

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/**
 * The archive as text a reviewer can read in a diff (the .json.gz is binary): a header line with the release, then
 * "<sha256 of the content>  <key>" per file, sorted by key.
 */
export function archiveManifest(archive: ReleaseArchive): string {
  // The address (and feedback e-mail) the pages name, when stored: archives from before that have the header they were made with.
  const address = (archive.origin === undefined ? "" : ` origin ${archive.origin}`) + (archive.feedbackEmail === undefined ? "" : ` feedbackEmail ${archive.feedbackEmail}`);
  const header = `version ${archive.version} date ${archive.date} dataHash ${archive.dataHash} commit ${archive.commit ?? "-"}${address}`;
  // Sorted by code unit, not locale, so the order is the same on every machine.
  const keys = Object.keys(archive.files).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return [header, ...keys.map((key) => `${sha256(archive.files[key]!)}  ${key}`)].join("\n") + "\n";
}

/** How a manifest differs from the manifest the archive makes, naming keys and the header; empty when they agree. */
function manifestDifferences(stored: string, expected: string): string[] {
  const linesOf = (text: string) => text.split("\n").filter((line) => line !== "");
  const [storedHeader = "", ...storedLines] = linesOf(stored);
  const [expectedHeader = "", ...expectedLines] = linesOf(expected);
  const hashes = (lines: string[]) => new Map(lines.map((line) => [line.slice(line.indexOf("  ") + 2), line.slice(0, line.indexOf("  "))]));
  const listed = hashes(storedLines);
  const actual = hashes(expectedLines);
  const differences: string[] = [];
  if (storedHeader !== expectedHeader) differences.push(`header is "${storedHeader}", the archive says "${expectedHeader}"`);
  for (const [key, hash] of actual) {
    if (!listed.has(key)) differences.push(`file ${key} is in the archive but not in the manifest`);
    else if (listed.get(key) !== hash) differences.push(`file ${key} has other content than the manifest lists`);
  }
  for (const key of listed.keys()) if (!actual.has(key)) differences.push(`file ${key} is in the manifest but not in the archive`);
  // Same entries in another order or layout: still not the manifest the archive makes.
  if (differences.length === 0 && stored !== expected) differences.push("lines are not one per file, sorted by key, as archiveManifest writes them");
  return differences;
}

export async function readArchives(dataDir: string): Promise<ReleaseArchive[]> {
  const dir = archiveDirOf(dataDir);
  const names = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith(".json.gz")).sort();
  const archives: ReleaseArchive[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    let archive: ReleaseArchive;
    try {
      archive = JSON.parse(gunzipSync(await readFile(file)).toString("utf8")) as ReleaseArchive;
    } catch (error) {
      throw new Error(`${file} is not a gzipped JSON archive: ${(error as Error).message}`);
    }
    const problem = archiveProblem(archive);
    if (problem) throw new Error(`${file}: ${problem}`);
    if (`${archive.version}.json.gz` !== name) throw new Error(`${file} holds release ${archive.version}; the file must be named ${archive.version}.json.gz`);
    // The manifest is what review sees of the archive, so the archive is published only as the manifest shows it.
    const manifestFile = manifestFileOf(dataDir, archive.version);
    const manifest = await readFile(manifestFile, "utf8").catch(() => undefined);
    if (manifest === undefined) throw new Error(`${file} has no manifest ${path.basename(manifestFile)} beside it; npm run archive writes both`);
    // A checkout with core.autocrlf turns a text file's line ends into CRLF; that is not a change to the archive.
    const differences = manifestDifferences(manifest.replace(/\r\n/g, "\n"), archiveManifest(archive));
    if (differences.length > 0) {
      const shown = differences.slice(0, 10).map((d) => `\n- ${d}`).join("") + (differences.length > 10 ? `\n- and ${differences.length - 10} more` : "");
      throw new Error(`${file} does not match its manifest ${path.basename(manifestFile)}:${shown}`);
    }
    archives.push(archive);
  }
  return archives;
}

/** Writes the archive and its manifest beside it; returns the archive's path. */
export async function writeArchive(dataDir: string, archive: ReleaseArchive): Promise<string> {
  const dir = archiveDirOf(dataDir);
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${archive.version}.json.gz`);
  await writeFile(file, gzipSync(JSON.stringify(archive), { level: 9 }));
  await writeFile(manifestFileOf(dataDir, archive.version), archiveManifest(archive));
  return file;
}

export function summarize(archives: ReleaseArchive[], currentDataHash: string): ArchiveSummary {
  return {
    releases: archives
      .map((a) => ({
        version: a.version,
        date: a.date,
        pages: Object.keys(a.files).filter((rel) => rel.endsWith(".html")).map(hrefOfFile),
        showsCurrentData: a.dataHash === currentDataHash,
      }))
      .sort((a, b) => b.date.localeCompare(a.date) || b.version.localeCompare(a.version)),
  };
}
