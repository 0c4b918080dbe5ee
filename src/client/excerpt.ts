// Excerpts that show only what a reader sees on the page. The index gets extra words after a marker (synonyms,
// compound parts; see indexSite.ts); a match there must never show up in the excerpt, which Pagefind's own excerpt
// does not know.

/** The word that separates a page's own text from the words added for the index. */
export const addedWordsMarker = "søkeordfølgerher";

const wordSeparators = /[^\S\uFEFF]+/; // as Pagefind splits content into the words its locations count

/**
 * content: the page's indexed text as Pagefind returns it (escaped); locations: the word positions that matched.
 * Returns an excerpt of about `length` words around the densest run of matches in the page's own text, with those
 * matches in <mark>, or undefined when the page matched only through added words.
 */
export function honestExcerpt(content: string, locations: number[], length = 24): string | undefined {
  const words = content.split(wordSeparators);
  // Pagefind ends each block with a full stop, so the marker may come as "søkeordfølgerher.".
  const marker = words.findIndex((w) => w.replace(/[^\p{L}]/gu, "") === addedWordsMarker);
  const end = marker < 0 ? words.length : marker;
  const own = [...new Set(locations)].filter((l) => l >= 0 && l < end).sort((a, b) => a - b);
  if (own.length === 0) return undefined;
  // The match with most other matches within reach of one excerpt.
  let centre = own[0]!;
  let best = -1;
  for (const l of own) {
    const near = own.filter((m) => Math.abs(m - l) < length / 2).length;
    if (near > best) [best, centre] = [near, l];
  }
  const start = Math.max(0, Math.min(centre - Math.floor(length / 2), end - length));
  const stop = Math.min(end, start + length);
  const marked = new Set(own);
  const body = words
    .slice(start, stop)
    .map((w, i) => (marked.has(start + i) ? `<mark>${w}</mark>` : w))
    .join(" ")
    .trim();
  return `${start > 0 ? "… " : ""}${body}${stop < end ? " …" : ""}`;
}
