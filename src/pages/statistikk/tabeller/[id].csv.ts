import type { APIRoute, GetStaticPaths } from "astro";
import { csvFileOfRecords } from "../../../csvFile.ts";
import { statisticsTables } from "../../../records.ts";
import { cellsOf, itemsOf } from "../../../statistics.ts";
import { siteSettings } from "../../../site.ts";

export const getStaticPaths: GetStaticPaths = () => statisticsTables.map((t) => ({ cacheKey: siteSettings, params: { id: t.id } }));

/** The table's cells in tidy form, one value per row, as in data/statistics.csv; a table of words lists its points. */
export const GET: APIRoute = ({ params }) => {
  const items = itemsOf(params.id!).map((i) => ({
    punkt: i.item_order,
    navn: i.term,
    innhold: i.detail ?? "",
    antall: i.count ?? "",
    kilde: i.source_location,
    linje: i.source_line,
    merknad: i.source_note ?? "",
  }));
  const cells = cellsOf(params.id!).map((c) => ({
    rad: c.row_label,
    kolonne: c.column_label,
    periode: c.period ?? "",
    verdi: c.value ?? "",
    verdi_i_kilden: c.value_as_printed,
    enhet: c.unit,
    del_av_aar: c.partial_period ? "ja" : "nei",
    plassering_utledet: c.placement_derived ? "ja" : "nei",
    kilde: c.source_location,
    linje: c.source_line,
    merknad: c.source_note ?? "",
  }));
  const body = cells.length ? csvFileOfRecords(cells) : csvFileOfRecords(items);
  return new Response(body, { headers: { "content-type": "text/csv; charset=utf-8" } });
};
