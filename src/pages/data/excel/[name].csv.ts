import type { APIRoute } from "astro";
import { excelCsv, type ExcelCell } from "../../../excelCsv.ts";
import { recordsOf } from "../../../records.ts";
import { datasets } from "../../../model/datasets.ts";
import { generatedFileCacheKey } from "../../../generatedFiles.ts";

// Each path is keyed by the one file it reads (src/pipeline/astro/dataDependencies.ts, keyedPerPath).
export function getStaticPaths() {
  return datasets.map((d) => ({ cacheKey: generatedFileCacheKey(`data/${d.name}.json`), params: { name: d.name }, props: { dataset: d } }));
}

/** The dataset for Norwegian Excel: the validated records, so numbers stay numbers (decimal comma) and lists read "a; b". */
export const GET: APIRoute = ({ props }) => {
  const columns = Object.keys(props.dataset.columns);
  const records = recordsOf(props.dataset) as Record<string, ExcelCell>[];
  return new Response(excelCsv(columns, records.map((r) => columns.map((c) => r[c]))), {
    headers: { "Content-Type": "text/csv; charset=utf-8" },
  });
};
