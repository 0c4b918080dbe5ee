import type { Statistic } from "../model/datasets.ts";
import { formatNumber } from "../format.ts";
import { comparisonChart, type ComparisonPoint } from "./comparisonChart.ts";

const valueOf = (points: ComparisonPoint[], category: string, series: string) =>
  points.find((p) => p.category === category && p.series === series)!.value;

const rt = "Raskere tilbake";
const notRt = "Ikke Raskere tilbake";

export const sickLeaveDaysByDiagnosis = comparisonChart({
  id: "sykepengedager-etter-diagnose",
  title: "Median antall dager med sykepenger, etter sykepengediagnose, 2008–2018",
  takeaway: (points) =>
    `For psykiske lidelser var medianen ${formatNumber(valueOf(points, "Psykisk", rt))} dager for pasienter i Raskere tilbake mot ${formatNumber(valueOf(points, "Psykisk", notRt))} for andre sykmeldte; forskjellen sier ikke noe om effekt, siden pasientene ble valgt ut til tilbudet.`,
  caveats: [
    "Sammenligningen er beskrivende: pasientene i Raskere tilbake er ikke en tilfeldig gruppe, og kilden beregner effekter for seg (se effektsiden).",
    "Median over hele perioden 2008–2018.",
  ],
  select: (c) =>
    c.table_id === "tabell-4-83" ? { category: c.row_label, series: c.column_label.startsWith("Ikke") ? notRt : rt } : undefined,
  series: [rt, notRt],
  sortBy: rt,
  xLabel: "Dager med sykepenger (median)",
  sourceLocation: "Tabell 4.83",
});

const sectorNames: Record<string, string> = { Somatikk: "somatikk", PHV: "psykisk helsevern", TSB: "TSB", Rehabilitering: "rehabilitering" };

export const sickLeaveDaysBySector = comparisonChart({
  id: "sykepengedager-etter-diagnose-og-sektor",
  title: "Median antall dager med sykepenger, etter diagnose og sektor, 2008–2018",
  takeaway: (points) => {
    const muskel = points.filter((p) => p.category.startsWith("Muskel/") && p.series === rt);
    const max = muskel.reduce((a, b) => (b.value > a.value ? b : a));
    return `Pasienter med debitorkode 20 hadde flere sykepengedager enn andre i nesten alle grupper; for muskel- og skjelettdiagnoser var medianen høyest i ${max.category.split(" – ")[1]} (${formatNumber(max.value)} dager).`;
  },
  caveats: ["Beskrivende tall: forskjellene kan skyldes hvem som ble henvist, ikke tilbudet.", "Median over hele perioden 2008–2018."],
  select: (c: Statistic) => {
    if (c.table_id !== "tabell-4-84") return undefined;
    const [sector, group] = c.column_label.split(" / ");
    return { category: `${c.row_label.replace("Muskel- og skjelett systemet", "Muskel/skjelett")} – ${sectorNames[sector!]}`, series: group === "deb20" ? rt : notRt };
  },
  series: [rt, notRt],
  xLabel: "Dager med sykepenger (median)",
  sourceLocation: "Tabell 4.84",
});

const sectorOfRow: Record<string, string> = {
  ALLE: "Alle sektorer",
  SOMATIKK: "Somatikk",
  PHV: "Psykisk helsevern",
  TSB: "TSB",
  REHAB: "Rehabilitering",
  "SOMATIKK - med muskelskjelettdiagnose i forløpet": "Somatikk, muskel/skjelett",
};
const onlyRt = "Forløp med bare debitorkode 20";
const noRt = "Forløp uten debitorkode 20";

export const waitingTimeBySector = comparisonChart({
  id: "ventetid-etter-sektor",
  title: "Median ventetid i dager, forløp med og uten debitorkode 20, 2008–2018",
  takeaway: (points) =>
    `Over alle sektorer var median ventetid ${formatNumber(valueOf(points, "Alle sektorer", onlyRt))} dager i forløp med bare debitorkode 20 og ${formatNumber(valueOf(points, "Alle sektorer", noRt))} dager i forløp uten.`,
  caveats: [
    "Forløpsdefinisjon A; tabellen viser også definisjon B og forløp med både debitorkode 20 og annen aktivitet.",
    "Rehabilitering har ingen henvisningsdatoer før 2014 og mye som mangler i definisjon A.",
  ],
  select: (c) => {
    if (c.table_id !== "tabell-4-73") return undefined;
    const [row, definition] = c.row_label.split(" / ");
    if (definition !== "Ventetid A" && definition !== "A") return undefined;
    if (c.column_order === 3) return { category: sectorOfRow[row!]!, series: noRt };
    if (c.column_order === 4) return { category: sectorOfRow[row!]!, series: onlyRt };
    return undefined;
  },
  series: [onlyRt, noRt],
  xLabel: "Ventetid i dager (median)",
  sourceLocation: "Tabell 4.73",
});

const ranks = ["Viktigst", "Nest viktigst", "Tredje viktigst"];

export const mostImportantPartner = comparisonChart({
  id: "viktigste-samhandlingsaktor",
  title: "Viktigste samhandlingsaktør for tilbudene, andel (%), 2019",
  takeaway: (points) => {
    const top = points.filter((p) => p.series === "Viktigst").reduce((a, b) => (b.value > a.value ? b : a));
    return `${top.category} ble oftest rangert som viktigste samhandlingsaktør (${formatNumber(top.value)} prosent).`;
  },
  caveats: [
    "Ansatte i Helse og arbeid-tilbudene rangerte aktørene rundt «gjennomsnittspasienten» i kartleggingen i 2019 (N = 165).",
    "Merknader i parentes i aktørnavnene står i tabellen.",
  ],
  select: (c) =>
    c.table_id === "tabell-4-19" && ranks.includes(c.column_label) && c.unit === "prosent" && c.row_label !== "Sum andel"
      ? { category: c.row_label.replace(/\s*\(.*\)$/, ""), series: c.column_label }
      : undefined,
  series: ranks,
  sortBy: "Viktigst",
  xLabel: "Andel (%)",
  sourceLocation: "Tabell 4.19",
});
