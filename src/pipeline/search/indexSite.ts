import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import * as pagefind from "pagefind";
import { builtHtmlFiles } from "../site/builtPages.ts";
import { detached, indexedText } from "../site/pageText.ts";
import { searchTerms, wordsOf } from "./searchTerms.ts";
import { taskWindow } from "../taskWindow.ts";
import { addedWordsMarker } from "../../client/excerpt.ts";
import { fileOfHref, sitePages } from "../../addresses.ts";

/** Where the search page finds the index's words, to correct a query's typos. */
export const wordListPath = fileOfHref(sitePages.searchWords);

export interface IndexReport {
  pages: number;
  words: number;
}


/**
 * What Pagefind gets of a page: its language and its main element with the added words, without the header,
 * footer and chart drawings (their text is the chart's data table, which stays), so the index stage moves much
 * less text to Pagefind's process.
 */
export function searchDocument(html: string, extraIndexed: string): string {
  const main = /<main\b[\s\S]*<\/main>/.exec(html)?.[0];
  if (!main) return html;
  const lang = /<html[^>]*\blang="([^"]*)"/.exec(html)?.[1] ?? "nb";
  // The page's own description, shown as the result's text when the page matched only through added words.
  const description = /<meta name="description" content="([^"]*)"/.exec(html)?.[1] ?? "";
  const withoutDrawings = main
    .replace(/<svg\b[\s\S]*?<\/svg>/g, "")
    // A space after each closing tag, so an excerpt never runs two cells or items together ("2019Psykiske").
    .replace(/<\/([a-z][a-z0-9]*)>/g, "</$1> ")
    .replace("</main> ", `${extraIndexed ? `<div>${addedWordsMarker}</div>${extraIndexed}` : ""}</main>`);
  return `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"></head><body><span data-pagefind-meta="description" hidden>${description}</span>${withoutDrawings}</body></html>`;
}

/**
 * The word list for typo correction, most frequent first: the search page corrects a typo to the first word of the
 * list within one edit, so the order decides between "lege" and "lyse" for "lyge".
 */
export function wordList(counts: Map<string, number>): Record<string, number> {
  return Object.fromEntries([...counts].sort((a, b) => b[1] - a[1]));
}

// Stryker disable all: only a real build runs Pagefind (test/build.test.ts); mutation testing leaves this out (test/MUTATION.md).
/**
 * Indexes every HTML page of the built site with Pagefind, adding each page's synonyms and compound
 * parts to what is indexed (not to the page a reader gets), and writes the word list for typo correction.
 * Pagefind reports problems in a list rather than by throwing; any of them fails the build.
 */
export async function indexSite(siteDir: string): Promise<IndexReport> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index || errors.length) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
  const wordCounts = new Map<string, number>();
  let pages = 0;
  // Several pages on their way to Pagefind's process at once: one at a time, the build mostly waited for its replies.
  const pagesBeingAdded = taskWindow(16);
  const problems: string[] = [];
  try {
    const files = await builtHtmlFiles(siteDir);
    for (const file of files) {
      const html = await readFile(path.join(siteDir, file), "utf8");
      const { text, heading, headingWeight } = indexedText(html);
      const words = wordsOf(text);
      const extra = searchTerms(text, words);
      const extraOfHeading = searchTerms(heading);
      for (const word of [...words, ...extra]) {
        if (word.length < 3) continue;
        const count = wordCounts.get(word);
        if (count !== undefined) wordCounts.set(word, count + 1);
        else if (/^\p{L}+$/u.test(word)) wordCounts.set(detached(word), 1);
      }
      // Words the heading implies ("fravær" in "Ventetid og sykefravær") weigh like the h1 (Pagefind gives an h1 7); the rest weigh
      // little, so a page that only gets a word this way ranks below pages that use the word itself.
      const extraIndexed = [
        extraOfHeading.length ? `<div data-pagefind-weight="${headingWeight}">${extraOfHeading.join(" ")}</div>` : "",
        extra.length ? `<div data-pagefind-weight="0.3">${extra.join(" ")}</div>` : "",
      ].join("");
      const content = searchDocument(html, extraIndexed);
      await pagesBeingAdded.add(
        index.addHTMLFile({ sourcePath: file, content }).then((r) => void (r.errors.length && problems.push(`${file}: ${r.errors.join("; ")}`))),
      );
      if (html.includes("data-pagefind-body")) pages++;
    }
    await pagesBeingAdded.done();
    if (problems.length) throw new Error(`Pagefind could not index every page:\n- ${problems.join("\n- ")}`);
    const written = await index.writeFiles({ outputPath: path.join(siteDir, "pagefind") });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
  } finally {
    await pagefind.close();
  }
  const words = wordList(wordCounts);
  await writeFile(path.join(siteDir, wordListPath), JSON.stringify(words));
  return { pages, words: wordCounts.size };
}
// Stryker restore all
