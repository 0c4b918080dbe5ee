import { id, integer, list, oneOf, optional, reference, text } from "../columns.ts";
import { defineDataset, provenanceColumns, type RecordOf } from "../dataset.ts";
import { offerForms, offerChanges } from "../vocabularies.ts";

export const offerUpdates = defineDataset({
  name: "offer_updates",
  file: "offer_updates.csv",
  title: "Tilbud i 2020/21",
  description:
    "Beskrivelsene av helseforetakenes tilbud fra 2020/21 (avsnitt 4.6.1–4.6.4 i vedleggsrapporten), koblet til tilbudene. Feltene sier med våre ord det avsnittet sier.",
  key: "id",
  columns: {
    id: id({ description: "Fast id, laget av avsnittsnummeret." }),
    offer_ids: list(reference("offers", { description: "" }), {
      description: "Tilbudet eller tilbudene avsnittet beskriver (samme tilbyder og målgruppe som i 2019, eller et tilbud som er nytt i oversikten).",
    }),
    section: text({ description: "Avsnittsnummeret i vedleggsrapporten, f.eks. «4.6.1.1.1».", maxLength: 20, prose: false }),
    heading_as_printed: text({ description: "Avsnittets overskrift slik kilden skriver den.", maxLength: 300 }),
    change: oneOf(offerChanges, {
      description:
        "Hva kilden sier om endring siden 2019: ikke-i-2019 (ikke med i 2019-tabellene), endring-omtalt, ingen-endring-omtalt, avvikles.",
    }),
    change_note: optional(text({ description: "Det avsnittet sier om endringer siden 2019, med våre ord.", maxLength: 300 })),
    target_group_text: optional(text({ description: "Hvem tilbudet er for (diagnoser, alder, arbeidssituasjon, opptaksområde), med våre ord.", maxLength: 300 })),
    forms: optional(list(oneOf(offerForms, { description: "" }), { description: "Behandlingsformer avsnittet nevner med egne ord." })),
    places_text: optional(text({ description: "Steder og enheter avsnittet nevner." })),
    who_may_refer: optional(text({ description: "Hvem som kan henvise, der avsnittet sier det." })),
    referral_route: optional(text({ description: "Hvordan henvisninger vurderes, der avsnittet sier det, med våre ord.", maxLength: 300 })),
    ...provenanceColumns(),
    source_line_last: integer({ description: "Siste linje i avsnittet.", min: 1 }),
  },
  citedTexts: ["heading_as_printed"],
  asPrinted: ["heading_as_printed", "places_text"],
});

export type OfferUpdate = RecordOf<typeof offerUpdates>;
