import type { APIRoute } from "astro";
import { dataPackage } from "../../openData.ts";

export const GET: APIRoute = () =>
  new Response(JSON.stringify(dataPackage(), null, 2), { headers: { "Content-Type": "application/json; charset=utf-8" } });
