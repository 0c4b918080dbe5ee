import { id, integer, optional, reference, text } from "../columns.ts";
import { defineDataset, provenanceColumns, type RecordOf } from "../dataset.ts";

export const tableItems = defineDataset({
  name: "table_items",
  file: "table_items.csv",
  title: "Tabeller med ord (lister)",
  description:
    "Tabeller i kildene som lister ord, ikke tall (registre, kartleggingsskjema, beskrivelser, kategorier): ett punkt per rad, med egne ord.",
  key: "id",
  columns: {
    id: id({ description: "Fast id: tabell og punkt, f.eks. «tabell-3-1-p01»." }),
    table_id: reference("statistics_tables", { description: "Tabellen punktet står i." }),
    item_order: integer({ description: "Punktets plass i tabellen (1 = første).", min: 1 }),
    term: text({ description: "Navnet eller overskriften slik kilden skriver den (navn, kort etikett), eller en kort etikett med egne ord.", maxLength: 160 }),
    detail: optional(text({ description: "Hva tabellen sier om punktet, med egne ord." })),
    count: optional(integer({ description: "Antall, når tabellen oppgir et for punktet.", min: 0 })),
    ...provenanceColumns(),
    source_line_last: optional(integer({ description: "Siste linje punktet står på.", min: 1 })),
  },
  citedNumbers: ["count"],
  asPrinted: ["term"],
});

export type TableItem = RecordOf<typeof tableItems>;
