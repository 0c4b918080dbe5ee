import * as Plot from "@observablehq/plot";
import { formatInteger, formatMillions } from "../format.ts";
import { appropriations } from "../records.ts";
import { defineChart } from "./chart.ts";

const years = appropriations.filter((r) => !r.is_total);
const total = appropriations.find((r) => r.is_total && r.scheme === "Raskere tilbake");
const first = years[0]!;
const last = years[years.length - 1]!;

export const appropriationsPerYear = defineChart({
  id: "bevilgninger-per-ar",
  title: "Bevilgninger til Raskere tilbake og Helse og arbeid, 2007–2018",
  takeaway: `Bevilgningen økte jevnt fra ${formatMillions(first.amount_nok)} kroner i ${first.period_start} til ${formatMillions(last.amount_nok)} kroner i ${last.period_start}, da midlene ble lagt inn i helseforetakenes rammer.`,
  alt:
    `Stolpediagram over årlige bevilgninger i millioner kroner. Beløpene ligger mellom ` +
    `${formatMillions(Math.min(...years.map((r) => r.amount_nok)))} og ${formatMillions(Math.max(...years.map((r) => r.amount_nok)))} kroner per år` +
    (total ? `, til sammen ${formatInteger(total.amount_nok)} kroner for Raskere tilbake ${total.period_start}–${total.period_end}.` : "."),
  sourceId: "sintef-ntnu-folgeevaluering-vedlegg",
  sourceLocation: "Tabell 2.1",
  caveats: [
    "Beløpet for 2007 er beregnet av kilden ut fra totalsummen for 2007–2011, fordi det eksakte beløpet ikke var oppgitt.",
    "Fra 2018 er midlene en del av helseforetakenes rammeoverføring og ikke lenger en egen bevilgning.",
    "Nominelle kroner, ikke justert for prisvekst.",
  ],
  rows: years,
  columns: [
    { label: "År", value: (r) => String(r.period_start) },
    { label: "Ordning", value: (r) => r.scheme },
    { label: "Beløp (kr)", value: (r) => formatInteger(r.amount_nok) + (r.is_estimate ? " (beregnet)" : ""), numeric: true },
  ],
  plot: (rows) => ({
    width: 720,
    height: 360,
    marginLeft: 70,
    x: { label: "Budsjettår", tickFormat: (d: number) => String(d), type: "band" },
    y: { label: "Mill. kr", grid: true, tickFormat: (d: number) => formatInteger(d / 1e6) },
    marks: [
      Plot.barY(rows, { x: "period_start", y: "amount_nok", className: "chart-mark", fill: "currentColor" }),
      Plot.ruleY([0]),
    ],
  }),
});
