import { formatDecimal } from "../format.ts";
import type { Statistic } from "../model/datasets.ts";
import { statistics } from "../records.ts";
import { intervalDots } from "./intervalPlot.ts";
import { defineChart, sourceColumn } from "./chart.ts";

/** The effect estimate the source trusts most (ATE, Mahalanobis matching) with its 95 % interval, per sector and outcome. */
interface Effect {
  sector: string;
  outcome: string;
  coef: number;
  low: number;
  high: number;
  p: number;
  cell: Statistic;
}

const tables: [string, string, string][] = [
  ["tabell-5-1", "Poliklinisk somatikk", "Sykefravær"],
  ["tabell-5-2", "Poliklinisk somatikk", "Helserelaterte ytelser"],
  ["tabell-5-3", "Psykisk helsevern", "Sykefravær"],
  ["tabell-5-4", "Psykisk helsevern", "Helserelaterte ytelser"],
  ["tabell-5-5", "Rehabilitering", "Sykefravær"],
  ["tabell-5-6", "Rehabilitering", "Helserelaterte ytelser"],
];

const rows: Effect[] = tables.map(([tableId, sector, outcome]) => {
  const cell = (column: string) =>
    statistics.find((c) => c.table_id === tableId && c.row_label === "ATE (mahalanobis)" && c.column_label.startsWith(column))!;
  const coef = cell("Coef.");
  return {
    sector,
    outcome,
    coef: coef.value!,
    low: cell("[95% Conf. Interval] nedre").value!,
    high: cell("[95% Conf. Interval] øvre").value!,
    p: cell("P>t").value!,
    cell: coef,
  };
});

const sickLeave = rows.filter((r) => r.outcome === "Sykefravær");
const uncertain = sickLeave.filter((r) => r.low < 0 && r.high > 0).length;
const fewer = sickLeave.filter((r) => r.high < 0).map((r) => r.sector.toLowerCase());

export const effectEstimates = defineChart<Effect>({
  id: "effekt-sykefravaer-og-ytelser",
  title: "Beregnet effekt på dager med sykefravær og helserelaterte ytelser, 2008–2018",
  takeaway:
    uncertain === sickLeave.length
      ? "For sykefravær omfatter konfidensintervallet null i alle tre sektorene: evalueringen finner ingen sikker forskjell."
      : `For sykefravær omfatter konfidensintervallet null i ${uncertain} av ${sickLeave.length} sektorer` +
        (fewer.length ? `; bare for ${fewer.join(" og ")} ligger hele intervallet under null (færre dager enn kontrollgruppen).` : "."),
  alt:
    "Punkt med strek for 95 % konfidensintervall per sektor og utfall, i dager (negativ verdi betyr færre dager enn kontrollgruppen). " +
    rows.map((r) => `${r.sector}, ${r.outcome.toLowerCase()}: ${formatDecimal(r.coef)} dager (${formatDecimal(r.low)} til ${formatDecimal(r.high)})`).join("; ") +
    ".",
  sourceId: "sintef-ntnu-folgeevaluering-vedlegg",
  sourceLocation: "Tabell 5.1–5.6, raden «ATE (mahalanobis)»",
  caveats: [
    "Hvem som fikk behandlingen var ikke tilfeldig; kontrollgruppen er matchet bare på kjønn, alder, utdanning og diagnose.",
    "Kilden regner ATE (mahalanobis) som det mest pålitelige anslaget; de andre anslagene står i tabellene.",
    "Registreringen av debitorkode 20 var ufullstendig i 2018, og tallene er gjennomsnitt for svært ulike pasienter.",
  ],
  rows,
  columns: [
    { label: "Sektor", value: (r) => r.sector },
    { label: "Utfall", value: (r) => r.outcome },
    { label: "Effekt (dager)", value: (r) => formatDecimal(r.coef), csv: (r) => r.coef, numeric: true },
    { label: "95 % KI nedre", value: (r) => formatDecimal(r.low), csv: (r) => r.low, numeric: true },
    { label: "95 % KI øvre", value: (r) => formatDecimal(r.high), csv: (r) => r.high, numeric: true },
    { label: "p", value: (r) => String(r.p).replace(".", ","), csv: (r) => r.p, numeric: true },
    sourceColumn(),
  ],
  plot: (data) =>
    intervalDots(data, { label: (r) => `${r.sector} – ${r.outcome.toLowerCase()}`, value: (r) => r.coef, xLabel: "Dager (negativ = færre enn kontrollgruppen)", marginLeft: 290, height: 300 }),
});
