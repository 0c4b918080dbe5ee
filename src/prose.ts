// Sentences that state a count, a share or a superlative, derived from the rows passed in rather than written by hand,
// so they stay true when the data change (and a test can pass altered rows and see the sentence change).
import type { DelphiCategory, DelphiItem, KeyFigure, Source } from "./model/datasets.ts";
import { countInWords, formatInteger, listInWords, numberWord } from "./format.ts";

/** Every row that shares the largest value: one row, several on a tie, none when there are no rows. */
export function largestBy<T>(rows: readonly T[], value: (row: T) => number): T[] {
  if (rows.length === 0) return [];
  const max = Math.max(...rows.map(value));
  return rows.filter((r) => value(r) === max);
}

/** The research documents among the sources, not the dated web pages an editor used for an update. */
export const researchDocuments = (sources: readonly Source[]): Source[] => sources.filter((s) => s.kind === "dokument");

/** e.g. "fem forskningsdokumenter": how many research documents sources.csv lists, in words. */
export const researchDocumentsInWords = (sources: readonly Source[]): string =>
  countInWords(researchDocuments(sources).length, "forskningsdokument", "forskningsdokumenter", "neuter");

/** The key figure (data/key_figures.csv) with the number of experts in the Delphi study, with its source line. */
export const delphiExpertsId = "delphi-eksperter";

export function delphiExperts(keyFigures: readonly KeyFigure[]): KeyFigure {
  const figure = keyFigures.find((f) => f.id === delphiExpertsId);
  if (!figure) throw new Error(`data/key_figures.csv has no row "${delphiExpertsId}" (the number of experts in the Delphi study)`);
  return figure;
}

export interface DelphiSummary {
  problems: number;
  changes: number;
  meaningUnits: number;
  /** The categories with the most meaning units: several on a tie. */
  largest: DelphiCategory[];
}

export function summarizeDelphi(categories: readonly DelphiCategory[], items: readonly DelphiItem[]): DelphiSummary {
  return {
    problems: items.filter((i) => i.kind === "problem").length,
    changes: items.filter((i) => i.kind === "endring").length,
    meaningUnits: categories.reduce((sum, c) => sum + c.meaning_units, 0),
    largest: largestBy(categories, (c) => c.meaning_units),
  };
}

const quotedNames = (categories: readonly DelphiCategory[]) => listInWords(categories.map((c) => `«${c.name}»`));

/** Page text: "Flest utsagn gjaldt kategorien «Nasjonal organisering» (74 av 218)." */
export function delphiLargestSentence(s: DelphiSummary): string {
  const [first] = s.largest;
  if (!first) return "Studien oppgir ingen kategorier.";
  const of = `${formatInteger(first.meaning_units)}${s.largest.length > 1 ? " hver" : ""} av ${formatInteger(s.meaningUnits)}`;
  return `Flest utsagn gjaldt ${s.largest.length > 1 ? "kategoriene" : "kategorien"} ${quotedNames(s.largest)} (${of}).`;
}

/** Chart takeaway: "«Nasjonal organisering» var den største kategorien, med 74 av 218 meningsenheter." */
export function delphiLargestTakeaway(s: DelphiSummary): string {
  const [first] = s.largest;
  if (!first) return "Studien oppgir ingen kategorier.";
  const of = `${formatInteger(first.meaning_units)} av ${formatInteger(s.meaningUnits)} meningsenheter`;
  return s.largest.length > 1
    ? `${quotedNames(s.largest)} var de største kategoriene, med ${of} hver.`
    : `${quotedNames(s.largest)} var den største kategorien, med ${of}.`;
}

/**
 * How many of the years are `from` or later, as a clause: "de fleste er publisert fra 2017 og senere" only when more
 * than half are; otherwise "halvparten …", "20 av 66 …", "alle …" or "ingen …".
 */
export function publishedSinceClause(years: readonly number[], from: number): string {
  const recent = years.filter((y) => y >= from).length;
  const total = years.length;
  const since = `fra ${from} og senere`;
  if (total === 0) return "ingen er publisert ennå";
  if (recent === total) return `alle er publisert ${since}`;
  if (recent === 0) return `ingen er publisert ${since}`;
  if (recent * 2 > total) return `de fleste (${formatInteger(recent)} av ${formatInteger(total)}) er publisert ${since}`;
  if (recent * 2 === total) return `halvparten er publisert ${since}`;
  return `${formatInteger(recent)} av ${formatInteger(total)} er publisert ${since}`;
}

/** "Flest oversikter handlet om psykiske lidelser (25), og de fleste …": the largest groups by count, ties named together. */
export function reviewsTakeaway(groups: readonly { title: string; count: number }[], years: readonly number[], from: number): string {
  const largest = largestBy(groups, (g) => g.count);
  if (largest.length === 0 || largest[0]!.count === 0) return "Kilden oppgir ingen systematiske oversikter.";
  const names = listInWords(largest.map((g) => g.title.toLowerCase()));
  const count = `${formatInteger(largest[0]!.count)}${largest.length > 1 ? " hver" : ""}`;
  return `Flest oversikter handlet om ${names} (${count}), og ${publishedSinceClause(years, from)}.`;
}

/**
 * The Helse Nord chart's takeaway, from the health trusts where more distinct GPs referred than there are GP agreements,
 * out of `trusts` trusts with both numbers; it reads right for none, one, some and all of them.
 */
export function gpReferralsTakeaway(over: readonly string[], trusts: number): string {
  const claim = "har flere ulike fastleger henvist enn det finnes fastlegeavtaler";
  if (trusts === 0) return "Kilden oppgir ikke både henvisende fastleger og fastlegeavtaler for noe helseforetak.";
  if (over.length === 0) return `Ved ingen av helseforetakene ${claim}.`;
  const where = over.length === trusts && trusts > 1 ? `alle de ${numberWord(trusts, "neuter")} helseforetakene` : listInWords(over);
  return `Ved ${where} ${claim}, fordi vikarer også henviser.`;
}
