import { id, integer, text } from "../columns.ts";
import { defineDataset, provenanceColumns, type RecordOf } from "../dataset.ts";

export const delphiCategories = defineDataset({
  name: "delphi_categories",
  file: "delphi_categories.csv",
  title: "Delphi-studien: kategorier",
  description: "Kategoriene i Delphi-studien om tilbakeføring til arbeid, med antall meningsenheter (tabell 2 i artikkelen).",
  key: "id",
  columns: {
    id: id({ description: "Fast id for kategorien." }),
    name: text({ description: "Kategorien slik artikkelen skriver den.", maxLength: 120 }),
    written_units: integer({ description: "Meningsenheter fra de skriftlige svarene før gruppeintervjuet (kolonnen «Skriftlig»).", min: 0 }),
    interview_units: integer({ description: "Meningsenheter fra det transkriberte gruppeintervjuet (kolonnen «Intervju»).", min: 0 }),
    meaning_units: integer({ description: "Antall meningsenheter i kategorien i alt (kolonnen «Totalt»).", min: 0 }),
    category_order: integer({ description: "Kategoriens plass i tabellen.", min: 1 }),
    ...provenanceColumns(),
  },
  citedNumbers: ["written_units", "interview_units", "meaning_units"],
  asPrinted: ["name"],
  rowRules: (row) =>
    Number(row.written_units) + Number(row.interview_units) === Number(row.meaning_units)
      ? []
      : [{ column: "meaning_units", message: `${String(row.meaning_units)} is not written_units + interview_units (${Number(row.written_units) + Number(row.interview_units)}); expected the row's total` }],
});

export type DelphiCategory = RecordOf<typeof delphiCategories>;
