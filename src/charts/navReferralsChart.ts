import type { Statistic } from "../model/datasets.ts";
import { statistics } from "../records.ts";
import { formatInteger } from "../format.ts";
import { labelledBars } from "./barPlot.ts";
import { defineChart, sourceColumn } from "./chart.ts";

/** NAV's referrals to Raskere tilbake services by county, 2008 up to May (SNF 2008, Tabell 1, the "Sum henvisninger" column). */
interface CountyReferrals {
  county: string;
  value: number;
  cell: Statistic;
}

const TABLE = "kilde000-tabell-1";
const sums = statistics.filter((c) => c.table_id === TABLE && c.column_label === "Sum henvisninger" && c.value !== undefined);
// The source prints county names in capitals ("ØSTFOLD", "MØRE OG ROMSDAL"); a reader expects them as names.
const asName = (printed: string) => printed.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase()).replace(/ Og /g, " og ");
const national = sums.find((c) => c.row_label === "Riket");
const rows: CountyReferrals[] = sums
  .filter((c) => c !== national)
  .map((c) => ({ county: asName(c.row_label), value: c.value!, cell: c }))
  .sort((a, b) => b.value - a.value);
const most = rows[0];

export const navReferralsByCounty = defineChart<CountyReferrals>({
  id: "nav-henvisninger-etter-fylke-2008",
  title: "NAVs henvisninger til Raskere tilbake etter fylke, 2008 (til mai)",
  takeaway: most
    ? `${most.county} hadde flest henvisninger fra NAV de første månedene av 2008 (${formatInteger(most.value)} av ${national ? formatInteger(national.value!) : "alle"} i landet).`
    : "Ingen henvisninger i tabellen.",
  alt: "Liggende stolper per fylke, sortert fra flest til færrest: " + rows.map((r) => `${r.county} ${formatInteger(r.value)}`).join("; ") + ".",
  sourceId: "snf-2008-implementering",
  sourceLocation: "Tabell 1",
  caveats: [
    "Tallene gjelder henvisninger fra NAV til tjenester NAV kjøpte (avklaring, arbeidsrettet rehabilitering og oppfølging), per mai 2008; henvisningene til helseforetakene er ikke med.",
    "Fylkene er ulike store, så tallene sier ikke noe om hvor mange sykmeldte som fikk tilbud per innbygger.",
  ],
  rows,
  columns: [
    { label: "Fylke", value: (r) => r.county },
    { label: "Henvisninger", value: (r) => r.value, numeric: true },
    sourceColumn(),
  ],
  plot: (data) => labelledBars(data, { label: (r) => r.county, value: (r) => r.value, xLabel: "Henvisninger", marginLeft: 130, height: 460 }),
});
