import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { LoadedData } from "../loadData.ts";
import type { ValidatedDataset } from "../validate/validate.ts";
import { hrefOfFile } from "../../addresses.ts";
import { builtHtmlFiles } from "../site/builtPages.ts";
import { decodeEntities } from "../site/pageText.ts";

/**
 * The own-words rule: facts carry over from the seeds, their sentences do not. A run of this many
 * consecutive words that also stands in a seed counts as copied.
 */
export const copiedRunWords = 9;

/**
 * Words as the rule counts them: letters and digits, lower case; a word split by a line-end hyphen is one word.
 * A web address is a name, not a sentence, so its words do not count.
 */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().replace(/-\n/g, "").replace(/\bhttps?:\/\/\S+/g, " ").match(/[0-9a-zæøåäöüéèàóò]+/g) ?? [];
}

export interface SeedText {
  /** e.g. "002_86e99589951c7856.txt" */
  file: string;
  text: string;
}

export interface CopiedRun {
  /** The shared words, as they stand in our text (lower case). */
  run: string;
  /** The seed file and the line the run starts on there. */
  seed: string;
  line: number;
}

/**
 * Names and titles may stand as printed, so the strict check leaves them out; all text together, them included, may
 * still not repeat the seeds by more than this share of its characters (the standing check's limit).
 */
export const copiedShareLimitPercent = 1;

/** Characters in copied runs, and all characters, of a body of text. */
export interface Share {
  copied: number;
  total: number;
}

const addShares = (shares: Share[]): Share =>
  shares.reduce((sum, s) => ({ copied: sum.copied + s.copied, total: sum.total + s.total }), { copied: 0, total: 0 });

export const percentOf = (share: Share) => (share.total === 0 ? 0 : (100 * share.copied) / share.total);

/** Every run of `copiedRunWords` words of the seeds, each with where it first stands. */
export class SeedIndex {
  private readonly runs = new Map<string, { seed: string; line: number }>();
  private readonly size: number;

  constructor(seeds: SeedText[], size = copiedRunWords) {
    this.size = size;
    for (const { file, text } of seeds) {
      const words: string[] = [];
      const lines: number[] = [];
      // A word split by a line-end hyphen is joined on its first line; the empty line left behind keeps later lines' numbers.
      text.replace(/-\n([^\n]*)/g, "$1\n").split("\n").forEach((lineText, i) => {
        for (const w of wordsOf(lineText)) {
          words.push(w);
          lines.push(i + 1);
        }
      });
      for (let i = 0; i + size <= words.length; i++) {
        const key = words.slice(i, i + size).join(" ");
        if (!this.runs.has(key)) this.runs.set(key, { seed: file, line: lines[i]! });
      }
    }
  }

  /** Characters of a text in copied runs, and in all, counted on its words (each word and one space). */
  copiedCharacters(text: string): Share {
    const total = wordsOf(text).reduce((n, w) => n + w.length + 1, 0);
    return { copied: this.copiedRuns(text).reduce((n, r) => n + r.run.length + 1, 0), total };
  }

  /** The copied runs of a text, overlapping runs merged into one; empty when the text is its own. */
  copiedRuns(text: string): CopiedRun[] {
    const words = wordsOf(text);
    const found: CopiedRun[] = [];
    let coveredTo = -1;
    for (let i = 0; i + this.size <= words.length; i++) {
      const at = this.runs.get(words.slice(i, i + this.size).join(" "));
      if (!at) continue;
      const last = found[found.length - 1];
      const end = i + this.size;
      // A longer copied passage is one finding, not one per word it slides over.
      if (last && i <= coveredTo) last.run = `${last.run} ${words.slice(coveredTo + 1, end).join(" ")}`;
      else found.push({ run: words.slice(i, end).join(" "), ...at });
      coveredTo = end - 1;
    }
    return found;
  }
}

export async function readSeeds(seedsDir: string): Promise<SeedText[]> {
  const files = (await readdir(seedsDir)).filter((f) => f.endsWith(".txt")).sort();
  return Promise.all(files.map(async (file) => ({ file, text: await readFile(path.join(seedsDir, file), "utf8") })));
}

/** Pointer columns of every dataset: where a fact stands, never text of ours or the seed's. */
const pointerColumns = new Set(["source_id", "source_location", "source_line", "source_line_last"]);

