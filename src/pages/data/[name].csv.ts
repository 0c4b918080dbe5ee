import type { APIRoute } from "astro";
import { datasets } from "../../model/datasets.ts";
import { csvTextOf, generatedFileCacheKey } from "../../generatedFiles.ts";

// Each path is keyed by the one file it reads (src/pipeline/astro/dataDependencies.ts, keyedPerPath).
export function getStaticPaths() {
  return datasets.map((d) => ({ cacheKey: generatedFileCacheKey(`csv/${d.file}`), params: { name: d.name }, props: { dataset: d } }));
}

export const GET: APIRoute = ({ props }) =>
  new Response(csvTextOf(props.dataset), { headers: { "Content-Type": "text/csv; charset=utf-8" } });
