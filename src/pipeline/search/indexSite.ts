import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, statSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { deserialize, serialize } from "node:v8";
import * as pagefind from "pagefind";
import { builtHtmlFiles } from "../site/builtPages.ts";
import { detached, indexedText, withoutIgnored } from "../site/pageText.ts";
import { searchTerms, wordsOf } from "./searchTerms.ts";
import { planBundles, type BundlePlan } from "./searchBundles.ts";
import { taskWindow } from "../taskWindow.ts";
import { codeVersion, readCached, writeCached } from "../../fileCache.ts";
import { addedWordsMarker } from "../../client/excerpt.ts";
import { fileOfHref, primarySearchBundleHref, searchBundleHref, searchBundlesFolderHref, sitePages } from "../../addresses.ts";
import { unchangedLinker } from "../site/linkUnchanged.ts";
import { builtFileHash, lastStamp } from "../buildCache.ts";

/** Where the search page finds the index's words, to correct a query's typos. */
export const wordListPath = fileOfHref(sitePages.searchWords);

export interface IndexReport {
  pages: number;
  words: number;
  bundles: number;
  /** Bundles whose pages were unchanged since a build that indexed them, taken from the cache. */
  bundlesFromCache: number;
  /** Files of the index linked from the last built site, which had them byte for byte. */
  linked: number;
}


/**
 * What Pagefind gets of a page: its language and its main element with the added words, without the header,
 * footer, chart drawings (their text is the chart's data table, which stays) and the parts Pagefind ignores, so the
 * index stage moves much less text to Pagefind's process, and a page whose ignored parts changed (a list of offers
 * on a listing page) gives the same document.
 */
export function searchDocument(html: string, extraIndexed: string): string {
  const main = /<main\b[\s\S]*<\/main>/.exec(html)?.[0];
  if (!main) return html;
  const lang = /<html[^>]*\blang="([^"]*)"/.exec(html)?.[1] ?? "nb";
  // The page's own description, shown as the result's text when the page matched only through added words.
  const description = /<meta name="description" content="([^"]*)"/.exec(html)?.[1] ?? "";
  const withoutDrawings = withoutIgnored(main.replace(/<svg\b[\s\S]*?<\/svg>/g, ""))
    // Attributes for the page's own scripts (a list item's data-text holds the offer's name), which Pagefind does not read.
    .replace(/\sdata-(?!pagefind-)[a-z0-9-]+(?:="[^"]*")?/g, "")
    // A space after each closing tag, so an excerpt never runs two cells or items together ("2019Psykiske").
    .replace(/<\/([a-z][a-z0-9]*)>/g, "</$1> ")
    .replace("</main> ", `${extraIndexed ? `<div>${addedWordsMarker}</div>${extraIndexed}` : ""}</main>`);
  return `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"></head><body><span data-pagefind-meta="description" hidden>${description}</span>${withoutDrawings}</body></html>`;
}

/** What the index gets of one page: the document for Pagefind, and the words counted for typo correction. */
export interface SearchInput {
  /** Undefined for a page not marked data-pagefind-body: Pagefind leaves it out when other pages are marked. */
  document?: string;
  words: string[];
}

/**
 * A page as the index gets it, with its synonyms and compound parts added to what is indexed (not to the page a
 * reader gets).
 */
export function searchInput(html: string): SearchInput {
  if (!/<main[^>]*data-pagefind-body/.test(html)) return { words: [] };
  const { text, heading, headingWeight } = indexedText(html);
  const words = wordsOf(text);
  const extra = searchTerms(text, words);
  const extraOfHeading = searchTerms(heading);
  // Words the heading implies ("fravær" in "Ventetid og sykefravær") weigh like the h1 (Pagefind gives an h1 7); the rest weigh
  // little, so a page that only gets a word this way ranks below pages that use the word itself.
  const extraIndexed = [
    extraOfHeading.length ? `<div data-pagefind-weight="${headingWeight}">${extraOfHeading.join(" ")}</div>` : "",
    extra.length ? `<div data-pagefind-weight="0.3">${extra.join(" ")}</div>` : "",
  ].join("");
  return { document: searchDocument(html, extraIndexed), words: [...words, ...extra] };
}

