import type { APIRoute, GetStaticPaths } from "astro";
import { chartSvgFile } from "../../charts/exportChart.ts";
import { charts } from "../../charts/registry.ts";
import { sourceLineOf } from "../../charts/sourceLine.ts";
import { siteSettings } from "../../site.ts";

export const getStaticPaths: GetStaticPaths = () => Object.keys(charts).map((id) => ({ cacheKey: siteSettings, params: { id } }));

export const GET: APIRoute = ({ params }) => {
  const chart = charts[params.id!]!;
  return new Response(chartSvgFile(chart, sourceLineOf(chart)), { headers: { "content-type": "image/svg+xml" } });
};