/** Problems as `file:line:column: …`, one per cell that shares a run with a seed outside the columns allowed as printed. */
export function copiedCells(data: LoadedData, seeds: SeedIndex): string[] {
  const problems: string[] = [];
  for (const dataset of Object.values(data) as ValidatedDataset[]) {
    const asPrinted = new Set(dataset.dataset.asPrinted ?? []);
    for (const { line, record } of dataset.rows) {
      for (const [column, value] of Object.entries(record as Record<string, unknown>)) {
        if (typeof value !== "string" || asPrinted.has(column) || pointerColumns.has(column)) continue;
        for (const run of seeds.copiedRuns(value)) problems.push(`${dataset.file}:${line}:${column}: ${describe(run)}`);
      }
    }
  }
  return problems;
}

/** The share of copied text in every text cell of data/, the columns allowed as printed included (pointers aside). */
export function copiedShareOfData(data: LoadedData, seeds: SeedIndex): Share {
  const shares: Share[] = [];
  for (const dataset of Object.values(data) as ValidatedDataset[]) {
    for (const { record } of dataset.rows) {
      for (const [column, value] of Object.entries(record as Record<string, unknown>)) {
        if (typeof value === "string" && !pointerColumns.has(column)) shares.push(seeds.copiedCharacters(withoutTitleLines(value)));
      }
    }
  }
  return addShares(shares);
}

export const describe = (run: CopiedRun) =>
  `shares "${run.run}" with the seed ${run.seed} (line ${run.line}); write it in our own words (names, titles, numbers and certainty phrases of at most 8 words may stand as printed)`;

/**
 * Elements whose text is not prose: table cells are facts and labels; drawings and code are not read; a <cite> is the
 * title of a work, and an element marked data-as-printed holds a name as the source prints it (a provider, a list of
 * places). Each counts as a break between blocks.
 */
const notText = /<(table|script|style|svg|noscript|template)\b[\s\S]*?<\/\1>/g;
const asPrinted = /<(cite)\b[\s\S]*?<\/\1>|<(\w+)\b[^>]*\bdata-as-printed\b[^>]*>[\s\S]*?<\/\2>/g;
const blockTag = /<\/?(?:p|li|div|h[1-6]|dd|dt|br|blockquote|figcaption|section|tr)\b[^>]*>/g;
/** A line that opens with a table's or figure's own name is its title, which may stand as printed. */
const titleLine = /^\s*(tabell|table|figur|figure)\s+[0-9]/i;
const withoutTitleLines = (text: string) =>
  text
    .split("\n")
    .filter((line) => !titleLine.test(line))
    .join("\n");

/**
 * The prose of a built page's <main>, one block per line, without tables, drawings and title lines; without the
 * names and titles that stand as printed too, unless `withAsPrinted`.
 */
export function pageProse(html: string, { withAsPrinted = false } = {}): string {
  const main = /<main\b[^>]*>([\s\S]*)<\/main>/.exec(html)?.[1] ?? "";
  const text = main.replace(notText, "\n");
  return withoutTitleLines(decodeEntities((withAsPrinted ? text : text.replace(asPrinted, "\n")).replace(blockTag, "\n").replace(/<[^>]+>/g, "")));
}

/** Problems as `/address/: …`, one per copied run on a built page (frozen archives and the search index aside). */
export async function copiedOnPages(siteDir: string, seeds: SeedIndex): Promise<{ pages: number; problems: string[]; share: Share }> {
  const files = (await builtHtmlFiles(siteDir)).filter((f) => !/^(arkiv|pagefind)\//.test(f));
  const problems: string[] = [];
  const shares: Share[] = [];
  for (const file of files) {
    const html = await readFile(path.join(siteDir, file), "utf8");
    // A run is counted within one block (paragraph, list item, heading): words in two blocks are not one sentence.
    for (const block of pageProse(html).split("\n")) {
      for (const run of seeds.copiedRuns(block)) problems.push(`${hrefOfFile(file)}: ${describe(run)}`);
    }
    shares.push(...pageProse(html, { withAsPrinted: true }).split("\n").map((block) => seeds.copiedCharacters(block)));
  }
  return { pages: files.length, problems, share: addShares(shares) };
}
