// One vocabulary for the search page's "Gruppe" facet, so offers and research on the same patients meet.
import type { ReviewGroup } from "./evidence.ts";
import type { TargetGroup } from "./offers.ts";

export const facetOfTargetGroup: Record<TargetGroup, string> = {
  "psykisk-helse": "Psykiske lidelser",
  "muskel-skjelett": "Muskel og skjelett",
  sammensatte: "Sammensatte plager",
  rehabilitering: "Arbeidsrettet rehabilitering",
  hjerneskade: "Hjerneskade",
  kreft: "Kreft",
  rus: "Rus",
};

export const facetOfReviewGroup: Record<ReviewGroup, string> = {
  "psykiske-lidelser": "Psykiske lidelser",
  "muskel-skjelett": "Muskel og skjelett",
  sammensatte: "Sammensatte plager",
  "kroniske-smerter": "Kroniske smerter",
  kreft: "Kreft",
  hjernetraumer: "Hjerneskade",
  "fastlege-arbeidsgiver": "Fastlege og arbeidsgiver",
  implementering: "Implementering",
};
