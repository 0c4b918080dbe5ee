import type { APIRoute } from "astro";
import { hsdsCsv, hsdsTables } from "../../../hsds.ts";
import { siteSettings } from "../../../site.ts";

export function getStaticPaths() {
  return hsdsTables.map((t) => ({ cacheKey: siteSettings, params: { table: t.path }, props: { table: t } }));
}

export const GET: APIRoute = ({ props }) => new Response(hsdsCsv(props.table), { headers: { "Content-Type": "text/csv; charset=utf-8" } });
