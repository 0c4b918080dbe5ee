import { boolean, date, id, oneOf, optional, text, url, year } from "../columns.ts";
import { defineDataset, type RecordOf } from "../dataset.ts";
import { documentTypes, sourceKinds } from "../vocabularies.ts";

export const sources = defineDataset({
  name: "sources",
  file: "sources.csv",
  title: "Kilder",
  description:
    "Forskningsdokumentene alle tall og opplysninger på nettstedet er hentet fra, identifisert ut fra dokumentenes egen tekst.",
  key: "id",
  columns: {
    id: id({ description: "Fast id for dokumentet; brukes i nettadressen /kilder/<id>/." }),
    title: text({
      description:
        "Beskrivende tittel. Tekstutgavene mangler tittelsider, så tittelen er vår beskrivelse når dokumentet ikke selv oppgir en.",
      maxLength: 300,
    }),
    short_title: text({ description: "Kort tittel til sidetitler, lenker og kildehenvisninger i figurer.", maxLength: 48 }),
    title_in_source: optional(text({ description: "Tittelen slik den er trykt: i dokumentet selv, eller i en henvisning til det i en av de andre kildene (se reference_basis)." })),
    authors: optional(text({ description: "Forfattere, skilt med semikolon: slik dokumentet oppgir dem, eller slik en henvisning i en av de andre kildene gjør (se reference_basis)." })),
    authors_inferred: boolean({ description: "ja når forfatterne ikke står i dokumentet selv, men er utledet av en henvisning i en annen kilde; referansen viser dem da i hakeparentes." }),
    institution: optional(text({ description: "Institusjon(er) som står bak dokumentet." })),
    year: optional(year({ description: "Utgivelsesår: slik dokumentet oppgir det, eller utledet av dokumentets tekst eller en henvisning (se reference_basis)." })),
    year_inferred: boolean({ description: "ja når året ikke står i dokumentet selv, men er utledet; referansen viser det da i hakeparentes." }),
    report_number: optional(text({ description: "Rapportnummer, der dokumentet oppgir det.", maxLength: 60 })),
    commissioned_by: optional(text({ description: "Oppdragsgiver, der dokumentet oppgir den.", maxLength: 200 })),
    kind: oneOf(sourceKinds, { description: "dokument (et av forskningsdokumentene, med tekstutgave) eller nettside (en datert nettside en redaktør har brukt til en oppdatering)." }),
    url: optional(url({ description: "Nettadressen, for en nettside." })),
    retrieved: optional(date({ description: "Datoen nettsiden ble lest, for en nettside." })),
    document_type: oneOf(documentTypes, { description: "Dokumenttype." }),
    language: oneOf(["nb", "nn", "en"] as const, { description: "Dokumentets språk (BCP 47)." }),
    method: text({
      description: "Hva slags studie det er, og metode og materiale, med våre ord på to linjer.",
      maxLength: 400,
    }),
    seed_file: optional(text({ description: "Navnet på tekstfilen i prosjektets kildemappe (shared/seeds), for et dokument.", maxLength: 100, prose: false })),
    reference_basis: text({
      description: "Med våre ord: hvor forfattere og år kommer fra, og hva som er utledet og ikke står i dokumentet selv. Vises på kildesiden.",
      maxLength: 800,
    }),
    provenance: text({
      description: "Hvor opplysningene står, som linjer i tekstutgavene («002:5–11» er linje 5–11 i dokument 002); bare til kontroll, vises ikke på sidene.",
    }),
    note: optional(text({ description: "Merknad med våre ord, f.eks. opplysninger dokumentet ikke oppgir." })),
  },
  asPrinted: ["title_in_source", "authors", "institution", "report_number", "commissioned_by"],
  rowRules: (row) =>
    row.kind === "dokument"
      ? row.seed_file === undefined
        ? [{ column: "seed_file", message: "is empty; expected the seed text of the document" }]
        : []
      : [
          ...(row.url === undefined ? [{ column: "url", message: "is empty; expected the address of the web page" }] : []),
          ...(row.retrieved === undefined ? [{ column: "retrieved", message: "is empty; expected the date the web page was read" }] : []),
        ],
});

export type Source = RecordOf<typeof sources>;
