import type { APIRoute } from "astro";
import { hsdsDataPackage } from "../../../hsds.ts";

export const GET: APIRoute = () =>
  new Response(JSON.stringify(hsdsDataPackage(), null, 2), { headers: { "Content-Type": "application/json; charset=utf-8" } });
