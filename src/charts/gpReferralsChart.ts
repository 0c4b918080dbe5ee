import type { Statistic } from "../model/datasets.ts";
import { statistics } from "../records.ts";
import { labelledBars } from "./barPlot.ts";
import { defineChart, sourceColumn } from "./chart.ts";
import { gpReferralsTakeaway } from "../prose.ts";

/** Distinct referring GPs and GP agreements per health trust in Helse Nord (section 4.9.5, rows 1 and 2). */
interface TrustGps {
  trust: string;
  measure: string;
  value: number;
  period: string;
  cell: Statistic;
}

const cells = statistics.filter((c) => c.table_id === "avsnitt-4-9-5" && (c.row_order === 1 || c.row_order === 2) && c.value !== undefined);
const rows: TrustGps[] = cells.map((c) => ({
  trust: c.column_label.replace("-sykehuset", "sykehuset"),
  measure: c.row_order === 1 ? "Fastleger som har henvist" : "Fastlegeavtaler (SSB)",
  value: c.value!,
  period: c.period ?? "",
  cell: c,
}));
const label = (r: TrustGps) => `${r.trust}: ${r.measure.toLowerCase()}`;
/** The trusts with both numbers, and among them those where more distinct GPs referred than there are GP agreements. */
const compared = [...new Set(rows.map((r) => r.trust))].flatMap((t) => {
  const gps = rows.find((r) => r.trust === t && r.measure.startsWith("Fastleger som"));
  const agreements = rows.find((r) => r.trust === t && r.measure.startsWith("Fastlegeavtaler"));
  return gps && agreements ? [{ trust: t, over: gps.value > agreements.value }] : [];
});
const over100 = compared.filter((c) => c.over).map((c) => c.trust);

export const gpReferrals = defineChart<TrustGps>({
  id: "fastleger-som-henviser-helse-nord",
  title: "Fastleger som har henvist til HelseIArbeid, og fastlegeavtaler, Helse Nord",
  takeaway: gpReferralsTakeaway(over100, compared.length),
  alt: "Liggende stolper per helseforetak: " + rows.map((r) => `${label(r)} ${r.value}`).join("; ") + ".",
  sourceId: "sintef-ntnu-folgeevaluering-vedlegg",
  sourceLocation: "Avsnitt 4.9.5",
  caveats: [
    "Periodene er ulike: UNN og Nordlandssykehuset hele 2020, Finnmarkssykehuset 1.11.2020–1.11.2021; for Helgelandssykehuset oppgir kilden ingen periode.",
    "Fastlegeavtalene er tall fra SSB for 2020. Vikarbruk gjør at flere ulike personer kan ha henvist enn det er avtaler.",
  ],
  rows,
  columns: [
    { label: "Helseforetak", value: (r) => r.trust },
    { label: "Mål", value: (r) => r.measure },
    { label: "Antall", value: (r) => r.value, numeric: true },
    { label: "Periode", value: (r) => r.period },
    sourceColumn(),
  ],
  plot: (data) => labelledBars(data, { label, value: (r) => r.value, xLabel: "Antall", marginLeft: 330, height: 320 }),
});
