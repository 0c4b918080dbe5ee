// How pages name a document's authors and year: square brackets mark what the document does not state itself but
// we worked out from its text or from another document's reference to it (the librarians' convention).
import type { Source } from "./model/datasets.ts";

export const bracketed = (value: string, inferred: boolean): string => (inferred ? `[${value}]` : value);

/** "2016", "[2021]" for a year we worked out, or undefined when no source gives one. */
export const sourceYear = (source: Source): string | undefined =>
  source.year === undefined ? undefined : bracketed(String(source.year), source.year_inferred);

/** "Marte Marie Brynildsen", "[Drangsland; Kjerstad]" for names we worked out, or undefined. */
export const sourceAuthors = (source: Source): string | undefined =>
  source.authors === undefined ? undefined : bracketed(source.authors, source.authors_inferred);
