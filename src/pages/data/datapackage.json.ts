import type { APIRoute } from "astro";
import { csvParseRows } from "d3-dsv";
import { dataPackage } from "../../openData.ts";
import { datasets } from "../../pipeline/schema/datasets.ts";

const files = import.meta.glob<string>("../../generated/csv/*.csv", { query: "?raw", import: "default", eager: true });
const headers = Object.fromEntries(
  datasets.map((d) => [d.name, csvParseRows(files[`../../generated/csv/${d.file}`]!.replace(/^\uFEFF/, ""))[0]!.map((h) => h.trim())]),
);

export const GET: APIRoute = () =>
  new Response(JSON.stringify(dataPackage(headers), null, 2), { headers: { "Content-Type": "application/json; charset=utf-8" } });
