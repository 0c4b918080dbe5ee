import { id, integer, oneOf, text } from "../columns.ts";
import { defineDataset, provenanceColumns, type RecordOf } from "../dataset.ts";
import { findingKinds, findingThemes } from "../vocabularies.ts";

export const findings = defineDataset({
  name: "findings",
  file: "findings.csv",
  title: "Hovedfunn",
  description: "Hovedfunn, konklusjoner og anbefalinger i hvert av kildedokumentene, med våre ord, med tema og hvor i dokumentet de står.",
  key: "id",
  columns: {
    id: id({ description: "Fast id, f.eks. «sintef-07»." }),
    kind: oneOf(findingKinds, { description: "funn, konklusjon, anbefaling, barriere eller fremmer (det som gjør samarbeid lettere)." }),
    theme: oneOf(findingThemes, { description: "Temaet funnet hører til." }),
    finding: text({ description: "Funnet med våre egne ord, ikke sterkere enn kilden.", maxLength: 500 }),
    ...provenanceColumns(),
    source_line_last: integer({ description: "Siste linje funnet bygger på.", min: 1 }),
  },
});

export type Finding = RecordOf<typeof findings>;
