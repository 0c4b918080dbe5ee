import type { APIRoute, GetStaticPaths } from "astro";
import { figurePaths, figureSvg } from "../../charts/figureFiles.ts";

export const getStaticPaths: GetStaticPaths = () => figurePaths("svg");

export const GET: APIRoute = ({ params }) => new Response(figureSvg(params.id!), { headers: { "content-type": "image/svg+xml" } });
