import type * as Plot from "@observablehq/plot";
import { readerLocation } from "../sourceLocation.ts";

/** A column of a chart's data table, e.g. { label: "Beløp (kr)", value: (r) => r.amount_nok, numeric: true }. */
export interface TableColumn<R> {
  label: string;
  value: (row: R) => string | number;
  numeric?: boolean;
  /** The value in the CSV download when it differs from the shown one, e.g. 481927000 for "481 927 000". */
  csv?: (row: R) => string | number;
  /** Shown instead of value when present: a list of links, e.g. the offers at a place. */
  links?: (row: R) => { href: string; text: string }[];
}

/** Everything one figure needs: the words around it, its source, its data table and the Plot spec. */
export interface ChartDefinition<R = unknown> {
  /** Also the figure's anchor, e.g. "bevilgninger-per-ar". */
  id: string;
  title: string;
  /** One sentence that says what the chart shows. */
  takeaway: string;
  /** Text alternative for people who cannot see the graphic: the shape of the data in words. */
  alt: string;
  sourceId: string;
  /** e.g. "Tabell 2.1" */
  sourceLocation: string;
  /** Caveats the source gives, shown under the chart. */
  caveats: string[];
  rows: R[];
  columns: TableColumn<R>[];
  plot: (rows: R[]) => Plot.PlotOptions;
}

export function defineChart<R>(chart: ChartDefinition<R>): ChartDefinition<R> {
  return chart;
}

/** The data table's source column for rows drawn from statistics cells: table or section on the page, and the line too in the CSV. */
export const sourceColumn = <R extends { cell: { source_location: string; source_line: number } }>(): TableColumn<R> => ({
  label: "Kilde",
  value: (r) => capitalized(readerLocation(r.cell.source_location)),
  csv: (r) => `${r.cell.source_location}, linje ${r.cell.source_line} i tekstutgaven`,
});

const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
