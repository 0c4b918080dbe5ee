import type { APIRoute, GetStaticPaths } from "astro";
import { excelCsv } from "../../../../excelCsv.ts";
import { statisticsTables } from "../../../../records.ts";
import { grid, itemsOf } from "../../../../statistics.ts";
import { siteSettings } from "../../../../site.ts";

export const getStaticPaths: GetStaticPaths = () => statisticsTables.map((t) => ({ cacheKey: siteSettings, params: { id: t.id } }));

/**
 * The table laid out as the source prints it, rows by columns, for Norwegian Excel: numbers as numbers with a
 * decimal comma; a cell without a number keeps the source's mark ("*").
 */
export const GET: APIRoute = ({ params }) => {
  const id = params.id!;
  const items = itemsOf(id);
  const { rows, columns, cell } = grid(id);
  const body = items.length
    ? excelCsv(["Punkt", "Navn", "Innhold", "Antall"], items.map((i) => [i.item_order, i.term, i.detail, i.count]))
    : excelCsv(
        ["", ...columns.map(([, label]) => label)],
        rows.map(([r, label]) => [label, ...columns.map(([c]) => { const found = cell(r, c); return found ? (found.value ?? found.value_as_printed) : undefined; })]),
      );
  return new Response(body, { headers: { "content-type": "text/csv; charset=utf-8" } });
};
