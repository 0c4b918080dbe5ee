// The search facets: their names (the Pagefind filter keys the pages carry and the search page offers), and
// one vocabulary for the "gruppe" facet, so offers and research on the same patients meet.

export const facetLabels = { type: "Type innhold", region: "Region", gruppe: "Gruppe", år: "År" } as const;
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
