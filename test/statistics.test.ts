// The statistics section's lookups, against the shipped CSV files read here with d3-dsv.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { csvParse } from "d3-dsv";
import { describe, expect, it } from "vitest";
import type { SourceTable, Statistic, StatisticsTable } from "../src/model/datasets.ts";
import {
  cellsOf, formatCell, grid, itemsOf, placesOf, sourceTablesOf, tableById, tableName, tableSize, tablesOfTheme,
  unplacedGroups, yearOf,
} from "../src/statistics.ts";
import { shippedData } from "./helpers.ts";

const shipped = async (file: string) => csvParse(await readFile(path.join(shippedData, file), "utf8"));
const nbsp = "\u00A0";
const cell = (value: number | undefined, value_as_printed: string, unit = "prosent") => ({ value, value_as_printed, unit }) as Statistic;

describe("a statistics cell as a reader sees it", () => {
  it("keeps the decimals the source printed, with a decimal comma", () => {
    expect(formatCell(cell(12.5, "12,5"))).toBe("12,5");
    expect(formatCell(cell(3, "3,0"))).toBe("3,0");
    expect(formatCell(cell(0.25, "0.25"))).toBe("0,25");
    expect(formatCell(cell(7, "7"))).toBe("7");
  });

  it("writes thousands with a space, also where the source wrote a thousands comma in a count", () => {
    expect(formatCell(cell(11771, "11 771", "antall"))).toBe(`11${nbsp}771`);
    expect(formatCell(cell(25199, "25,199", "antall"))).toBe(`25${nbsp}199`);
    expect(formatCell(cell(2.5, "2,5", "antall"))).toBe("2,5");
  });

  it("shows the source's own mark where it gives no number", () => {
    expect(formatCell(cell(undefined, "*"))).toBe("*");
  });
});

describe("the values a table could not place", () => {
  it("are groups of a value, or of a row label and its values", () => {
    expect(unplacedGroups("13; Er sykmeldt: 2 5 5")).toEqual([{ values: ["13"] }, { row: "Er sykmeldt", values: ["2", "5", "5"] }]);
    expect(unplacedGroups("Note: a: 1  2")).toEqual([{ row: "Note: a", values: ["1", "2"] }]);
    expect(unplacedGroups(undefined)).toEqual([]);
    expect(unplacedGroups("")).toEqual([]);
  });
});

describe("the year of a period", () => {
  it("is the year a period starts with, unless the period spans years", () => {
    expect(yearOf("2021 (1.–2. tertial)")).toBe(2021);
    expect(yearOf("2019")).toBe(2019);
    expect(yearOf("2007-2017")).toBeUndefined();
    expect(yearOf("2007 – 2017")).toBeUndefined();
    expect(yearOf("ca. 2019")).toBeUndefined();
    expect(yearOf("20191")).toBeUndefined();
    expect(yearOf(undefined)).toBeUndefined();
  });
});

describe("a statistics table", async () => {
  const cells = (await shipped("statistics.csv")).filter((c) => c.table_id === "tabell-4-37");
  const tables = await shipped("statistics_tables.csv");
  const items = await shipped("table_items.csv");

  it("has its cells, and a grid of its rows and columns in the source's order", () => {
    expect(cellsOf("tabell-4-37").map((c) => c.id)).toEqual(cells.map((c) => c.id));
    expect(cellsOf("no-such-table")).toEqual([]);
    const { rows, columns, cell: at } = grid("tabell-4-37");
    const distinct = (key: "row" | "column") =>
      [...new Map(cells.map((c) => [Number(c[`${key}_order`]), c[`${key}_label`]])).entries()].sort((a, b) => a[0] - b[0]);
    expect(rows).toEqual(distinct("row"));
    expect(columns).toEqual(distinct("column"));
    expect(rows[0]).toEqual([1, "Dagbehandling"]);
    expect(columns[0]).toEqual([1, "2017"]);
    expect(at(1, 1)?.id).toBe("tabell-4-37-r01-k01");
    expect(at(1, 2)?.value_as_printed).toBe("8 663");
    expect(at(99, 99)).toBeUndefined();
  });

  it("says how much it holds: values, or points for a table of words", () => {
    expect(tableSize("tabell-4-37")).toBe(`${cells.length} verdier`);
    const words = items.filter((i) => i.table_id === "kilde001-tabell-1");
    expect(words.length).toBeGreaterThan(1);
    expect(tableSize("kilde001-tabell-1")).toBe(`${words.length} punkter`);
    expect(itemsOf("kilde001-tabell-1").map((i) => i.item_order)).toEqual(words.map((i) => Number(i.item_order)).sort((a, b) => a - b));
  });

  it("is found by id and theme, and named by its number and our title", () => {
    const table = tableById("tabell-4-37");
    expect(tableName(table)).toBe("Tabell 4.37: Aktivitet i arbeidsrettet rehabilitering (debitorkode 20), 2017–2. tertial 2021");
    expect(() => tableById("tabell-9-99")).toThrow("Unknown statistics table tabell-9-99");
    expect(tablesOfTheme("aktivitet").map((t) => t.id)).toEqual(tables.filter((t) => t.theme === "aktivitet").map((t) => t.id));
  });
});

describe("a table of a source document", async () => {
  const sourceTables = await shipped("source_tables.csv");
  const of = (id: string) => ({ ...sourceTables.find((t) => t.id === id)! }) as unknown as SourceTable;

  it("is listed under its source", () => {
    expect(sourceTablesOf("snf-2008-implementering").map((t) => t.id)).toEqual(
      sourceTables.filter((t) => t.source_id === "snf-2008-implementering").map((t) => t.id),
    );
  });

  it("leads to its statistics tables, the page that shows it elsewhere, or nowhere when left out", () => {
    expect(placesOf({ ...of("snf-tabell-1"), table_ids: ["tabell-4-37", "tabell-4-38"] })).toEqual([
      { title: (tableById("tabell-4-37") as StatisticsTable).title, href: "/statistikk/tabeller/tabell-4-37/", tableId: "tabell-4-37" },
      { title: tableById("tabell-4-38").title, href: "/statistikk/tabeller/tabell-4-38/", tableId: "tabell-4-38" },
    ]);
    expect(placesOf(of("sintef-tabell-4-20"))).toEqual([{ title: "Tilbudsoversikten", href: "/tilbud/" }]);
    expect(placesOf(of("sintef-tabell-4-35"))).toEqual([]);
  });
});
