import type { APIRoute, GetStaticPaths } from "astro";
import sharp from "sharp";
import { chartSvgFile } from "../../charts/exportChart.ts";
import { charts } from "../../charts/registry.ts";
import { sourceLineOf } from "../../charts/sourceLine.ts";

export const getStaticPaths: GetStaticPaths = () => Object.keys(charts).map((id) => ({ params: { id } }));

// Twice the SVG's size, sharp enough for a slide or a report.
export const GET: APIRoute = async ({ params }) => {
  const chart = charts[params.id!]!;
  const png = await sharp(Buffer.from(chartSvgFile(chart, sourceLineOf(chart))), { density: 144 }).png().toBuffer();
  return new Response(new Uint8Array(png), { headers: { "content-type": "image/png" } });
};
