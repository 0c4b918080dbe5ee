import { readFile } from "node:fs/promises";
import path from "node:path";
import { csvParse } from "d3-dsv";
import { describe, expect, it } from "vitest";
import { loadData } from "../src/pipeline/loadData.ts";
import type { Offer } from "../src/model/datasets.ts";
import {
  addressesOf, changeLabel, generalReferralFacts, latestAsOf, offersForGroup, offersInRegion, placesOf, providerOf, referralChecklist,
  regionAddresses, sameOfferElsewhere, updatesOf,
} from "../src/offers.ts";
import { offers as offerRecords } from "../src/records.ts";
import { shippedData } from "./helpers.ts";

/**
 * Offers per table and per heading, counted in a second, independent transcription of
 * Tabell 4.20–4.23 (the «Generelt» note under Tabell 4.23 is a remark, not an offer).
 */
const independentCount: Record<string, Record<string, number>> = {
  "Helse Sør-Øst": {
    "Psykisk helsevern": 10,
    "HSØ private avtaler, psykisk helsevern": 4,
    "Muskel/ skjelett": 11,
    Rehabilitering: 8,
    "Hjernetraume/hjerneslag": 1,
    Kreft: 1,
  },
  "Helse Vest": { "Psykisk helsevern": 4, "Muskel/ skjelett": 5, "HV, private avtaler": 7 },
  "Helse Midt-Norge": { "Psykisk helsevern": 3, "Muskel/ skjelett": 3, "HMN, private avtaler": 3 },
  "Helse Nord": { HelseIArbeid: 4, "HN, private avtaler": 4 },
};

describe("the offer directory's data", async () => {
  const { data } = await loadData(shippedData);
  const offers = data.offers.rows.map((r) => r.record);
  const offers2019 = offers.filter((o) => o.as_of === "vår 2019");

  it("has every offer of Tabell 4.20–4.23, per region and heading", () => {
    const counted: Record<string, Record<string, number>> = {};
    for (const o of offers2019) {
      const heading = o.sector_as_printed!;
      counted[o.region] ??= {};
      counted[o.region]![heading] = (counted[o.region]![heading] ?? 0) + 1;
    }
    expect(counted).toEqual(independentCount);
  });

  it("cites the right table for each region", () => {
    const tables = { "Helse Sør-Øst": "Tabell 4.20", "Helse Vest": "Tabell 4.21", "Helse Midt-Norge": "Tabell 4.22", "Helse Nord": "Tabell 4.23" };
    for (const o of offers2019) expect(o.source_location, o.id).toBe(tables[o.region]);
  });

  it("gives private offers only to providers the table groups as private", () => {
    const providers = new Map(data.providers.rows.map((r) => [r.record.id, r.record]));
    for (const o of offers) {
      if (/private avtaler/.test(o.sector_as_printed ?? "")) expect(providers.get(o.provider_id)!.ownership, o.id).toBe("privat");
    }
  });

  it("links every 2020/21 description to offers of the same region", () => {
    const byId = new Map(offers.map((o) => [o.id, o]));
    // 4.6.1–4.6.4: the health trusts' offers; 4.6.6–4.6.9: the private agreements, region by region.
    const regionOfSection = {
      "4.6.1": "Helse Sør-Øst",
      "4.6.2": "Helse Vest",
      "4.6.3": "Helse Midt-Norge",
      "4.6.4": "Helse Nord",
      "4.6.6": "Helse Sør-Øst",
      "4.6.7": "Helse Vest",
      "4.6.8": "Helse Midt-Norge",
      "4.6.9": "Helse Nord",
    };
    for (const { record: u } of data.offer_updates.rows) {
      const region = regionOfSection[u.section.slice(0, 5) as keyof typeof regionOfSection];
      for (const id of u.offer_ids) expect(byId.get(id)!.region, `${u.section} → ${id}`).toBe(region);
    }
  });

  it("has a 2020/21 description for every offer that is new since 2019", () => {
    const described = new Set(data.offer_updates.rows.flatMap((r) => r.record.offer_ids));
    for (const o of offers.filter((o) => o.as_of === "2020/21")) expect(described.has(o.id), o.id).toBe(true);
  });

  it("follows every private agreement of 2019 into the 2020 lists", () => {
    const providers = new Map(data.providers.rows.map((r) => [r.record.id, r.record]));
    const described = new Set(data.offer_updates.rows.flatMap((r) => r.record.offer_ids));
    const private2019 = offers2019.filter((o) => /private avtaler/.test(o.sector_as_printed ?? ""));
    // IPR, LHL, Åstveit, Røde Kors and Frisk in Helse Vest, the three in Midt-Norge and four in Nord are in the lists too.
    expect(private2019.filter((o) => providers.get(o.provider_id)!.ownership === "privat" && !described.has(o.id)).map((o) => o.id)).toEqual([]);
  });

  it("describes a «Som over» offer as the row above", () => {
    const sameAsAbove = offers.filter((o) => o.same_as_above);
    expect(sameAsAbove.length).toBeGreaterThan(0);
    for (const o of sameAsAbove) {
      const above = offers[offers.indexOf(o) - 1]!;
      expect(o.description).toBe(above.description);
    }
  });
});

