import type { DelphiCategory } from "../model/datasets.ts";
import { delphiCategories, delphiItems, keyFigures } from "../records.ts";
import { countInWords } from "../format.ts";
import { delphiExperts, delphiLargestTakeaway, summarizeDelphi } from "../prose.ts";
import { labelledBars } from "./barPlot.ts";
import { defineChart } from "./chart.ts";

const rows = [...delphiCategories].sort((a, b) => a.category_order - b.category_order);
const experts = countInWords(delphiExperts(keyFigures).value, "ekspert", "eksperter");
const count = (c: DelphiCategory, kind: "problem" | "endring") => delphiItems.filter((i) => i.category_id === c.id && i.kind === kind).length;

export const delphiMeaningUnits = defineChart<DelphiCategory>({
  id: "delphi-meningsenheter",
  title: "Meningsenheter i Delphi-studien, etter kategori",
  takeaway: delphiLargestTakeaway(summarizeDelphi(rows, delphiItems)),
  alt: "Liggende stolper per kategori: " + rows.map((c) => `${c.name} ${c.meaning_units}`).join(", ") + ".",
  sourceId: "delphi-rtw-artikkel",
  sourceLocation: "Tabell 2",
  caveats: [`En meningsenhet er ett utsagn fra ekspertene, skriftlig eller i gruppeintervjuet; ${experts} deltok.`],
  rows,
  columns: [
    { label: "Kategori", value: (c) => c.name },
    { label: "Fra skriftlige svar", value: (c) => c.written_units, numeric: true },
    { label: "Fra gruppeintervjuet", value: (c) => c.interview_units, numeric: true },
    { label: "Meningsenheter i alt", value: (c) => c.meaning_units, numeric: true },
    { label: "Utfordringer", value: (c) => count(c, "problem"), numeric: true },
    { label: "Endringsforslag", value: (c) => count(c, "endring"), numeric: true },
  ],
  plot: (data) => labelledBars(data, { label: (c) => c.name, value: (c) => c.meaning_units, xLabel: "Meningsenheter", marginLeft: 270, height: 300 }),
});
