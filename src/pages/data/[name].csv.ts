import type { APIRoute } from "astro";
import { csvTextOf } from "../../openData.ts";
import { datasets } from "../../model/datasets.ts";
import { siteSettings } from "../../site.ts";

export function getStaticPaths() {
  return datasets.map((d) => ({ cacheKey: siteSettings, params: { name: d.name }, props: { dataset: d } }));
}

export const GET: APIRoute = ({ props }) =>
  new Response(csvTextOf(props.dataset), { headers: { "Content-Type": "text/csv; charset=utf-8" } });
