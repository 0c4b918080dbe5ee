import type { APIRoute } from "astro";
import { datasets } from "../../pipeline/schema/datasets.ts";

// Copies of data/*.csv made by the generate stage, byte for byte.
const files = import.meta.glob<string>("../../generated/csv/*.csv", { query: "?raw", import: "default", eager: true });

export function getStaticPaths() {
  return datasets.map((d) => ({ params: { name: d.name }, props: { file: d.file } }));
}

export const GET: APIRoute = ({ props }) => {
  const content = files[`../../generated/csv/${props.file}`];
  if (content === undefined) throw new Error(`No copy of ${props.file} in src/generated/csv`);
  return new Response(content, { headers: { "Content-Type": "text/csv; charset=utf-8" } });
};
