import * as Plot from "@observablehq/plot";
import { feature } from "topojson-client";
import type { Topology, GeometryCollection } from "topojson-specification";
import countries from "world-atlas/countries-50m.json" with { type: "json" };
import type { Place } from "../model/datasets.ts";
import { offerHref } from "../addresses.ts";
import { offers, places } from "../records.ts";
import { defineChart } from "./chart.ts";

const topology = countries as unknown as Topology<{ countries: GeometryCollection }>;
/** Norway's outline from Natural Earth (world-atlas), id 578. */
export const norway = feature(topology, topology.objects.countries).features.find((f) => f.id === "578")!;

interface PlaceOffers {
  place: Place;
  offerIds: string[];
  offerNames: string[];
}

const rows: PlaceOffers[] = places
  .map((place) => {
    const here = offers.filter((o) => o.place_ids?.includes(place.id));
    return { place, offerIds: here.map((o) => o.id), offerNames: here.map((o) => o.name) };
  })
  .filter((r) => r.offerIds.length > 0)
  .sort((a, b) => a.place.name.localeCompare(b.place.name, "nb"));

const withoutPlace = offers.filter((o) => !o.place_ids?.length).length;
const southernmost = [...rows].sort((a, b) => a.place.latitude - b.place.latitude)[0]!.place.name;
const easternmost = [...rows].sort((a, b) => b.place.longitude - a.place.longitude)[0]!.place.name;
// Mainland Norway, so Svalbard does not shrink the map.
const mainland = { type: "MultiPoint", coordinates: [[4.6, 57.9], [31.1, 71.2], [4.6, 71.2], [31.1, 57.9]] };

export const offerMap = defineChart<PlaceOffers>({
  id: "kart-over-tilbud",
  title: "Hvor tilbudene gis",
  takeaway: `Tilbudene gis på ${rows.length} steder, fra ${southernmost} i sør til ${easternmost} i øst.`,
  alt:
    `Kart over Norge med ett punkt per sted der et tilbud gis; jo flere tilbud, jo større punkt. ` +
    `${withoutPlace} av ${offers.length} tilbud har ikke noe sted i kilden og er ikke med på kartet. Tabellen under viser alle stedene med lenker til tilbudene.`,
  sourceId: "sintef-ntnu-folgeevaluering-vedlegg",
  sourceLocation: "Tabell 4.20–4.23 og avsnitt 4.6 (steder); kartgrunnlag Natural Earth",
  caveats: [
    "Stedene er de kildene nevner; koordinatene er tettstedets omtrentlige sentrum og ikke hentet fra kildene.",
    `${withoutPlace} tilbud har ikke noe sted i kilden, bare helseforetakets navn, og vises ikke på kartet.`,
  ],
  rows,
  columns: [
    { label: "Sted", value: (r) => r.place.name },
    { label: "Antall tilbud", value: (r) => r.offerIds.length, numeric: true },
    {
      label: "Tilbud",
      value: (r) => r.offerNames.join("; "),
      links: (r) => r.offerIds.map((id, i) => ({ href: offerHref(id), text: r.offerNames[i]! })),
    },
  ],
  plot: (data) => ({
    width: 520,
    height: 620,
    projection: { type: "transverse-mercator", rotate: [-15, -65], domain: mainland as never },
    r: { range: [3, 14] },
    marks: [
      Plot.geo(norway, { fill: "currentColor", fillOpacity: 0.08, stroke: "currentColor", strokeOpacity: 0.5, clip: "frame" } as never),
      Plot.dot(data, {
        x: (d: PlaceOffers) => d.place.longitude,
        y: (d: PlaceOffers) => d.place.latitude,
        r: (d: PlaceOffers) => d.offerIds.length,
        className: "chart-mark",
        stroke: "white",
      }),
    ],
  }),
});
