import type { APIRoute, GetStaticPaths } from "astro";
import { chartSvgFile, pngOfSvg } from "../../charts/exportChart.ts";
import { charts } from "../../charts/registry.ts";
import { sourceLineOf } from "../../charts/sourceLine.ts";
import { siteSettings } from "../../site.ts";

export const getStaticPaths: GetStaticPaths = () => Object.keys(charts).map((id) => ({ cacheKey: siteSettings, params: { id } }));

export const GET: APIRoute = async ({ params }) => {
  const chart = charts[params.id!]!;
  const png = await pngOfSvg(chartSvgFile(chart, sourceLineOf(chart)));
  return new Response(new Uint8Array(png), { headers: { "content-type": "image/png" } });
};
