// The domain's fixed vocabularies: the values a column may take (regions, target groups, units…), in their order.

/** The four regional health authorities (RHF), as the seeds name them. */
export const regions = ["Helse Nord", "Helse Midt-Norge", "Helse Vest", "Helse Sør-Øst"] as const;

export const documentTypes = ["evalueringsrapport", "vedleggsrapport", "vitenskapelig artikkel", "masteroppgave", "nettside"] as const;

/** A source is one of the research documents (with its seed text), or a dated web page an editor used for an update. */
export const sourceKinds = ["dokument", "nettside"] as const;

export const schemes = ["Raskere tilbake", "Helse og arbeid"] as const;

export const ownerships = ["offentlig", "privat"] as const;

/** Target groups, as the seed tables group the offers (headings such as "Psykisk helsevern", "Muskel/ skjelett"). */
export const targetGroups = ["psykisk-helse", "muskel-skjelett", "sammensatte", "rehabilitering", "hjerneskade", "kreft", "rus"] as const;

/** Forms of treatment, only where the source states them. */
export const offerForms = ["poliklinisk", "dag", "døgn", "ambulant", "gruppe", "digital"] as const;

/** When a description was true: the 2019 tables, the 2020/21 descriptions, or a year of the Raskere tilbake era. */
export const asOfPeriods = ["vår 2019", "2020/21"] as const;

/** Norway's counties from 1 January 2024, for the directory's county filter. */
export const counties = [
  "Agder", "Akershus", "Buskerud", "Finnmark", "Innlandet", "Møre og Romsdal", "Nordland", "Oslo", "Rogaland",
  "Telemark", "Troms", "Trøndelag", "Vestfold", "Vestland", "Østfold",
] as const;

export const offerChanges = ["ikke-i-2019", "endring-omtalt", "ingen-endring-omtalt", "avvikles"] as const;

/** In the order a GP reads them: may I refer, what to write, who decides, then the limits. */
export const referralTopics = [
  "who_may_refer",
  "referral_content",
  "assessing_unit",
  "rights_assessment",
  "age_rule",
  "exclusions",
  "conditions",
  "waiting_time",
  "referral_problems",
  "information_to_referrers",
] as const;

export const statisticThemes = ["finansiering", "aktivitet", "pasienter", "ventetid-og-sykefravaer", "effekter", "undersokelser"] as const;

export const statisticUnits = [
  "antall",
  "prosent",
  "dager",
  "prosentpoeng",
  "kroner",
  "tusen kroner",
  "millioner kroner",
  "gjennomsnitt",
  "standardavvik",
  "koeffisient",
  "standardfeil",
  "oddsforhold",
  "vekt",
  "t-verdi",
  "z-verdi",
  "p-verdi",
  "år",
  "måneder",
] as const;

export const sourceTableStatuses = ["statistikk", "tilbud", "litteratur", "bevilgninger", "delphi", "utelatt"] as const;

/** The eight groups the literature review sorts its systematic reviews into (Tabell 4.1–4.8, in that order). */
export const reviewGroups = [
  "psykiske-lidelser",
  "muskel-skjelett",
  "sammensatte",
  "kroniske-smerter",
  "kreft",
  "hjernetraumer",
  "fastlege-arbeidsgiver",
  "implementering",
] as const;

export const literatureKinds = ["systematisk-oversikt", "evaluering", "rapport", "doktorgrad", "enkeltstudie", "nettressurs"] as const;

/** How certain the evidence is, as the source itself grades it; never our own grading. */
export const certaintyLevels = ["høy", "moderat", "lav", "svært lav", "varierer", "ikke vurdert i kilden"] as const;

export const findingKinds = ["funn", "konklusjon", "anbefaling", "barriere", "fremmer"] as const;

export const findingThemes = [
  "implementering",
  "finansiering-og-styring",
  "informasjon-til-henvisere",
  "henvisning",
  "samhandling",
  "arbeidsplassen",
  "koordinering",
  "malgruppe",
  "innhold",
  "effekt-sykefravaer",
  "kostnader",
] as const;

/** A topic summary's address under /kunnskap/: a review group ("oversikter/kreft") or a theme ("tema/samhandling"). */
export const evidenceTopics = [...reviewGroups.map((g) => `oversikter/${g}`), ...findingThemes.map((t) => `tema/${t}`)] as const;
