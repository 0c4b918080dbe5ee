import type { Statistic } from "../model/datasets.ts";
import { statistics } from "../records.ts";
import { formatDecimal } from "../format.ts";
import { intervalDots } from "./intervalPlot.ts";
import { defineChart, sourceColumn } from "./chart.ts";

/** The debitor 20 coefficient of Tabell 4.85 per sector: extra days of sick pay, with our 95 % interval from its standard error. */
interface Estimate {
  sector: string;
  days: number;
  low: number;
  high: number;
  cell: Statistic;
  error: Statistic;
}

const TABLE = "tabell-4-85";
const sectorNames: Record<string, string> = { Somatikk: "Somatikk", PHV: "Psykisk helsevern", TSB: "Rusbehandling (TSB)", Rehab: "Rehabilitering" };
const inTable = statistics.filter((c) => c.table_id === TABLE);
const estimates = inTable.filter((c) => c.row_order === 1 && c.value !== undefined);
const rows: Estimate[] = estimates.flatMap((cell) => {
  const error = inTable.find((c) => c.row_order === 2 && c.column_order === cell.column_order && c.value !== undefined);
  if (!error) return [];
  // The source prints its standard errors with a minus sign (parentheses lost in the layout); the size is what counts.
  const margin = 1.96 * Math.abs(error.value!);
  return [{ sector: sectorNames[cell.column_label] ?? cell.column_label, days: cell.value!, low: cell.value! - margin, high: cell.value! + margin, cell, error }];
});
const clear = rows.filter((r) => r.low > 0).map((r) => r.sector.toLowerCase());

export const sickPayDurationRegression = defineChart<Estimate>({
  id: "sykepengedager-regresjon-debitorkode-20",
  title: "Ekstra dager med sykepenger for pasienter med debitorkode 20, per sektor (regresjon), 2008–2018",
  takeaway: `Justert for alder, kjønn og utdanning hadde pasienter med debitorkode 20 lengre sykepengetilfeller enn andre pasienter${clear.length ? ` i ${clear.join(", ").replace(/, ([^,]*)$/, " og $1")}` : ""}. Det er en sammenheng, ikke en effekt av tilbudet.`,
  alt:
    "Punkt med strek for et 95 % intervall per sektor, i dager. " +
    rows.map((r) => `${r.sector}: ${formatDecimal(r.days)} dager (${formatDecimal(r.low)} til ${formatDecimal(r.high)})`).join("; ") +
    ".",
  sourceId: "sintef-ntnu-folgeevaluering-vedlegg",
  sourceLocation: "Tabell 4.85",
  caveats: [
    "Intervallene er regnet av oss som koeffisienten ± 1,96 standardfeil; kilden oppgir bare koeffisient og standardfeil (trykt med minustegn, som vi leser som tallets størrelse).",
    "De som ble henvist til Raskere tilbake, hadde ofte lengre sykefravær allerede; effekten av tilbudet er beregnet for seg på effektsiden.",
  ],
  rows,
  columns: [
    { label: "Sektor", value: (r) => r.sector },
    { label: "Ekstra dager", value: (r) => formatDecimal(r.days), csv: (r) => r.days, numeric: true },
    { label: "Standardfeil", value: (r) => formatDecimal(Math.abs(r.error.value!)), csv: (r) => Math.abs(r.error.value!), numeric: true },
    { label: "95 % intervall nedre", value: (r) => formatDecimal(r.low), csv: (r) => r.low, numeric: true },
    { label: "95 % intervall øvre", value: (r) => formatDecimal(r.high), csv: (r) => r.high, numeric: true },
    sourceColumn(),
  ],
  plot: (data) => intervalDots(data, { label: (r) => r.sector, value: (r) => r.days, xLabel: "Ekstra dager med sykepenger", marginLeft: 170, height: 240 }),
});
