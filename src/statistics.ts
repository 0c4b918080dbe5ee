// The statistics section's vocabulary: themes, how a cell is shown, and a table rebuilt from its cells.
import type { SourceTable, Statistic, StatisticsTable, TableItem } from "./model/datasets.ts";
import { statisticThemes } from "./model/datasets.ts";
import { sourceTables, statistics, statisticsTables, tableItems } from "./records.ts";
import { formatNumber, numberFormat } from "./format.ts";
import { contentPageHref, sitePages, tableHref } from "./addresses.ts";

export type Theme = (typeof statisticThemes)[number];

export const themeLabels: Record<Theme, { title: string; href: string }> = {
  finansiering: { title: "Bevilgninger", href: sitePages.appropriations },
  aktivitet: { title: "Aktivitet og henvisninger", href: contentPageHref("statistikk/aktivitet") },
  pasienter: { title: "Pasientene i Raskere tilbake", href: contentPageHref("statistikk/pasienter") },
  "ventetid-og-sykefravaer": { title: "Ventetid og sykefravær", href: contentPageHref("statistikk/ventetid-og-sykefravaer") },
  effekter: { title: "Effekter på sykefravær og ytelser", href: contentPageHref("statistikk/effekter") },
  undersokelser: { title: "Spørreundersøkelser og kartlegginger", href: contentPageHref("statistikk/undersokelser") },
};

const cellsByTable = new Map<string, Statistic[]>();
for (const cell of statistics) {
  if (!cellsByTable.has(cell.table_id)) cellsByTable.set(cell.table_id, []);
  cellsByTable.get(cell.table_id)!.push(cell);
}

export const cellsOf = (tableId: string): Statistic[] => cellsByTable.get(tableId) ?? [];
/** The points of a table whose cells are words (registers, forms, descriptions), in the table's order. */
export const itemsOf = (tableId: string): TableItem[] =>
  tableItems.filter((i) => i.table_id === tableId).sort((a, b) => a.item_order - b.item_order);
/** How much a table holds, as its lists say it: "126 verdier", or "23 punkter" for a table of words. */
export function tableSize(tableId: string): string {
  const cells = cellsOf(tableId).length;
  return cells ? `${formatNumber(cells)} verdier` : `${formatNumber(itemsOf(tableId).length)} punkter`;
}

/**
 * The values of a table that could not be placed, as "; "-separated groups, each either a value or "row label: v v v".
 * e.g. "13; Er sykmeldt: 2 5 5" → [{ values: ["13"] }, { row: "Er sykmeldt", values: ["2", "5", "5"] }].
 */
export function unplacedGroups(text: string | undefined): { row?: string; values: string[] }[] {
  if (!text) return [];
  return text.split("; ").map((group) => {
    const colon = group.lastIndexOf(": ");
    return colon < 0
      ? { values: [group.trim()] }
      : { row: group.slice(0, colon).trim(), values: group.slice(colon + 2).trim().split(/\s+/) };
  });
}

/** Where each table of the source documents stands on the site, for the table list and its counts. */
export const sourceTablesOf = (sourceId: string): SourceTable[] => sourceTables.filter((t) => t.source_id === sourceId);

const otherPlaces: Record<Exclude<SourceTable["status"], "statistikk" | "utelatt">, { title: string; href: string }> = {
  tilbud: { title: "Tilbudsoversikten", href: sitePages.offers },
  litteratur: { title: "Oversikter og studier", href: sitePages.studies },
  bevilgninger: { title: "Bevilgninger", href: sitePages.appropriations },
  delphi: { title: "Delphi-studien", href: sitePages.delphi },
};

/** The pages a source table is shown on; none when it is left out. */
export function placesOf(t: SourceTable): { title: string; href: string; tableId?: string }[] {
  if (t.status === "utelatt") return [];
  if (t.status === "statistikk") {
    return (t.table_ids ?? []).map((id) => {
      const table = tableById(id);
      return { title: table.title, href: tableHref(id), tableId: id };
    });
  }
  return [otherPlaces[t.status]];
}
/** How pages name a source table: its number, then our short title ("Tabell 4.37: Aktivitet i …"); the printed caption is in the downloads. */
export const tableName = (table: StatisticsTable): string => `${table.table}: ${table.title}`;
export const tablesOfTheme = (theme: Theme): StatisticsTable[] => statisticsTables.filter((t) => t.theme === theme);

export function tableById(id: string): StatisticsTable {
  const table = statisticsTables.find((t) => t.id === id);
  if (!table) throw new Error(`Unknown statistics table ${id}`);
  return table;
}

/** A cell as a Norwegian reader expects it: "11 771", "12,5", or the source's own mark ("*") when it gives no number. */
export function formatCell(cell: Statistic): string {
  if (cell.value === undefined) return cell.value_as_printed;
  const printedDecimals = /[.,](\d+)$/.exec(cell.value_as_printed.replace(/\s/g, ""));
  // "25,199" in an N row is a thousands separator, not decimals.
  const decimals = printedDecimals && !(cell.unit === "antall" && Number.isInteger(cell.value)) ? printedDecimals[1]!.length : 0;
  return numberFormat(decimals, decimals).format(cell.value);
}

/** The table's grid as the source prints it: row labels, column labels and cells by position. */
export function grid(tableId: string) {
  const cells = cellsOf(tableId);
  const rows = [...new Map(cells.map((c) => [c.row_order, c.row_label])).entries()].sort((a, b) => a[0] - b[0]);
  const columns = [...new Map(cells.map((c) => [c.column_order, c.column_label])).entries()].sort((a, b) => a[0] - b[0]);
  const at = new Map(cells.map((c) => [`${c.row_order}:${c.column_order}`, c]));
  return { rows, columns, cell: (r: number, c: number) => at.get(`${r}:${c}`) };
}

/** e.g. "2021 (1.–2. tertial)" → 2021; undefined for periods that are not one year. */
export function yearOf(period: string | undefined): number | undefined {
  const match = /^(\d{4})\b(?!\s*[-–])/.exec(period ?? "");
  return match ? Number(match[1]) : undefined;
}
