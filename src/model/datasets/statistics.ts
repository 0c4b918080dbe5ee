import { boolean, decimal, id, integer, oneOf, optional, reference, text } from "../columns.ts";
import { defineDataset, provenanceColumns, type RecordOf } from "../dataset.ts";
import { statisticUnits } from "../vocabularies.ts";

export const statistics = defineDataset({
  name: "statistics",
  file: "statistics.csv",
  title: "Statistikk (celler)",
  description:
    "Hver celle i statistikktabellene, én verdi per rad med enhet, periode og nøyaktig hvor den står i kilden (ryddig format).",
  key: "id",
  columns: {
    id: id({ description: "Fast id: tabell, rad og kolonne." }),
    table_id: reference("statistics_tables", { description: "Tabellen cellen står i." }),
    row_label: text({ description: "Radoverskriften; med egne ord der kildens ordlyd er lang (spørsmål, diagnosenavn), ellers slik kilden skriver den. Ordlyden står i rapporten på stedet source_location peker til.", maxLength: 500, prose: false }),
    column_label: text({ description: "Kolonneoverskriften; med egne ord der kildens ordlyd er lang, ellers slik kilden skriver den.", maxLength: 300, prose: false }),
    row_order: integer({ description: "Radens plass i tabellen (1 = første).", min: 1 }),
    column_order: integer({ description: "Kolonnens plass i tabellen (1 = første).", min: 1 }),
    period: optional(text({ description: "Året eller perioden verdien gjelder.", maxLength: 80, prose: false })),
    value: optional(decimal({ description: "Verdien som tall (punktum som desimaltegn); tom når kilden ikke oppgir et tall (f.eks. «*»)." })),
    value_as_printed: text({ description: "Verdien nøyaktig slik kilden skriver den.", maxLength: 40 }),
    unit: oneOf(statisticUnits, { description: "Enhet." }),
    partial_period: boolean({ description: "ja når perioden ikke er et helt år (f.eks. 2021 til og med 2. tertial)." }),
    placement_derived: boolean({
      description:
        "ja når tekstutgaven har mistet overskriften ved cellen, og raden eller kolonnen er utledet av dokumentets egen tekst (tabellnote, avsnitt, n, summer); begrunnelsen står i source_note. Sida merker cellen «plassering utledet».",
    }),
    ...provenanceColumns(),
  },
  citedTexts: ["value_as_printed"],
  asPrinted: ["value_as_printed"],
  rowRules: (row) =>
    row.unit === "prosent" && typeof row.value === "number" && (row.value < 0 || row.value > 100)
      ? [{ column: "value", message: `${row.value} is not a share; expected 0 to 100 when unit is prosent` }]
      : [],
});

export type Statistic = RecordOf<typeof statistics>;
