import type { Statistic } from "../model/datasets.ts";
import { formatNumber } from "../format.ts";
import { seriesChart, type SeriesPoint } from "./seriesChart.ts";

const sectorOfTable: Record<string, string> = {
  "tabell-4-37": "Arbeidsrettet rehabilitering",
  "tabell-4-38": "Somatikk",
  "tabell-4-39": "Psykisk helsevern",
  "tabell-4-40": "TSB",
};
const series = (points: SeriesPoint[], name: string) => points.filter((p) => p.series === name);
const first = (ps: SeriesPoint[]) => ps[0]!;
const lastFull = (ps: SeriesPoint[]) => ps.filter((p) => !p.partial).at(-1)!;
const describeSeries = (points: SeriesPoint[]) =>
  [...new Set(points.map((p) => p.series))]
    .map((s) => {
      const ps = series(points, s);
      return `${s}: ${formatNumber(first(ps).value)} i ${first(ps).year}, ${formatNumber(lastFull(ps).value)} i ${lastFull(ps).year}`;
    })
    .join("; ");

const activityRow = (row: string) => (c: Statistic) => (c.row_label === row ? sectorOfTable[c.table_id] : undefined);

export const uniquePatientsBySector = seriesChart({
  id: "unike-pasienter-etter-sektor",
  title: "Unike pasienter med debitorkode 20, etter sektor, 2017–2021",
  takeaway: (points) => {
    const som = series(points, "Somatikk");
    return `Antall registrerte pasienter i somatikken falt fra ${formatNumber(first(som).value)} i ${first(som).year} til ${formatNumber(lastFull(som).value)} i ${lastFull(som).year}, samtidig som registreringen av koden falt.`;
  },
  alt: (points) => `Linjediagram med én linje per sektor. ${describeSeries(points)}.`,
  caveats: [
    "Registreringen av debitorkode 20 falt kraftig fra 2018, da koden ikke lenger ga finansiering; nedgangen viser derfor også endret registrering, ikke bare færre pasienter.",
    "Unike pasienter per sektor kan ikke legges sammen til et nasjonalt tall: samme pasient kan behandles i flere sektorer samme år.",
  ],
  select: activityRow("Unike pasienter"),
  yLabel: "Pasienter",
  sourceLocation: "Tabell 4.37–4.40",
});

export const outpatientConsultationsBySector = seriesChart({
  id: "polikliniske-konsultasjoner-etter-sektor",
  title: "Polikliniske konsultasjoner med debitorkode 20, etter sektor, 2017–2021",
  takeaway: (points) => {
    const phv = series(points, "Psykisk helsevern");
    return `I psykisk helsevern ble det registrert ${formatNumber(first(phv).value)} konsultasjoner i ${first(phv).year} og ${formatNumber(lastFull(phv).value)} i ${lastFull(phv).year}.`;
  },
  alt: (points) => `Linjediagram med én linje per sektor. ${describeSeries(points)}.`,
  caveats: [
    "Registreringen av debitorkode 20 falt kraftig fra 2018, da koden ikke lenger ga finansiering.",
  ],
  select: activityRow("Polikliniske konsultasjoner"),
  yLabel: "Konsultasjoner",
  sourceLocation: "Tabell 4.37–4.40",
});

export const patientsPerYear = seriesChart({
  id: "raskere-tilbake-pasienter-per-ar",
  title: "Pasienter behandlet med debitorkode 20 per år, 2008–2018",
  takeaway: (points) => {
    const max = points.reduce((a, b) => (b.value > a.value ? b : a));
    return `Antallet var høyest i ${max.year}, med ${formatNumber(max.value)} pasienter.`;
  },
  alt: (points) => `Linjediagram over antall pasienter per år. ${describeSeries(points)}.`,
  caveats: ["Tallet for 2018 er lavt også fordi registreringen av debitorkode 20 falt etter omleggingen."],
  select: (c) => (c.table_id === "tabell-4-55" && c.row_label === "N" ? "Pasienter (N)" : undefined),
  yLabel: "Pasienter",
  sourceLocation: "Tabell 4.55 (rad N)",
});

export const womenShare = seriesChart({
  id: "andel-kvinner-og-menn",
  title: "Kvinner og menn blant pasientene, andel (%), 2008–2018",
  takeaway: (points) => {
    const k = series(points, "Kvinne");
    return `Andelen kvinner økte fra ${formatNumber(first(k).value)} prosent i ${first(k).year} til ${formatNumber(lastFull(k).value)} prosent i ${lastFull(k).year}.`;
  },
  alt: (points) => `Linjediagram over andelen kvinner og menn. ${describeSeries(points)}.`,
  caveats: ["Andeler av alle behandlede pasienter med debitorkode 20 det enkelte år."],
  select: (c) => (c.table_id === "tabell-4-55" && (c.row_label === "Kvinne" || c.row_label === "Mann") ? c.row_label : undefined),
  yLabel: "Prosent",
  sourceLocation: "Tabell 4.55",
});

