import * as Plot from "@observablehq/plot";
import { groupLabels, reviewsOfGroup } from "../evidence.ts";
import { reviewGroups } from "../model/datasets.ts";
import { defineChart } from "./chart.ts";
import { reviewsTakeaway } from "../prose.ts";

/** How many reviews of a group were published in a year. */
interface GroupYear {
  group: string;
  year: number;
  count: number;
}

const rows: GroupYear[] = reviewGroups.flatMap((g) => {
  const reviews = reviewsOfGroup(g);
  const years = [...new Set(reviews.map((r) => r.year!))].sort();
  return years.map((year) => ({ group: groupLabels[g].title, year, count: reviews.filter((r) => r.year === year).length }));
});
const allYears = [...new Set(rows.map((r) => r.year))].sort();
const years = Array.from({ length: allYears.at(-1)! - allYears[0]! + 1 }, (_, i) => allYears[0]! + i);
const total = (g: string) => rows.filter((r) => r.group === g).reduce((s, r) => s + r.count, 0);
/** Each review once, though one stands in two groups: the share of recent reviews is a share of reviews, not of cells. */
const reviewYears = [...new Map(reviewGroups.flatMap((g) => reviewsOfGroup(g)).map((r) => [r.id, r.year])).values()].filter((y) => y !== undefined);
/** Reviews from this year on count as recent in the takeaway. */
const recentFrom = 2017;

export const reviewsByGroupAndYear = defineChart<GroupYear>({
  id: "oversikter-etter-gruppe-og-ar",
  title: "Systematiske oversikter i litteraturgjennomgangen, etter gruppe og utgivelsesår",
  takeaway: reviewsTakeaway(reviewGroups.map((g) => ({ title: groupLabels[g].title, count: total(groupLabels[g].title) })), reviewYears, recentFrom),
  alt:
    "Rutenett med én rad per gruppe og én kolonne per år; tallet i ruta er antall oversikter. " +
    reviewGroups.map((g) => `${groupLabels[g].title}: ${rows.filter((r) => r.group === groupLabels[g].title).map((r) => `${r.count} i ${r.year}`).join(", ")}`).join("; ") +
    ".",
  sourceId: "sintef-ntnu-folgeevaluering-vedlegg",
  sourceLocation: "Tabell 4.1–4.8",
  caveats: [
    "Én oversikt (Joosen 2015) står i to tabeller og telles i begge gruppene, slik kilden gjør når den oppgir 67 oversikter.",
    "Søket ble gjort i desember 2021; senere oversikter er ikke med.",
  ],
  rows,
  columns: [
    { label: "Gruppe", value: (r) => r.group },
    { label: "År", value: (r) => String(r.year), csv: (r) => r.year },
    { label: "Oversikter", value: (r) => r.count, numeric: true },
  ],
  plot: (data) => ({
    width: 720,
    height: 340,
    marginLeft: 250,
    padding: 0.06,
    x: { label: null, domain: years, tickFormat: (d: number) => String(d) },
    y: { label: null, domain: reviewGroups.map((g) => groupLabels[g].title) },
    marks: [
      Plot.cell(data, { x: "year", y: "group", className: "chart-mark", fillOpacity: (r: GroupYear) => Math.min(0.15 + 0.08 * r.count, 0.55) }),
      Plot.text(data, { x: "year", y: "group", text: (r: GroupYear) => String(r.count), fontWeight: "bold", fontSize: 13 }),
    ],
  }),
});