describe("the places on the map", async () => {
  const { geoContains } = await import("d3-geo");
  const { feature } = await import("topojson-client");
  const countries = (await import("world-atlas/countries-50m.json", { with: { type: "json" } })).default as never;
  const norway = (feature(countries, (countries as { objects: { countries: never } }).objects.countries) as unknown as {
    features: { id: string }[];
  }).features.find((f) => f.id === "578")!;
  const { data } = await loadData(shippedData);

  it("all lie inside Norway's outline (catches swapped or mistyped coordinates)", () => {
    // Town centres on islands and the coast can fall just outside a 1:50m outline; allow about 10 km.
    const near = (lon: number, lat: number) =>
      [0, 0.1, -0.1].some((dx) => [0, 0.1, -0.1].some((dy) => geoContains(norway as never, [lon + dx, lat + dy])));
    const outside = data.places.rows.map((r) => r.record).filter((p) => !near(p.longitude, p.latitude));
    expect(outside.map((p) => p.name)).toEqual([]);
  });

  it("are each used by at least one offer", () => {
    const used = new Set(data.offers.rows.flatMap((r) => r.record.place_ids ?? []));
    expect(data.places.rows.map((r) => r.record.id).filter((id) => !used.has(id))).toEqual([]);
  });
});

describe("the Delphi study's data", async () => {
  const { data } = await loadData(shippedData);
  const items = data.delphi_items.rows.map((r) => r.record);
  const categories = data.delphi_categories.rows.map((r) => r.record);

  it("has the 23 problems, 34 changes and 218 meaning units the article states (lines 11–12, 310–311, 344)", () => {
    expect(items.filter((i) => i.kind === "problem")).toHaveLength(23);
    expect(items.filter((i) => i.kind === "endring")).toHaveLength(34);
    expect(categories.reduce((s, c) => s + c.meaning_units, 0)).toBe(218);
  });
});

describe("the statistics cells", async () => {
  const { data } = await loadData(shippedData);
  it("never put two values in the same place of a table", () => {
    const seen = new Set<string>();
    for (const { record: c } of data.statistics.rows) {
      const where = `${c.table_id} r${c.row_order} k${c.column_order}`;
      expect(seen.has(where), where).toBe(false);
      seen.add(where);
    }
  });
});

