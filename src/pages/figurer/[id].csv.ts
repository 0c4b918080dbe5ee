import type { APIRoute, GetStaticPaths } from "astro";
import { figureCsv, figurePaths } from "../../charts/figureFiles.ts";

export const getStaticPaths: GetStaticPaths = () => figurePaths("csv");

export const GET: APIRoute = ({ params }) => new Response(figureCsv(params.id!), { headers: { "content-type": "text/csv; charset=utf-8" } });
