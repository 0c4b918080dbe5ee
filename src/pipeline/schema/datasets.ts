import { boolean, id, integer, oneOf, optional, text, year } from "./columns.ts";
import { defineDataset, provenanceColumns, type RecordOf } from "./dataset.ts";

/** The four regional health authorities (RHF), as the seeds name them. */
export const regions = ["Helse Nord", "Helse Midt-Norge", "Helse Vest", "Helse Sør-Øst"] as const;

export const documentTypes = ["evalueringsrapport", "vedleggsrapport", "vitenskapelig artikkel", "masteroppgave"] as const;

export const sources = defineDataset({
  name: "sources",
  file: "sources.csv",
  title: "Kilder",
  description:
    "De fem forskningsdokumentene alle tall og opplysninger på nettstedet er hentet fra, identifisert ut fra dokumentenes egen tekst.",
  key: "id",
  columns: {
    id: id({ description: "Fast id for dokumentet; brukes i nettadressen /kilder/<id>/." }),
    title: text({
      description:
        "Beskrivende tittel. Tekstutgavene mangler tittelsider, så tittelen er vår beskrivelse når dokumentet ikke selv oppgir en.",
      maxLength: 300,
    }),
    short_title: text({ description: "Kort tittel til sidetitler, lenker og kildehenvisninger i figurer.", maxLength: 48 }),
    title_in_source: optional(text({ description: "Tittel slik dokumentets egen tekst oppgir den, der den gjør det." })),
    authors: optional(text({ description: "Forfattere slik dokumentet oppgir dem, skilt med semikolon." })),
    institution: optional(text({ description: "Institusjon(er) som står bak dokumentet." })),
    year: optional(year({ description: "Utgivelsesår slik dokumentet oppgir det." })),
    document_type: oneOf(documentTypes, { description: "Dokumenttype." }),
    language: oneOf(["nb", "nn", "en"] as const, { description: "Dokumentets språk (BCP 47)." }),
    seed_file: text({ description: "Navnet på tekstfilen i prosjektets kildemappe (shared/seeds).", maxLength: 100 }),
    provenance: text({
      description: "Hvor i dokumentets tekst tittel, forfattere og år står (linjenumre i tekstfilen).",
    }),
    note: optional(text({ description: "Merknad, f.eks. opplysninger dokumentet ikke oppgir." })),
  },
});

export const schemes = ["Raskere tilbake", "Helse og arbeid"] as const;

export const appropriations = defineDataset({
  name: "appropriations",
  file: "appropriations.csv",
  title: "Bevilgninger",
  description:
    "Bevilgninger over statsbudsjettet (kap. 732, post 79) til «Raskere tilbake» 2007–2017 og rammeoverføringen til Helse og arbeid i 2018.",
  key: "id",
  columns: {
    id: id({ description: "Fast id for raden." }),
    period_start: year({ description: "Første budsjettår beløpet gjelder." }),
    period_end: year({ description: "Siste budsjettår beløpet gjelder (lik første år for ett enkelt år)." }),
    scheme: oneOf(schemes, { description: "Ordningen beløpet gikk til." }),
    amount_nok: integer({ description: "Beløp i kroner, nominelt, slik kilden oppgir det.", min: 0 }),
    is_total: boolean({ description: "ja når raden er kildens egen sum over flere år, ellers nei." }),
    is_estimate: boolean({ description: "ja når kilden selv har beregnet beløpet fordi det ikke var oppgitt." }),
    ...provenanceColumns(),
  },
  citedNumbers: ["period_start", "period_end", "amount_nok"],
});

/** Every dataset, in the order they are read: a dataset is read before any dataset that refers to it. */
export const datasets = [sources, appropriations] as const;

export type Source = RecordOf<typeof sources>;
export type Appropriation = RecordOf<typeof appropriations>;
