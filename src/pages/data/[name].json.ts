import type { APIRoute } from "astro";
import { recordsOf } from "../../records.ts";
import { datasets } from "../../model/datasets.ts";
import { generatedFileCacheKey } from "../../generatedFiles.ts";

// Each path is keyed by the one file it reads, so a change in one dataset renders only its own file again
// (src/pipeline/astro/dataDependencies.ts, keyedPerPath).
export function getStaticPaths() {
  return datasets.map((d) => ({ cacheKey: generatedFileCacheKey(`data/${d.name}.json`), params: { name: d.name }, props: { dataset: d } }));
}

export const GET: APIRoute = ({ props }) =>
  new Response(JSON.stringify(recordsOf(props.dataset), null, 1), { headers: { "Content-Type": "application/json; charset=utf-8" } });
