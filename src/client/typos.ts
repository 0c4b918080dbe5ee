// Corrects a query word that is not in the index by one letter (typed, missing, extra or swapped),
// preferring the most frequent word. Pagefind itself matches word beginnings but forgives no typos.

/** True when a and b differ by at most one edit (Damerau: a swap of neighbours counts as one). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const restA = a.slice(i);
  const restB = b.slice(i);
  if (a.length === b.length) {
    return restA.slice(1) === restB.slice(1) || (restA[0] === restB[1] && restA[1] === restB[0] && restA.slice(2) === restB.slice(2));
  }
  return a.length > b.length ? restA.slice(1) === restB : restA === restB.slice(1);
}

/**
 * Whether the index has a word: as a word, as the start of one (Pagefind matches word beginnings), or as a number
 * (numbers are indexed, but the word list, made for correcting typos, leaves them out).
 */
export function inIndex(word: string, known: Set<string>, words: string[]): boolean {
  return /^\p{N}/u.test(word) || known.has(word) || words.some((w) => w.startsWith(word));
}

/**
 * words: the index's words, most frequent first. Returns the query with unknown words corrected,
 * or undefined when every word is known or none can be corrected.
 */
export function correctQuery(query: string, words: string[]): string | undefined {
  const known = new Set(words);
  let changed = false;
  const corrected = query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .map((term) => {
      if (term.length < 3 || inIndex(term, known, words)) return term;
      const candidate = words.find((w) => withinOneEdit(term, w));
      if (!candidate) return term;
      changed = true;
      return candidate;
    });
  return changed ? corrected.join(" ") : undefined;
}

/**
 * A query of several words that the index knows as one compound ("helse i arbeid" → "helseiarbeid"), or undefined.
 * Common words like "i" and "og" otherwise match almost every page and drown the one that is meant.
 */
export function compoundOf(query: string, words: string[]): string | undefined {
  const parts = query.toLowerCase().split(/\s+/).filter(Boolean);
  const joined = parts.join("");
  return parts.length > 1 && words.includes(joined) ? joined : undefined;
}
