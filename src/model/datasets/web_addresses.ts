import { id, list, oneOf, optional, reference, url } from "../columns.ts";
import { defineDataset, provenanceColumns, type RecordOf } from "../dataset.ts";
import { regions } from "../vocabularies.ts";

export const webAddresses = defineDataset({
  name: "web_addresses",
  file: "web_addresses.csv",
  title: "Nettadresser",
  description: "Nettadresser til tilbydere, tilbud og de regionale helseforetakenes sider om Helse og arbeid, bare slik kildene selv trykker dem; vises på tilbuds- og regionsidene.",
  key: "id",
  columns: {
    id: id({ description: "Fast id." }),
    region: optional(oneOf(regions, { description: "Det regionale helseforetaket, når adressen er regionens egen side." })),
    provider_id: optional(reference("providers", { description: "Tilbyderen adressen hører til." })),
    offer_ids: optional(list(reference("offers", { description: "" }), {
      description: "Tilbudene adressen gjelder, når den gjelder bestemte tilbud; tom når den gjelder alle tilbyderens tilbud.",
    })),
    url: url({ description: "Nettadressen slik kilden trykker den (med https:// foran der kilden utelater det; se source_note).", printedHttp: true }),
    ...provenanceColumns(),
  },
  asPrinted: ["url"],
  rowRules: (row) =>
    (row.region === undefined) === (row.provider_id === undefined)
      ? [{ column: "provider_id", message: "and region are both empty or both set; expected exactly one of them" }]
      : [],
});

export type WebAddress = RecordOf<typeof webAddresses>;
