import type { APIRoute, GetStaticPaths } from "astro";
import { csvFormat } from "d3-dsv";
import { statisticsTables } from "../../../records.ts";
import { cellsOf } from "../../../statistics.ts";

export const getStaticPaths: GetStaticPaths = () => statisticsTables.map((t) => ({ params: { id: t.id } }));

/** The table's cells in tidy form, one value per row, as in data/statistics.csv. */
export const GET: APIRoute = ({ params }) => {
  const rows = cellsOf(params.id!).map((c) => ({
    rad: c.row_label,
    kolonne: c.column_label,
    periode: c.period ?? "",
    verdi: c.value ?? "",
    verdi_i_kilden: c.value_as_printed,
    enhet: c.unit,
    del_av_aar: c.partial_period ? "ja" : "nei",
    kilde: c.source_location,
    linje: c.source_line,
    merknad: c.source_note ?? "",
  }));
  return new Response(csvFormat(rows) + "\n", { headers: { "content-type": "text/csv; charset=utf-8" } });
};
