import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { hrefOfFile } from "../site/builtPages.ts";

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
  /** Built files by path in the site, e.g. "tilbud/x/index.html"; all text. */
  files: Record<string, string>;
}

/** Where a data folder keeps its archived releases. */
export const archiveDirOf = (dataDir: string) => path.join(dataDir, "arkiv");

/**
 * Which built files an archive keeps: the pages and every file they offer for download, but not search,
 * preview images, scripts or the PNG figures (made again from the archived SVGs).
 */
export function isArchived(rel: string): boolean {
  // Tool pages (search, the patient list) are not content a citation points at.
  if (/^(arkiv|sok|pagefind|delingsbilder)\//.test(rel) || rel === "404.html" || rel === "tilbud/pasientliste/index.html") return false;
  if (rel.startsWith("_astro/")) return rel.endsWith(".css");
  return /\.(html|csv|bib|ris)$/.test(rel) || /^figurer\/[^/]+\.svg$/.test(rel) || /^data\/(?:hsds\/)?[^/]+\.json$/.test(rel);
}

/** The address of a page in a release's archive: ("2026.11.0", "/tilbud/x/") → "/arkiv/2026.11.0/tilbud/x/". */
export const archiveHref = (version: string, href = "/"): string => `/arkiv/${version}${href}`;

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
 * What is wrong with an archive's contents, or undefined: a release number, and file keys that are plain relative
 * paths below the release (no "..", no absolute path, no backslash), so publishing can never write outside its folder.
 */
export function archiveProblem(archive: ReleaseArchive): string | undefined {
  if (typeof archive.version !== "string" || !releaseVersion.test(archive.version)) {
    return `version ${JSON.stringify(archive.version)} is not a release number such as 2026.12.0`;
  }
  if (typeof archive.files !== "object" || archive.files === null) return "has no files";
  for (const [key, content] of Object.entries(archive.files)) {
    const plain = /^[\w][\w.-]*(?:\/[\w][\w.-]*)*$/.test(key);
    if (!plain) return `file key ${JSON.stringify(key)} is not a relative path below the release`;
    if (!isArchived(key)) return `file key ${JSON.stringify(key)} is not a kind of file an archive holds`;
    if (typeof content !== "string") return `file ${key} is not text`;
  }
  return undefined;
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
    archives.push(archive);
  }
  return archives;
}

export async function writeArchive(dataDir: string, archive: ReleaseArchive): Promise<string> {
  const dir = archiveDirOf(dataDir);
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${archive.version}.json.gz`);
  await writeFile(file, gzipSync(JSON.stringify(archive), { level: 9 }));
  return file;
}

/** What the pages need to know of the archive: the releases, their pages, and whether one shows today's data. */
export interface ArchiveSummary {
  releases: { version: string; date: string; pages: string[]; showsCurrentData: boolean }[];
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
