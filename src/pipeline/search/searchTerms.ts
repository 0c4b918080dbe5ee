import { compoundParts, synonymGroups } from "./vocabulary.ts";

/** Lower case, with hyphens, slashes and punctuation as spaces: "Muskel- og skjelett/MSK" → "muskel og skjelett msk". */
export function normalize(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

/** The words of a text, as search sees them. */
export const wordsOf = (text: string): string[] => normalize(text).split(" ").filter((w) => w.length > 0);

/**
 * Extra words to index a page under: the whole group of every synonym it uses, and the parts of its
 * compound words. Words the page already has are left out.
 */
export function searchTerms(text: string): string[] {
  const padded = ` ${normalize(text)} `;
  const words = new Set(padded.trim().split(" "));
  const extra = new Set<string>();
  for (const group of synonymGroups) {
    if (group.some((phrase) => padded.includes(` ${phrase} `))) for (const phrase of group) extra.add(phrase);
  }
  for (const word of words) {
    for (const part of compoundParts) {
      if (word !== part && word.length >= part.length + 3 && (word.endsWith(part) || word.startsWith(part))) extra.add(part);
    }
  }
  return [...extra].flatMap((phrase) => phrase.split(" ")).filter((w, i, all) => !words.has(w) && all.indexOf(w) === i);
}
