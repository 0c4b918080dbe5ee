import type { APIRoute, GetStaticPaths } from "astro";
import { figurePaths, figurePng } from "../../charts/figureFiles.ts";

export const getStaticPaths: GetStaticPaths = () => figurePaths("png");

export const GET: APIRoute = async ({ params }) => new Response(new Uint8Array(await figurePng(params.id!)), { headers: { "content-type": "image/png" } });
