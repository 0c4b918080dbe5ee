import { id, integer, list, oneOf, optional, text, url, year } from "../columns.ts";
import { defineDataset, provenanceColumns, type RecordOf } from "../dataset.ts";
import { reviewGroups, literatureKinds, certaintyLevels } from "../vocabularies.ts";

export const literature = defineDataset({
  name: "literature",
  file: "literature.csv",
  title: "Litteratur",
  description:
    "Systematiske oversikter, evalueringer, doktorgrader, enkeltstudier og nettressurser som litteraturgjennomgangen i vedleggsrapporten (avsnitt 4.1) beskriver. Mål, konklusjon og de strukturerte feltene er våre ord; bare kildens ord om hvor sikker kunnskapen er, står ordrett (høyst 8 ord).",
  key: "id",
  columns: {
    id: id({ description: "Fast id, vanligvis førsteforfatter og år, f.eks. «lancman-2021»; brukes i nettadressen /kunnskap/studier/<id>/." }),
    kind: oneOf(literatureKinds, { description: "Hva slags arbeid det er." }),
    groups: optional(list(oneOf(reviewGroups, { description: "" }), {
      description: "Diagnosegruppen eller temaet (tabell 4.1–4.8) en systematisk oversikt står under; to når den står i to tabeller.",
    })),
    first_author: optional(text({ description: "Førsteforfatterens etternavn slik kilden skriver det.", maxLength: 80 })),
    year: optional(year({ description: "Utgivelsesår." })),
    reference_number: optional(integer({ description: "Referansenummeret i vedleggsrapporten (hevet skrift etter året i tabellen).", min: 1 })),
    label: optional(text({ description: "Vårt korte navn i lister og lenker, for arbeid uten forfatter (f.eks. en nettressurs); ellers brukes førsteforfatter og år.", maxLength: 100 })),
    title: optional(text({ description: "Tittelen, bare der kilden skriver den.", maxLength: 400 })),
    journal: optional(text({ description: "Tidsskriftet, bare der avsnitt 4.1.7 nevner det for referansenummeret.", maxLength: 200 })),
    url: optional(url({ description: "Nettadressen til en nettressurs, slik kilden skriver den." })),
    aim: optional(text({ description: "Hva oversikten ville finne ut, med våre egne ord.", maxLength: 400 })),
    population: optional(text({ description: "Hvem som er studert, der kilden sier det.", maxLength: 200 })),
    intervention: optional(text({ description: "Hvilke tiltak som er undersøkt, der kilden sier det.", maxLength: 200 })),
    comparison: optional(text({ description: "Hva tiltakene er sammenlignet med, bare der kilden sier det.", maxLength: 200 })),
    outcomes: optional(text({ description: "Hvilke utfall som er målt, der kilden sier det.", maxLength: 200 })),
    included_studies: optional(integer({ description: "Antall inkluderte studier, der kilden oppgir det.", min: 1 })),
    certainty_as_printed: optional(text({ description: "Ordene kilden bruker om hvor sikker kunnskapen er, ordrett og høyst 8 ord; flere skilt med « | »." })),
    certainty: oneOf(certaintyLevels, {
      description: "Hvor sikker kunnskapen er slik kilden vurderer den: høy, moderat, lav, svært lav, varierer (ulik for ulike utfall) eller «ikke vurdert i kilden».",
    }),
    summary: text({ description: "Hva arbeidet konkluderer med eller fant, med våre egne, enkle ord og ikke sterkere enn kilden.", maxLength: 900 }),
    ...provenanceColumns(),
    source_line_last: integer({ description: "Siste linje raden strekker seg over.", min: 1 }),
  },
  citedTexts: ["certainty_as_printed"],
  asPrinted: ["first_author", "label", "title", "journal", "url", "certainty_as_printed"],
  rowRules: (row) =>
    typeof row.certainty_as_printed === "string" && row.certainty_as_printed.split(" | ").some((phrase) => phrase.split(/\s+/).length > 8)
      ? [{ column: "certainty_as_printed", message: "has a phrase of more than 8 words; expected phrases of at most 8 words, separated by \" | \"" }]
      : [],
  // The table prints "Lancman, 202153": author, then year and reference number run together.
  checkCited: (row, cited) => {
    if (row.kind !== "systematisk-oversikt") return undefined;
    const text = cited.replace(/- /g, "");
    const author = String(row.first_author).replace(/-/g, "");
    const stamp = `${row.year}${row.reference_number}`;
    return new RegExp(`${author},? ?${stamp}`).test(text.replace(/-/g, "")) ? undefined : `"${row.first_author}, ${stamp}" is not the study cell`;
  },
});

export type Literature = RecordOf<typeof literature>;
