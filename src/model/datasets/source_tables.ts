import { id, list, oneOf, optional, reference, text } from "../columns.ts";
import { defineDataset, provenanceColumns, type RecordOf } from "../dataset.ts";
import { sourceTableStatuses } from "../vocabularies.ts";

export const sourceTables = defineDataset({
  name: "source_tables",
  file: "source_tables.csv",
  title: "Tabellene i kildedokumentene",
  description:
    "Alle tabellene i kildedokumentene, med hvor hver av dem står på nettstedet, eller hvorfor den er utelatt. Testene teller tabellene per dokument herfra.",
  key: "id",
  columns: {
    id: id({ description: "Fast id: dokument og tabellnummer, f.eks. «sintef-ntnu-tabell-4-9»." }),
    table: text({ description: "Tabellnummeret slik kilden skriver det.", maxLength: 60 }),
    status: oneOf(sourceTableStatuses, {
      description:
        "Hvor tabellen står: statistikk (egen tabellside), tilbud (tilbudsoversikten), litteratur (oversiktene og studiene), bevilgninger, delphi (Delphi-siden), eller utelatt.",
    }),
    table_ids: optional(
      list(reference("statistics_tables", { description: "tabellside" }), {
        description: "Tabellsiden, når status er statistikk; flere når kilden trykker tabellen over sider med ulike kolonner.",
      }),
    ),
    reason: optional(text({ description: "Hvorfor tabellen er utelatt, med egne ord; påkrevd når status er utelatt." })),
    ...provenanceColumns(),
  },
  asPrinted: ["table"],
  rowRules: (row) => {
    const problems: { column: string; message: string }[] = [];
    if (row.status === "statistikk" && !row.table_ids) problems.push({ column: "table_ids", message: "is empty; expected the table page's id when status is statistikk" });
    if (row.status !== "statistikk" && row.table_ids) problems.push({ column: "table_ids", message: `is set while status is ${String(row.status)}; expected it empty` });
    if (row.status === "utelatt" && !row.reason) problems.push({ column: "reason", message: "is empty; expected why the table is left out" });
    return problems;
  },
});

export type SourceTable = RecordOf<typeof sourceTables>;
