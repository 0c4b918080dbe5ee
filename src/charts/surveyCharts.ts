import * as Plot from "@observablehq/plot";
import type { Statistic } from "../model/datasets.ts";
import { statistics } from "../records.ts";
import { formatCell } from "../statistics.ts";
import { defineChart, sourceColumn } from "./chart.ts";
import { inFigureLegend } from "./legend.ts";
import { shareBars } from "./shareBars.ts";

/** One answer share of one survey year: "I stor grad" 25 % in 2019. */
interface Answer {
  survey: string;
  answer: string;
  share: number;
  cell: Statistic;
}

const scale = ["I svært liten grad", "I liten grad", "I noen grad", "I stor grad", "I svært stor grad", "Vet ikke"];
const colours = ["#b2182b", "#ef8a62", "#bdbdbd", "#67a9cf", "#2166ac", "#f0f0f0"];
const cellsOf = (tableId: string, keep: (c: Statistic) => boolean) =>
  statistics.filter((c) => c.table_id === tableId && keep(c) && c.value !== undefined && scale.includes(c.column_label === "Andel (%)" ? c.row_label : c.column_label));

// The same question in both staff surveys: Tabell 4.16 (2019, answers as rows) and the first row of Tabell 4.33 (2021).
const n2019 = statistics.find((c) => c.table_id === "tabell-4-16" && c.row_label === "Totalt" && c.column_label === "Antall");
const n2021 = statistics.find((c) => c.table_id === "tabell-4-33" && c.row_order === 1 && c.column_label === "n");
const label2019 = `2019${n2019?.value ? ` (N = ${n2019.value})` : ""}`;
const label2021 = `2021${n2021?.value ? ` (n = ${n2021.value})` : ""}`;
const rows: Answer[] = [
  ...cellsOf("tabell-4-16", (c) => c.column_label === "Andel (%)").map((c) => ({ survey: label2019, answer: c.row_label, share: c.value!, cell: c })),
  ...cellsOf("tabell-4-33", (c) => c.row_order === 1).map((c) => ({ survey: label2021, answer: c.column_label, share: c.value!, cell: c })),
];
const largeExtent = (survey: string) =>
  rows.filter((r) => r.survey === survey && (r.answer === "I stor grad" || r.answer === "I svært stor grad")).reduce((s, r) => s + r.share, 0);

export const debitorCodeFocus = defineChart<Answer>({
  id: "fokus-pa-debitorkode-20-2019-og-2021",
  title: "Fokus på å registrere debitorkode 20, ansattes svar i 2019 og 2021, andel (%)",
  takeaway: `Andelen som svarte «i stor» eller «i svært stor grad» var ${largeExtent(label2019)} prosent i 2019 og ${largeExtent(label2021)} prosent i 2021; i 2019 svarte en tredjedel «vet ikke», et svar 2021-tabellen ikke har.`,
  alt:
    "Stablede stolper, én per undersøkelse, delt i de fem svarene på skalaen (fra minst til mest) og vet ikke. " +
    [label2019, label2021].map((s) => `${s}: ${rows.filter((r) => r.survey === s).map((r) => `${r.answer.toLowerCase()} ${formatCell(r.cell)} %`).join(", ")}`).join("; ") +
    ".",
  sourceId: "sintef-ntnu-folgeevaluering-vedlegg",
  sourceLocation: "Tabell 4.16 og 4.33",
  caveats: [
    "Samme spørsmål i begge undersøkelsene, men ulike utvalg: ansatte og ledere i 2019, respondentene i Helse og arbeid-tilbudene høsten 2021.",
    "2021-tabellen har ikke svaret «vet ikke», så andelene er ikke helt sammenlignbare.",
  ],
  rows,
  columns: [
    { label: "Undersøkelse", value: (r) => r.survey },
    { label: "Svar", value: (r) => r.answer },
    { label: "Andel (%)", value: (r) => formatCell(r.cell), csv: (r) => r.share, numeric: true },
    sourceColumn(),
  ],
  plot: (data) => ({
    width: 720,
    height: 200,
    marginLeft: 130,
    marginTop: 56,
    x: { label: "Andel (%)", grid: true },
    y: { label: null, domain: [label2019, label2021] },
    color: { type: "ordinal", domain: scale, range: colours, legend: false },
    marks: [
      ...shareBars(data, { y: "survey", order: scale, textFrom: 6, outlined: true }),
      ...inFigureLegend(scale.map((s) => s.replace(/^I /, "i ")), {
        startDx: -120,
        dy: -40,
        labelDx: 14,
        gap: 22,
        swatch: (name, dx) =>
          Plot.text([name], { frameAnchor: "top-left", dx, dy: -40, text: () => "■", fill: () => colours[scale.findIndex((s) => s.replace(/^I /, "i ") === name)]!, stroke: "#767676", strokeWidth: 0.3, textAnchor: "start", lineAnchor: "middle", fontSize: 14 }),
      }),
    ],
  }),
});
