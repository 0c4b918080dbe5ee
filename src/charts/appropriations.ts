import * as Plot from "@observablehq/plot";
import { formatInteger, formatMillions } from "../format.ts";
import { appropriations } from "../records.ts";
import { defineChart } from "./chart.ts";

const years = appropriations.filter((r) => !r.is_total);
const raskereTilbake = years.filter((r) => r.scheme === "Raskere tilbake");
const helseOgArbeid = years.filter((r) => r.scheme === "Helse og arbeid");
const total = appropriations.find((r) => r.is_total && r.scheme === "Raskere tilbake");
// 2007 is the source's own estimate, so the trend is stated from the first exact year.
const exact = raskereTilbake.filter((r) => !r.is_estimate);
const risesEveryYear = exact.every((r, i) => i === 0 || r.amount_nok > exact[i - 1]!.amount_nok);
const firstExact = exact[0]!;
const lastRt = raskereTilbake[raskereTilbake.length - 1]!;
const hoa = helseOgArbeid[0];

export const appropriationsPerYear = defineChart({
  id: "bevilgninger-per-ar",
  title: "Bevilgninger til Raskere tilbake og Helse og arbeid, 2007–2018",
  takeaway:
    `${risesEveryYear ? "Bevilgningen økte hvert år" : "Bevilgningen endret seg"} fra ${formatMillions(firstExact.amount_nok)} kroner i ${firstExact.period_start} ` +
    `til ${formatMillions(lastRt.amount_nok)} kroner i ${lastRt.period_start}.` +
    (hoa ? ` I ${hoa.period_start} ble ${formatMillions(hoa.amount_nok)} kroner lagt inn i helseforetakenes rammer som Helse og arbeid.` : ""),
  alt:
    `Stolpediagram over årlige bevilgninger i millioner kroner, ${years[0]!.period_start}–${years[years.length - 1]!.period_start}. ` +
    `Beløpene ligger mellom ${formatMillions(Math.min(...years.map((r) => r.amount_nok)))} og ${formatMillions(Math.max(...years.map((r) => r.amount_nok)))} kroner per år` +
    (total ? `, til sammen ${formatInteger(total.amount_nok)} kroner for Raskere tilbake ${total.period_start}–${total.period_end}.` : ".") +
    (hoa ? ` Stolpen for ${hoa.period_start} er lysere fordi den gjelder Helse og arbeid.` : ""),
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
    {
      label: "Beløp (kr)",
      value: (r) => formatInteger(r.amount_nok) + (r.is_estimate ? " (beregnet)" : ""),
      csv: (r) => r.amount_nok,
      numeric: true,
    },
    { label: "Beregnet av kilden", value: (r) => (r.is_estimate ? "ja" : "nei") },
  ],
  plot: () => ({
    width: 720,
    height: 380,
    marginLeft: 60,
    marginTop: 30,
    marginBottom: 45,
    x: { label: "Budsjettår", tickFormat: (d: number) => String(d), type: "band", domain: years.map((r) => r.period_start) },
    y: { label: "Mill. kr", grid: true, tickFormat: (d: number) => formatInteger(d / 1e6) },
    marks: [
      Plot.barY(raskereTilbake, { x: "period_start", y: "amount_nok", className: "chart-mark" }),
      Plot.barY(helseOgArbeid, { x: "period_start", y: "amount_nok", className: "chart-mark chart-mark-alt" }),
      Plot.text(helseOgArbeid, { x: "period_start", y: "amount_nok", text: () => "Helse og arbeid", dy: -10, textAnchor: "end", dx: 20 }),
      Plot.ruleY([0]),
    ],
  }),
});
