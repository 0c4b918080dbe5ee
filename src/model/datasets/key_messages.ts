import { id, integer, list, oneOf, optional, reference, text } from "../columns.ts";
import { defineDataset, provenanceColumns, type RecordOf } from "../dataset.ts";
import { evidenceTopics } from "../vocabularies.ts";

export const keyMessages = defineDataset({
  name: "key_messages",
  file: "key_messages.csv",
  title: "Hovedbudskap",
  description:
    "Hovedbudskapene øverst i hver kunnskapsoppsummering, skrevet av oss og bygget på oversiktene og funnene de viser til.",
  key: "id",
  columns: {
    id: id({ description: "Fast id." }),
    topic: oneOf(evidenceTopics, { description: "Oppsummeringen budskapet står i, f.eks. «oversikter/kreft» eller «tema/samhandling»." }),
    message_order: integer({ description: "Budskapets plass i lista (1 = først).", min: 1 }),
    message: text({ description: "Budskapet med våre egne ord, ikke sterkere enn kildene.", maxLength: 400 }),
    literature_ids: optional(list(reference("literature", { description: "" }), { description: "Oversiktene eller studiene budskapet bygger på." })),
    finding_ids: optional(list(reference("findings", { description: "" }), { description: "Funnene budskapet bygger på." })),
    ...provenanceColumns(),
  },
  synthesis: true,
});

export type KeyMessage = RecordOf<typeof keyMessages>;
