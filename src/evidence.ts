// The evidence section's vocabulary: review groups, themes, kinds of work, certainty, and lookups between them.
import type { Finding, Literature } from "./model/datasets.ts";
import { certaintyLevels, findingKinds, findingThemes, literatureKinds, reviewGroups } from "./model/datasets.ts";
import { findings, keyMessages, literature } from "./records.ts";

export type ReviewGroup = (typeof reviewGroups)[number];
export type FindingTheme = (typeof findingThemes)[number];
export type Certainty = (typeof certaintyLevels)[number];

/** The groups as the literature review names them, with the table that lists them. */
export const groupLabels: Record<ReviewGroup, { title: string; table: string }> = {
  "psykiske-lidelser": { title: "Vanlige psykiske lidelser", table: "Tabell 4.1" },
  "muskel-skjelett": { title: "Muskel- og skjelettlidelser", table: "Tabell 4.2" },
  sammensatte: { title: "Sammensatte diagnoser", table: "Tabell 4.3" },
  "kroniske-smerter": { title: "Kroniske smerter", table: "Tabell 4.4" },
  kreft: { title: "Kreft", table: "Tabell 4.5" },
  hjernetraumer: { title: "Hjernetraumer", table: "Tabell 4.6" },
  "fastlege-arbeidsgiver": { title: "Fastlegens og arbeidsgiverens rolle", table: "Tabell 4.7" },
  implementering: { title: "Implementering og systemnivå", table: "Tabell 4.8" },
};

export const themeLabels: Record<FindingTheme, { title: string; description: string }> = {
  implementering: { title: "Implementering og organisering", description: "Hvordan tilbudene ble innført og organisert." },
  "finansiering-og-styring": { title: "Finansiering og styring", description: "Bevilgninger, styring og avtaler mellom RHF og NAV." },
  "informasjon-til-henvisere": { title: "Informasjon til henvisere", description: "Hva fastleger og andre henvisere vet om tilbudene." },
  henvisning: { title: "Henvisning og ventetid", description: "Hvem som henviser, hvordan, og hvor lenge pasientene venter." },
  samhandling: { title: "Samhandling mellom NAV og helsetjenesten", description: "Samarbeid mellom NAV, fastlege, spesialisthelsetjeneste og andre." },
  arbeidsplassen: { title: "Arbeidsplassen", description: "Arbeidsgiverens rolle og tiltak på arbeidsplassen." },
  koordinering: { title: "Koordinering av tilbakeføring til arbeid", description: "Koordinatorrollen og hva som hemmer og fremmer koordinering." },
  malgruppe: { title: "Målgruppe", description: "Hvem tilbudene er for, og hvem som faktisk får dem." },
  innhold: { title: "Innhold og kompetanse", description: "Hva tilbudene gjør, og hvilken kompetanse de har." },
  "effekt-sykefravaer": { title: "Effekt på sykefravær", description: "Hva tilbudene betyr for sykefravær, retur til arbeid og trygd." },
  kostnader: { title: "Kostnader", description: "Hva ordningen koster og hva den kan spare." },
};

export const kindLabels: Record<(typeof literatureKinds)[number], { singular: string; plural: string }> = {
  "systematisk-oversikt": { singular: "Systematisk oversikt", plural: "Systematiske oversikter" },
  evaluering: { singular: "Evaluering", plural: "Evalueringer" },
  rapport: { singular: "Rapport", plural: "Rapporter" },
  doktorgrad: { singular: "Doktorgradsarbeid", plural: "Doktorgradsarbeider" },
  enkeltstudie: { singular: "Enkeltstudie", plural: "Enkeltstudier" },
  nettressurs: { singular: "Nettressurs", plural: "Nettressurser" },
};

export const findingKindLabels: Record<(typeof findingKinds)[number], string> = {
  funn: "Funn",
  konklusjon: "Konklusjon",
  anbefaling: "Anbefaling",
  barriere: "Hemmer",
  fremmer: "Fremmer",
};

/** A symbol next to the words, so certainty never rests on colour (or on the symbol) alone. */
export const certaintyDisplay: Record<Certainty, { symbol: string; text: string }> = {
  høy: { symbol: "⊕⊕⊕⊕", text: "Høy sikkerhet" },
  moderat: { symbol: "⊕⊕⊕◯", text: "Moderat sikkerhet" },
  lav: { symbol: "⊕⊕◯◯", text: "Lav sikkerhet" },
  "svært lav": { symbol: "⊕◯◯◯", text: "Svært lav sikkerhet" },
  varierer: { symbol: "◐", text: "Ulik sikkerhet for ulike utfall" },
  "ikke vurdert i kilden": { symbol: "○", text: "Ikke vurdert i kilden" },
};

/** "Lancman 2021", or our label for a work without an author. */
export function shortCitation(w: Literature): string {
  if (w.label) return w.label;
  if (w.first_author) return [w.first_author, w.year].filter(Boolean).join(" ");
  return w.title ?? w.id;
}

const byAuthorYear = (a: Literature, b: Literature) =>
  (b.year ?? 0) - (a.year ?? 0) || shortCitation(a).localeCompare(shortCitation(b), "nb");

export const reviewsOfGroup = (g: ReviewGroup): Literature[] => literature.filter((w) => w.groups?.includes(g)).sort(byAuthorYear);
export const findingsOfTheme = (t: FindingTheme): Finding[] => findings.filter((f) => f.theme === t);
export const keyMessagesOf = (topic: string) => keyMessages.filter((m) => m.topic === topic).sort((a, b) => a.message_order - b.message_order);
export const literatureById = (id: string) => {
  const work = literature.find((w) => w.id === id);
  if (!work) throw new Error(`Unknown literature id ${id}`);
  return work;
};
export const findingById = (id: string) => {
  const finding = findings.find((f) => f.id === id);
  if (!finding) throw new Error(`Unknown finding id ${id}`);
  return finding;
};

/** How many works state each certainty, in the order of the scale. */
export function certaintyTally(works: Literature[]): { level: Certainty; count: number }[] {
  return certaintyLevels.map((level) => ({ level, count: works.filter((w) => w.certainty === level).length })).filter((t) => t.count > 0);
}

/** Review groups that speak to a theme, linked from the theme's summary. */
export const relatedGroups: Partial<Record<FindingTheme, ReviewGroup[]>> = {
  implementering: ["implementering"],
  arbeidsplassen: ["fastlege-arbeidsgiver"],
  samhandling: ["fastlege-arbeidsgiver", "implementering"],
  "effekt-sykefravaer": ["psykiske-lidelser", "muskel-skjelett", "sammensatte"],
};