describe("the offer directory's lookups (src/offers.ts)", async () => {
  const shipped = async (file: string) => csvParse(await readFile(path.join(shippedData, file), "utf8"));
  const offer = (id: string) => offerRecords.find((o) => o.id === id)!;
  const offerRows = await shipped("offers.csv");
  const idsOf = (list: { id: string }[]) => list.map((o) => o.id);

  it("find an offer's provider and places, and refuse an unknown provider", () => {
    expect(providerOf(offer("siv-psykolog-korttid")).id).toBe("sykehuset-i-vestfold");
    expect(() => providerOf({ ...offer("siv-psykolog-korttid"), provider_id: "nobody" })).toThrow("offer siv-psykolog-korttid: unknown provider nobody");
    expect(placesOf(offer("siv-psykolog-korttid")).map((p) => p.name)).toEqual(["Tønsberg"]);
    expect(placesOf(offer("bergen-emeistring"))).toEqual([]);
  });

  it("list the offers of a region and of a target group, as in offers.csv", () => {
    expect(idsOf(offersInRegion("Helse Vest"))).toEqual(offerRows.filter((o) => o.region === "Helse Vest").map((o) => o.id));
    expect(idsOf(offersForGroup("kreft"))).toEqual(offerRows.filter((o) => o.target_groups!.split(";").includes("kreft")).map((o) => o.id));
    expect(offersForGroup("kreft").length).toBeGreaterThan(0);
  });

  it("tell what the 2020/21 descriptions say of an offer: wound down, new, changed or nothing", () => {
    expect(changeLabel(offer("sunnaas-vurderingspoliklinikk"))).toBe("Skal avvikles");
    expect(changeLabel(offer("diakonhjemmet-kompetansesenter"))).toBe("Ny i oversikten 2020/21");
    expect(changeLabel(offer("lovisenberg-psykologsamtaler"))).toBe("Endret siden 2019");
    expect(changeLabel(offer("siv-psykolog-korttid"))).toBeUndefined();
    expect(latestAsOf(offer("lovisenberg-psykologsamtaler"))).toBe("2020/21");
    expect(latestAsOf(offer("siv-psykolog-korttid"))).toBe("våren 2019");
    expect(latestAsOf({ ...offer("siv-psykolog-korttid"), as_of: "2020/21" })).toBe("2020/21");
    expect(updatesOf(offer("siv-psykolog-korttid"))).toEqual([]);
    expect(updatesOf(offer("sunnaas-vurderingspoliklinikk")).map((u) => u.id)).toEqual(["avsnitt-4-6-1-6-1"]);
  });

  it("find the same offer listed under another heading: same provider and description, 2019, not «Som over»", () => {
    expect(idsOf(sameOfferElsewhere(offer("telemark-sammensatte-psykisk")))).toEqual(["telemark-sammensatte-muskel-skjelett"]);
    expect(idsOf(sameOfferElsewhere(offer("telemark-sammensatte-muskel-skjelett")))).toEqual(["telemark-sammensatte-psykisk"]);
    // Its twin is «Som over» (same_as_above): it says so itself.
    expect(sameOfferElsewhere(offer("frisk-randaberg-psykisk"))).toEqual([]);
    const psykisk = offer("telemark-sammensatte-psykisk");
    expect(sameOfferElsewhere({ ...psykisk, as_of: "2020/21" } as Offer)).toEqual([]);
    expect(sameOfferElsewhere({ ...psykisk, description: undefined } as Offer)).toEqual([]);
    expect(sameOfferElsewhere({ ...psykisk, same_as_above: true } as Offer)).toEqual([]);
    // The same words for offers of three providers are three offers.
    expect(sameOfferElsewhere(offer("vestre-viken-dps-angst-depresjon"))).toEqual([]);
  });

  it("give an offer's referral facts in checklist order, and the general ones of a region", async () => {
    const facts = await shipped("referral_facts.csv");
    const own = referralChecklist(offer("lovisenberg-psykologsamtaler"));
    expect(own.map((f) => f.id).sort()).toEqual(
      facts.filter((f) => f.offer_ids!.split(";").includes("lovisenberg-psykologsamtaler")).map((f) => f.id).sort(),
    );
    expect(own.map((f) => f.topic)).toEqual(["assessing_unit", "exclusions", "conditions", "conditions", "conditions", "conditions", "conditions"]);
    expect(idsOf(generalReferralFacts("Helse Vest"))).toEqual(facts.filter((f) => !f.offer_ids && f.region === "Helse Vest").map((f) => f.id));
    expect(generalReferralFacts("alle")).toHaveLength(facts.filter((f) => !f.offer_ids && f.region === "alle").length);
  });

  it("give the web addresses the sources print for an offer, its provider or its region, never another's", () => {
    expect(idsOf(addressesOf(offer("siv-psykolog-korttid")))).toEqual(["sykehuset-i-vestfold"]);
    expect(idsOf(addressesOf(offer("bergen-emeistring")))).toEqual(["bergen-emeistring"]);
    expect(idsOf(addressesOf(offer("telemark-sammensatte-psykisk")))).toEqual([]);
    expect(idsOf(regionAddresses("Helse Vest"))).toEqual(["rhf-helse-vest"]);
  });
});
