import type { APIRoute, GetStaticPaths } from "astro";
import { chartCsv } from "../../charts/exportChart.ts";
import { charts } from "../../charts/registry.ts";
import { siteSettings } from "../../site.ts";

export const getStaticPaths: GetStaticPaths = () => Object.keys(charts).map((id) => ({ cacheKey: siteSettings, params: { id } }));

export const GET: APIRoute = ({ params }) =>
  new Response(chartCsv(charts[params.id!]!), { headers: { "content-type": "text/csv; charset=utf-8" } });
