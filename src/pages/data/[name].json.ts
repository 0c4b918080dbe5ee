import type { APIRoute } from "astro";
import { datasets } from "../../pipeline/schema/datasets.ts";

// The validated records (typed: numbers, booleans, lists) the generate stage wrote.
const modules = import.meta.glob<unknown[]>("../../generated/data/*.json", { import: "default", eager: true });

export function getStaticPaths() {
  return datasets.map((d) => ({ params: { name: d.name }, props: { name: d.name } }));
}

export const GET: APIRoute = ({ props }) => {
  const records = modules[`../../generated/data/${props.name}.json`];
  if (!records) throw new Error(`No generated module for ${props.name}`);
  return new Response(JSON.stringify(records, null, 1), { headers: { "Content-Type": "application/json; charset=utf-8" } });
};