/**
 * The word list for typo correction, most frequent first: the search page corrects a typo to the first word of the
 * list within one edit, so the order decides between "lege" and "lyse" for "lyge".
 */
export function wordList(counts: Map<string, number>): Record<string, number> {
  // Equally frequent words alphabetically, so the list does not depend on the order the pages were read in.
  return Object.fromEntries([...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
}

// Stryker disable all: only a real build runs Pagefind (test/build.test.ts); mutation testing leaves this out (test/MUTATION.md).
/** What makes a bundle besides its pages: this code, the words it adds, and Pagefind. */
const indexerVersion = codeVersion(
  ["indexSite.ts", "searchTerms.ts", "vocabulary.ts", "searchBundles.ts", "../site/pageText.ts", "../../client/excerpt.ts"].map((f) => path.join(import.meta.dirname, f)),
  ["pagefind"],
);
const bundleCacheKind = "search-bundle";

/** A bundle as the cache keeps it: Pagefind's files, the page count and the words for typo correction. */
interface BundleFiles {
  files: [string, Uint8Array][];
  pages: number;
  words: [string, number][];
}

/** Pagefind's files a merged bundle needs: its entry, metadata and hashed folders (the script and WebAssembly are the primary's). */
const isIndexFile = (file: string) => /^(pagefind-entry\.json|[^/]+\.pf_meta|(fragment|index|filter)\/.+)$/.test(file);

/**
 * Indexes one bundle's pages in a Pagefind process of its own, and counts the words for typo correction.
 * Pagefind reports problems in a list rather than by throwing; any of them fails the build.
 */
async function indexBundle(plan: BundlePlan, inputs: Map<string, SearchInput>): Promise<BundleFiles> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index || errors.length) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
  const wordCounts = new Map<string, number>();
  let indexed = 0;
  // Several pages on their way to Pagefind's process at once: one at a time, the build mostly waited for its replies.
  const pagesBeingAdded = taskWindow(16);
  const problems: string[] = [];
  try {
    for (const file of plan.files) {
      const { document, words } = inputs.get(file)!;
      for (const word of words) {
        if (word.length < 3) continue;
        const count = wordCounts.get(word);
        if (count !== undefined) wordCounts.set(word, count + 1);
        else if (/^\p{L}+$/u.test(word)) wordCounts.set(detached(word), 1);
      }
      if (document === undefined) continue;
      await pagesBeingAdded.add(
        index.addHTMLFile({ sourcePath: file, content: document }).then((r) => void (r.errors.length && problems.push(`${file}: ${r.errors.join("; ")}`))),
      );
      indexed++;
    }
    await pagesBeingAdded.done();
    if (problems.length) throw new Error(`Pagefind could not index every page:\n- ${problems.join("\n- ")}`);
    const made = await index.getFiles();
    if (made.errors.length) throw new Error(`Pagefind could not write its index: ${made.errors.join("; ")}`);
    const keep = plan.name === "" ? () => true : isIndexFile;
    return { files: made.files.filter((f) => keep(f.path)).map((f) => [f.path, f.content]), pages: indexed, words: [...wordCounts] };
  } finally {
    // The process goes with its bundle, so the next bundle's process starts empty.
    await pagefind.close();
  }
}

const documentHashKind = "search-document-hashes";

/**
 * The hash of each page's search document by the hash of the page (as build stamps give it), as the last build left them: a page's document
 * is made again only when the page changed, yet a bundle is keyed by its documents, not its pages (a page whose
 * ignored parts changed, or whose bytes changed without its text, leaves its bundle as it was). One list for every
 * site built with this cache: a build of other data replaces it, which costs the next build here the parsing of its
 * pages, never a wrong key (a page's document hash depends only on the page and this code).
 */
async function lastDocumentHashes(): Promise<Map<string, string>> {
  const stored = await readCached(documentHashKind, indexerVersion);
  return new Map(stored ? (deserialize(stored) as [string, string][]) : []);
}

/** The bundles a built site's bundles.json lists besides the primary one; none when it has no such list. */
function listedBundles(site: string): string[] {
  try {
    const listed: unknown = JSON.parse(readFileSync(path.join(site, fileOfHref(sitePages.searchBundles)), "utf8"));
    return Array.isArray(listed) ? listed.filter((h): h is string => typeof h === "string") : [];
  } catch {
    return [];
  }
}

