import { id, integer, oneOf, reference, text } from "../columns.ts";
import { defineDataset, provenanceColumns, type RecordOf } from "../dataset.ts";

export const delphiItems = defineDataset({
  name: "delphi_items",
  file: "delphi_items.csv",
  title: "Delphi-studien: utfordringer og endringsforslag",
  description: "De 23 utfordringene og 34 endringsforslagene ekspertene i Delphi-studien kom fram til, med kategori.",
  key: "id",
  columns: {
    id: id({ description: "Fast id, f.eks. «problem-01» eller «endring-12»." }),
    kind: oneOf(["problem", "endring"] as const, { description: "problem (utfordring) eller endring (endringsforslag)." }),
    category_id: reference("delphi_categories", { description: "Kategorien (id i kategorier)." }),
    item: text({ description: "Utfordringen eller forslaget med våre egne, enkle ord.", maxLength: 300 }),
    ...provenanceColumns(),
    source_line_last: integer({ description: "Siste linje punktet står på.", min: 1 }),
  },
});

export type DelphiItem = RecordOf<typeof delphiItems>;
