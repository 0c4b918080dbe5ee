// How the search page reads a query as people write it: everyday words mapped to the site's words (said on the
// page, never silently), question words dropped, and the common questions answered by a «Beste treff».
// Both word lists are data files an editor extends: data/sok/hverdagsord.json and data/sok/beste-treff.json.

export interface EverydayWord {
  ord: string;
  betyr: string;
}
export interface BestBet {
  søk: string[];
  side: string;
  tittel: string;
  tekst: string;
}

/** Lower case, punctuation as spaces, single spaces: "Hvordan henvise?" → "hvordan henvise". */
export const normalizeQuery = (query: string): string =>
  query.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();

/** The words without question words, unless nothing would be left ("hvordan henvise" → "henvise"; "hva er det" stays). */
function withoutQuestionWords(words: string[], questionWords: string[]): string[] {
  const kept = words.filter((w) => !questionWords.includes(w));
  return kept.length ? kept : words;
}

export interface ReadQuery {
  /** The query to search for, as the reader wrote it less question words ("hvordan henvise" → "henvise"). */
  words: string[];
  /** The same with everyday words replaced by the site's words, when any was; else undefined. */
  mapped?: string[];
  /** Which everyday words were read as which site words, to tell the reader. */
  used: EverydayWord[];
}

/**
 * Reads a query: everyday phrases first (longest first, so "vondt i ryggen" wins over "ryggen"), then question words
 * are dropped unless nothing would be left.
 */
export function readQuery(query: string, everyday: EverydayWord[], questionWords: string[]): ReadQuery {
  const normalized = normalizeQuery(query);
  const dropQuestionWords = (words: string[]) => withoutQuestionWords(words, questionWords);
  const used: EverydayWord[] = [];
  let mapped = ` ${normalized} `;
  for (const entry of [...everyday].sort((a, b) => b.ord.length - a.ord.length)) {
    const phrase = ` ${entry.ord} `;
    if (mapped.includes(phrase) && !used.some((u) => u.betyr.split(" ").includes(entry.ord))) {
      mapped = mapped.replace(phrase, ` ${entry.betyr} `);
      used.push(entry);
    }
  }
  const words = dropQuestionWords(normalized.split(" ").filter(Boolean));
  const mappedWords = used.length ? dropQuestionWords(mapped.trim().split(/\s+/).filter(Boolean)) : undefined;
  return { words, mapped: mappedWords && mappedWords.join(" ") !== words.join(" ") ? mappedWords : undefined, used };
}

/** The best bet for a query, when the query (with or without its question words) is one of a bet's phrases. */
export function bestBetFor(query: string, bets: BestBet[], questionWords: string[]): BestBet | undefined {
  const normalized = normalizeQuery(query);
  const withoutQuestion = withoutQuestionWords(normalized.split(" "), questionWords).join(" ");
  return bets.find((bet) => bet.søk.some((phrase) => phrase === normalized || phrase === withoutQuestion));
}