/**
 * Indexes every HTML page of the built site with Pagefind, bundle by bundle (src/pipeline/search/searchBundles.ts):
 * the primary bundle in pagefind/, the others in folders named by their inputs, listed in pagefind/bundles.json for
 * the search page to merge. A bundle whose pages, and this code, are as they were when the cache got it is taken
 * from the cache. Writes the word list for typo correction.
 */
export async function indexSite(siteDir: string, previousSite?: string): Promise<IndexReport> {
  const files = await builtHtmlFiles(siteDir);
  const sizes = [];
  for (const file of files) sizes.push({ file, bytes: statSync(path.join(siteDir, file)).size });
  const plans = planBundles(sizes);
  let bundlesFromCache = 0;
  const wordCounts = new Map<string, number>();
  const merged: string[] = [];
  let pages = 0;
  const last = await lastStamp(previousSite);
  const target = unchangedLinker(siteDir, previousSite, last);
  const lastBundles = previousSite === undefined ? [] : listedBundles(previousSite);
  const knownDocuments = await lastDocumentHashes();
  const documentHashes = new Map<string, string>();
  for (const plan of plans) {
    const made = new Map<string, SearchInput>();
    const key = createHash("sha256").update(`${indexerVersion}\n${plan.name}\n`);
    for (const file of plan.files) {
      // A page that is the very file of the last site has the hash that site's stamp gives it: not read again.
      const pageHash = builtFileHash(siteDir, file, last);
      let documentHash = knownDocuments.get(pageHash);
      if (documentHash === undefined) {
        const input = searchInput(readFileSync(path.join(siteDir, file), "utf8"));
        made.set(file, input);
        documentHash = input.document === undefined ? "-" : createHash("sha256").update(input.document).update("\0").update(input.words.join(" ")).digest("base64");
      }
      documentHashes.set(pageHash, documentHash);
      key.update(`${file}\n${documentHash}\n`);
    }
    const inputs = key.digest("hex");
    const cached = await readCached(bundleCacheKind, inputs);
    // A bundle just indexed is used as it is, not read back from what the cache keeps of it.
    const bundle = cached
      ? (deserialize(cached) as BundleFiles)
      : await indexBundle(plan, new Map(plan.files.map((file) => [file, made.get(file) ?? searchInput(readFileSync(path.join(siteDir, file), "utf8"))])));
    if (cached) bundlesFromCache++;
    else await writeCached(bundleCacheKind, inputs, serialize(bundle));
    const href = plan.name === "" ? primarySearchBundleHref : searchBundleHref(plan.name, inputs.slice(0, 10));
    const folder = path.join(siteDir, href);
    // Written one by one without the thread pool's round trips: a bundle is a thousand small files at 10×.
    const folders = new Set(bundle.files.map(([file]) => path.dirname(path.join(folder, file))));
    for (const dir of folders) mkdirSync(dir, { recursive: true });
    // Files the last site's bundle of the same name has as they are (most fragments: they are named by their content) are linked.
    const lastHref = plan.name === "" ? primarySearchBundleHref : lastBundles.find((h) => h.startsWith(`${searchBundlesFolderHref}${plan.name}-`));
    const lastFolder = previousSite === undefined ? undefined : path.join(previousSite, lastHref ?? href);
    for (const [file, content] of bundle.files) target.write(path.join(folder, file), content, lastFolder && path.join(lastFolder, file));
    if (plan.name !== "") merged.push(href);
    pages += bundle.pages;
    for (const [word, count] of bundle.words) wordCounts.set(word, (wordCounts.get(word) ?? 0) + count);
  }
  await writeCached(documentHashKind, indexerVersion, serialize([...documentHashes]));
  await writeFile(path.join(siteDir, fileOfHref(sitePages.searchBundles)), JSON.stringify(merged));
  await writeFile(path.join(siteDir, wordListPath), JSON.stringify(wordList(wordCounts)));
  return { pages, words: wordCounts.size, bundles: plans.length, bundlesFromCache, linked: target.linked() };
}
// Stryker restore all
