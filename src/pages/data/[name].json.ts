import type { APIRoute } from "astro";
import { recordsOf } from "../../records.ts";
import { datasets } from "../../model/datasets.ts";
import { siteSettings } from "../../site.ts";

export function getStaticPaths() {
  return datasets.map((d) => ({ cacheKey: siteSettings, params: { name: d.name }, props: { dataset: d } }));
}

export const GET: APIRoute = ({ props }) =>
  new Response(JSON.stringify(recordsOf(props.dataset), null, 1), { headers: { "Content-Type": "application/json; charset=utf-8" } });
