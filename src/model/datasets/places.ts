import { decimal, id, oneOf, text } from "../columns.ts";
import { defineDataset, type RecordOf } from "../dataset.ts";
import { counties } from "../vocabularies.ts";

export const places = defineDataset({
  name: "places",
  file: "places.csv",
  title: "Steder",
  description:
    "Steder der tilbudene gis, med koordinater på tettstednivå for kartet. Koordinatene er ikke fra kildene, men allment kjent geografi.",
  key: "id",
  columns: {
    id: id({ description: "Fast id for stedet, f.eks. «tonsberg»." }),
    name: text({ description: "Stedsnavn.", maxLength: 80 }),
    county: oneOf(counties, { description: "Fylket stedet ligger i, etter fylkesinndelingen fra 2024 (allment kjent geografi, ikke fra kildene)." }),
    latitude: decimal({ description: "Breddegrad (WGS 84), tettstedets omtrentlige sentrum.", min: 57, max: 72 }),
    longitude: decimal({ description: "Lengdegrad (WGS 84), tettstedets omtrentlige sentrum.", min: 4, max: 32 }),
    coordinate_source: text({ description: "Hvor koordinatene kommer fra.", maxLength: 200 }),
  },
  asPrinted: ["name"],
});

export type Place = RecordOf<typeof places>;
