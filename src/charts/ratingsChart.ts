import * as Plot from "@observablehq/plot";
import type { Statistic } from "../model/datasets.ts";
import { statistics } from "../records.ts";
import { formatCell } from "../statistics.ts";
import { defineChart, sourceColumn } from "./chart.ts";
import { inFigureLegend } from "./legend.ts";
import { shareBars } from "./shareBars.ts";

/** One answer share of one question: "Dårlig" 14 % on the question about cooperation inside the trust. */
interface Rating {
  question: string;
  answer: string;
  share: number;
  cell: Statistic;
}

const answers = ["Svært dårlig", "Dårlig", "Verken/eller", "God", "Svært god"];
/** Short names for the questions of Tabell 4.30; the full wording stands in the table. */
const questionNames = ["Samarbeid internt i helseforetaket", "Samhandling med primærhelsetjenesten", "Tid per pasientforløp", "Pasientens medbestemmelse"];

const rows: Rating[] = statistics
  .filter((c) => c.table_id === "tabell-4-30" && answers.includes(c.column_label) && c.value !== undefined)
  .map((c) => ({ question: questionNames[c.row_order - 1] ?? c.row_label, answer: c.column_label, share: c.value!, cell: c }));
const good = (q: string) => rows.filter((r) => r.question === q && (r.answer === "God" || r.answer === "Svært god"));
const best = [...new Set(rows.map((r) => r.question))].sort((a, b) => good(b).reduce((s, r) => s + r.share, 0) - good(a).reduce((s, r) => s + r.share, 0))[0]!;

const mostNeutral = rows.filter((r) => r.answer === "Verken/eller").reduce((a, b) => (b.share > a.share ? b : a));


export const collaborationRatings = defineChart<Rating>({
  id: "vurdering-av-samarbeid",
  title: "Ansattes vurdering av samarbeid, tid og medbestemmelse, andel (%), 2021",
  takeaway: `Flest svarte godt eller svært godt om ${best.toLowerCase()}; flest svarte «verken/eller» om ${mostNeutral.question.toLowerCase()} (${formatCell(mostNeutral.cell)} prosent).`,
  alt:
    "Stablede stolper, én per spørsmål, delt i fem svaralternativer fra svært dårlig til svært god. " +
    [...new Set(rows.map((r) => r.question))]
      .map((q) => `${q}: ${rows.filter((r) => r.question === q).map((r) => `${r.answer.toLowerCase()} ${formatCell(r.cell)} %`).join(", ")}`)
      .join("; ") +
    ".",
  sourceId: "sintef-ntnu-folgeevaluering-vedlegg",
  sourceLocation: "Tabell 4.30",
  caveats: ["Spørreundersøkelsen høsten 2021 til ansatte i Helse og arbeid-tilbudene, N = 145–147 per spørsmål.", "Andelene er avrundet og summerer til omtrent 100."],
  rows,
  columns: [
    { label: "Spørsmål", value: (r) => r.question },
    { label: "Svar", value: (r) => r.answer },
    { label: "Andel (%)", value: (r) => formatCell(r.cell), csv: (r) => r.share, numeric: true },
    sourceColumn(),
  ],
  plot: (data) => ({
    width: 720,
    height: 260,
    marginLeft: 290,
    marginTop: 40,
    x: { label: "Andel (%)", grid: true },
    y: { label: null, domain: [...new Set(data.map((r) => r.question))] },
    color: { type: "ordinal", domain: answers, range: ["#b2182b", "#ef8a62", "#bdbdbd", "#67a9cf", "#2166ac"], legend: false },
    marks: [
      ...shareBars(data, { y: "question", order: answers, textFrom: 8 }),
      // Starts under the title, left of the plot frame, so all five answers fit on one line.
      ...inFigureLegend(answers, {
        startDx: -280,
        dy: -24,
        labelDx: 14,
        gap: 34,
        swatch: (name, dx) => Plot.text([name], { frameAnchor: "top-left", dx, dy: -24, text: () => "■", fill: (d: string) => d, textAnchor: "start", lineAnchor: "middle", fontSize: 14 }),
      }),
    ],
  }),
});
