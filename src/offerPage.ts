// Everything an offer page (src/pages/tilbud/[id].astro) shows from the data, gathered for each offer in one place, so
// that each page is keyed by a hash of what it shows: a changed row renders again only the offer pages it appears on
// (src/pipeline/astro/dataDependencies.ts, keyedThrough). The page reads data through this module alone.
import { createHash } from "node:crypto";
import {
  addressesOf,
  changeLabel,
  formLabels,
  latestAsOf,
  ownershipLabels,
  placesOf,
  providerOf,
  referralChecklist,
  referralTopicLabels,
  sameOfferElsewhere,
  targetGroupLabels,
  updatesOf,
} from "./offers.ts";
import type { Offer } from "./model/datasets.ts";
import { offers, sourceById } from "./records.ts";
import { readerNote } from "./sourceLocation.ts";
import { cacheKeyOf } from "./site.ts";

/** What one offer page shows from the data. */
export function offerPage(offer: Offer) {
  const provider = providerOf(offer);
  const twins = sameOfferElsewhere(offer);
  // Each 2020/21 description with the part of its editors' note a reader needs.
  const updates = updatesOf(offer).map((u) => ({ ...u, note: readerNote(u.source_note) }));
  return {
    offer,
    provider,
    ownership: ownershipLabels[provider.ownership],
    targetGroups: offer.target_groups.map((group) => ({ group, label: targetGroupLabels[group] })),
    placeNames: placesOf(offer).map((p) => p.name),
    source: sourceById(offer.source_id),
    twins,
    sameProvider: offers.filter((o) => o.provider_id === offer.provider_id && o.id !== offer.id && !twins.includes(o)),
    updates,
    change: changeLabel(offer),
    forms: [...new Set([...(offer.forms ?? []), ...updates.flatMap((u) => u.forms ?? [])])].map((f) => formLabels[f]),
    offerNote: readerNote(offer.source_note),
    checklist: referralChecklist(offer).map((fact) => ({ ...fact, topicLabel: referralTopicLabels[fact.topic] })),
    /** The description the page's date refers to: the newest 2020/21 section, else the 2019 row. */
    latest: updates.at(-1) ?? offer,
    asOf: latestAsOf(offer),
    addresses: addressesOf(offer),
  };
}

export type OfferPage = ReturnType<typeof offerPage>;

/** The paths of the offer route, each with what its page shows and a cacheKey that changes exactly when that does. */
export function offerPagePaths() {
  return offers.map((offer) => {
    const page = offerPage(offer);
    const shown = createHash("sha256").update(JSON.stringify(page)).digest("hex").slice(0, 16);
    return { cacheKey: cacheKeyOf(shown), params: { id: offer.id }, props: { page } };
  });
}