export const patientsBySector = seriesChart({
  id: "pasienter-etter-sektor",
  title: "Pasientene etter sektor, andel (%), 2008–2018",
  takeaway: (points) => {
    const s = series(points, "Somatikk");
    const p = series(points, "Psykisk helsevern");
    return `Somatikkens andel falt fra ${formatNumber(first(s).value)} til ${formatNumber(lastFull(s).value)} prosent, mens psykisk helsevern økte fra ${formatNumber(first(p).value)} til ${formatNumber(lastFull(p).value)} prosent.`;
  },
  alt: (points) => `Linjediagram med én linje per sektor. ${describeSeries(points)}.`,
  caveats: [
    "Samme pasient kan behandles i flere sektorer samme år, så andelene kan summere til mer enn 100.",
    "Rehabilitering ble rapportert fra 2014.",
  ],
  select: (c) => (c.table_id === "tabell-4-60" && !["Total", "N"].includes(c.row_label) ? c.row_label.replace("*", "") : undefined),
  yLabel: "Prosent",
  sourceLocation: "Tabell 4.60",
});

export const patientsByRegion = seriesChart({
  id: "pasienter-etter-region",
  title: "Pasientene etter helseregion, andel (%), 2008–2018",
  takeaway: (points) => {
    const s = series(points, "Sør-Øst");
    return `Helse Sør-Øst hadde flest av pasientene hele perioden: ${formatNumber(first(s).value)} prosent i ${first(s).year} og ${formatNumber(lastFull(s).value)} prosent i ${lastFull(s).year}.`;
  },
  alt: (points) => `Linjediagram med én linje per region. ${describeSeries(points)}.`,
  caveats: ["«Annet» (private og andre) er ikke med i figuren, men står i tabellen."],
  select: (c) => (c.table_id === "tabell-4-57" && ["Sør-Øst", "Vest", "Midt", "Nord"].includes(c.row_label) ? c.row_label : undefined),
  yLabel: "Prosent",
  sourceLocation: "Tabell 4.57",
});

export const patientsByDiagnosis = seriesChart({
  id: "pasienter-etter-diagnose",
  title: "De tre største diagnosegruppene (ICD-10-kapittel), andel (%), 2008–2018",
  takeaway: (points) => {
    const f = series(points, "F Psykiske lidelser");
    return `Psykiske lidelser (kapittel F) økte fra ${formatNumber(first(f).value)} prosent av pasientene i ${first(f).year} til ${formatNumber(lastFull(f).value)} prosent i ${lastFull(f).year}.`;
  },
  alt: (points) => `Linjediagram over andelen pasienter i tre ICD-10-kapitler. ${describeSeries(points)}.`,
  caveats: ["Andel av pasientene etter hoveddiagnosekode; de andre kapitlene står i tabellen."],
  select: (c) => {
    if (c.table_id !== "tabell-4-61") return undefined;
    if (c.row_label.startsWith("F ")) return "F Psykiske lidelser";
    if (c.row_label.startsWith("M ")) return "M Muskel-skjelett";
    if (c.row_label.startsWith("Z ")) return "Z Faktorer av betydning for helsetilstand";
    return undefined;
  },
  yLabel: "Prosent",
  sourceLocation: "Tabell 4.61",
});

export const sickLeaveCases = seriesChart({
  id: "sykepengetilfeller-per-ar",
  title: "Sykepengetilfeller per år i hele befolkningen, 2003–2018",
  takeaway: (points) => {
    const ps = series(points, "Antall tilfeller");
    const max = ps.reduce((a, b) => (b.value > a.value ? b : a));
    return `Det var flest sykepengetilfeller i ${max.year} (${formatNumber(max.value)}).`;
  },
  alt: (points) => `Linjediagram over antall sykepengetilfeller per år. ${describeSeries(points)}.`,
  caveats: ["Alle som har mottatt sykepenger, ikke bare pasienter i Raskere tilbake."],
  select: (c) => (c.table_id === "tabell-4-46" && c.column_label === "Antall tilfeller" ? "Antall tilfeller" : undefined),
  yLabel: "Tilfeller",
  sourceLocation: "Tabell 4.46",
});
