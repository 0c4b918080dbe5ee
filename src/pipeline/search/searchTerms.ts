import { detached } from "../site/pageText.ts";
import { compoundParts, synonymGroups } from "./vocabulary.ts";

/** The words of a text, as search sees them. */
export const wordsOf = (text: string): string[] => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);

// The index stage runs this over every page (60 MB of text at 10× data), so each group is matched through
// a set of the page's words, and a word's compound parts are worked out once for the whole build.
const groups = synonymGroups.map((group) => group.map((phrase) => phrase.split(" ")));
const partsOfWord = new Map<string, string[]>();
function compoundPartsOf(word: string): string[] {
  let parts = partsOfWord.get(word);
  if (!parts) {
    parts = compoundParts.filter((part) => word !== part && word.length >= part.length + 3 && (word.endsWith(part) || word.startsWith(part)));
    partsOfWord.set(detached(word), parts);
  }
  return parts;
}

/**
 * Extra words to index a page under: the whole group of every synonym it uses, and the parts of its
 * compound words. Words the page already has are left out. Pass the page's words if you have them.
 */
export function searchTerms(text: string, wordList: string[] = wordsOf(text)): string[] {
  const words = new Set(wordList);
  let joined: string | undefined;
  const uses = (phrase: string[]) => {
    if (!phrase.every((w) => words.has(w))) return false;
    if (phrase.length === 1) return true;
    joined ??= ` ${wordList.join(" ")} `;
    return joined.includes(` ${phrase.join(" ")} `);
  };
  const extra = new Set<string>();
  for (const group of groups) {
    if (group.some(uses)) for (const phrase of group) for (const w of phrase) extra.add(w);
  }
  for (const word of words) for (const part of compoundPartsOf(word)) extra.add(part);
  return [...extra].filter((w) => !words.has(w));
}
