import { id, integer, list, oneOf, optional, reference, text } from "../columns.ts";
import { defineDataset, provenanceColumns, type RecordOf } from "../dataset.ts";
import { regions, referralTopics } from "../vocabularies.ts";

export const referralFacts = defineDataset({
  name: "referral_facts",
  file: "referral_facts.csv",
  title: "Om henvisning",
  description:
    "Det kildene sier om hvem som kan henvise, hvordan retten til helsehjelp vurderes, hva en henvisning bør inneholde og ventetider, per region.",
  key: "id",
  columns: {
    id: id({ description: "Fast id." }),
    topic: oneOf(referralTopics, { description: "Tema." }),
    region: oneOf([...regions, "alle"] as const, { description: "Regionen opplysningen gjelder, eller «alle»." }),
    offer_ids: optional(list(reference("offers", { description: "" }), {
      description: "Tilbudet eller tilbudene opplysningen gjelder, når den bare gjelder dem; den står da i «Henvis hit» på tilbudets side, ikke på region- og henvisningssidene.",
    })),
    fact: text({ description: "Opplysningen med våre egne ord, med tidspunktet kilden oppgir.", maxLength: 400 }),
    ...provenanceColumns(),
    source_line_last: integer({ description: "Siste linje opplysningen bygger på.", min: 1 }),
  },
});

export type ReferralFact = RecordOf<typeof referralFacts>;
