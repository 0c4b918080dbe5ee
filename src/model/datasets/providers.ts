import { id, oneOf, text } from "../columns.ts";
import { defineDataset, provenanceColumns, type RecordOf } from "../dataset.ts";
import { ownerships } from "../vocabularies.ts";

export const providers = defineDataset({
  name: "providers",
  file: "providers.csv",
  title: "Tilbydere",
  description:
    "Helseforetak og private institusjoner med avtale som gir Helse og arbeid-tilbud (tilsvarer «organization» i Open Referral HSDS).",
  key: "id",
  columns: {
    id: id({ description: "Fast id for tilbyderen." }),
    name: text({ description: "Tilbyderens navn, slik kildene oftest skriver det.", maxLength: 120 }),
    ownership: oneOf(ownerships, { description: "offentlig (helseforetak) eller privat (institusjon med avtale med RHF-et)." }),
    ...provenanceColumns(),
  },
  asPrinted: ["name"],
});

export type Provider = RecordOf<typeof providers>;
