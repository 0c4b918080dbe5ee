// The offer directory's vocabulary and groupings: labels a GP reads, and counts. Its addresses are in src/addresses.ts.
import type { Offer, OfferUpdate, Place, Provider, ReferralFact, WebAddress } from "./model/datasets.ts";
import { offerForms, referralTopics, regions, targetGroups } from "./model/datasets.ts";
import { offers, offerUpdates, places, providers, referralFacts, webAddresses } from "./records.ts";

export type Region = (typeof regions)[number];
export type TargetGroup = (typeof targetGroups)[number];
export type OfferForm = (typeof offerForms)[number];

export const targetGroupLabels: Record<TargetGroup, string> = {
  "psykisk-helse": "Psykiske plager (angst, depresjon)",
  "muskel-skjelett": "Muskel- og skjelettplager",
  sammensatte: "Sammensatte plager",
  rehabilitering: "Arbeidsrettet rehabilitering",
  hjerneskade: "Hjerneslag og hjerneskade",
  kreft: "Kreft",
  rus: "Rus og avhengighet",
};

export const formLabels: Record<OfferForm, string> = {
  poliklinisk: "Poliklinisk",
  dag: "Dagtilbud",
  døgn: "Døgnopphold",
  ambulant: "Ambulant",
  gruppe: "Gruppe",
  digital: "Digitalt",
};

export const ownershipLabels = { offentlig: "Offentlig sykehus", privat: "Privat med avtale" } as const;
const providerById = new Map(providers.map((p) => [p.id, p]));
const placeById = new Map(places.map((p) => [p.id, p]));

export function providerOf(offer: Offer): Provider {
  const provider = providerById.get(offer.provider_id);
  if (!provider) throw new Error(`offer ${offer.id}: unknown provider ${offer.provider_id}`);
  return provider;
}

export function placesOf(offer: Offer): Place[] {
  return (offer.place_ids ?? []).map((id) => placeById.get(id)!);
}

/** Region order north to south is not how the sources list them; we follow the seed tables (4.20–4.23). */
export const regionOrder: readonly Region[] = ["Helse Sør-Øst", "Helse Vest", "Helse Midt-Norge", "Helse Nord"];

/** Target groups that at least one offer has, in the order of targetGroups. */
export const usedTargetGroups: TargetGroup[] = targetGroups.filter((g) => offers.some((o) => o.target_groups.includes(g)));
export const usedForms: OfferForm[] = offerForms.filter((f) => offers.some((o) => o.forms?.includes(f)));

export function offersInRegion(region: Region): Offer[] {
  return offers.filter((o) => o.region === region);
}

export function offersForGroup(group: TargetGroup): Offer[] {
  return offers.filter((o) => o.target_groups.includes(group));
}

/** Offers whose provider and description are the same: the tables list some under two headings. */
export function sameOfferElsewhere(offer: Offer): Offer[] {
  return offers.filter(
    (o) =>
      offer.description !== undefined &&
      offer.as_of === "vår 2019" &&
      o.id !== offer.id &&
      o.provider_id === offer.provider_id &&
      o.description === offer.description &&
      !o.same_as_above &&
      !offer.same_as_above,
  );
}

/** The 2020/21 descriptions of an offer (usually one; a trust may describe one offer in two sections). */
export function updatesOf(offer: Offer): OfferUpdate[] {
  return offerUpdates.filter((u) => u.offer_ids.includes(offer.id));
}

/** The newest period the sources describe the offer for, e.g. "2020/21". */
export function latestAsOf(offer: Offer): string {
  return updatesOf(offer).length > 0 ? "2020/21" : offer.as_of === "vår 2019" ? "våren 2019" : offer.as_of;
}

/** A short status for lists, e.g. "Endret siden 2019", or undefined when the sources state no change. */
export function changeLabel(offer: Offer): string | undefined {
  const changes = updatesOf(offer).map((u) => u.change);
  if (changes.includes("avvikles")) return "Skal avvikles";
  if (changes.includes("ikke-i-2019")) return "Ny i oversikten 2020/21";
  if (changes.includes("endring-omtalt")) return "Endret siden 2019";
  return undefined;
}

export const referralTopicLabels: Record<(typeof referralTopics)[number], string> = {
  who_may_refer: "Hvem kan henvise",
  rights_assessment: "Vurdering av rett til helsehjelp",
  assessing_unit: "Hvem vurderer henvisningen",
  referral_content: "Hva henvisningen bør inneholde",
  age_rule: "Alder",
  exclusions: "Ikke for",
  conditions: "Vilkår",
  waiting_time: "Ventetid og frister",
  referral_problems: "Kjente problemer med henvisninger",
  information_to_referrers: "Informasjon til henvisere",
};


/** This offer's own referral facts («Henvis hit»), in checklist order. */
export function referralChecklist(offer: Offer): ReferralFact[] {
  return referralFacts
    .filter((f) => f.offer_ids?.includes(offer.id))
    .sort((a, b) => referralTopics.indexOf(a.topic) - referralTopics.indexOf(b.topic));
}

/** Facts about referral in general (not about one offer): for a region, or for all regions when region is "alle". */
export function generalReferralFacts(region: Region | "alle"): ReferralFact[] {
  return referralFacts.filter((f) => f.offer_ids === undefined && f.region === region);
}

/** Web addresses the sources print for this offer or its provider; never a guessed one. */
export function addressesOf(offer: Offer): WebAddress[] {
  return webAddresses.filter((a) => a.offer_ids?.includes(offer.id) || (a.provider_id === offer.provider_id && a.offer_ids === undefined));
}

/** The regional health authority's own page about Helse og arbeid, where a source prints it. */
export function regionAddresses(region: Region): WebAddress[] {
  return webAddresses.filter((a) => a.region === region);
}

/** The places where at least one offer is given, by name; and their counties. */
export const usedPlaces: Place[] = places
  .filter((p) => offers.some((o) => o.place_ids?.includes(p.id)))
  .sort((a, b) => a.name.localeCompare(b.name, "nb"));
export const usedCounties: string[] = [...new Set(usedPlaces.map((p) => p.county))].sort((a, b) => a.localeCompare(b, "nb"));
