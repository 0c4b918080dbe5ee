import type { CsvTable } from "../read/readCsv.ts";
import { showValue, type DataIssue } from "../dataError.ts";
import type { Dataset, RecordOf } from "../../model/dataset.ts";
import { isInvalid } from "../../model/columns.ts";

/** A valid record with the line it came from, so later rules can point at it, e.g. { line: 4, record: {...} }. */
export interface Located<R> {
  line: number;
  record: R;
}

export interface ValidatedDataset<D extends Dataset = Dataset> {
  dataset: D;
  file: string;
  rows: Located<RecordOf<D>>[];
  /** Every row as read, valid or not: references are checked on these, so one bad cell does not hide another. */
  table: CsvTable;
  /** False when the header is wrong: its cells cannot be trusted to be in the named columns, so references to and from it are not checked. */
  headerValid: boolean;
}

/** Header rules: every column the schema names must be there, and nothing it does not know. */
function checkHeader(dataset: Dataset, table: CsvTable): DataIssue[] {
  const expected = Object.keys(dataset.columns);
  const issues: DataIssue[] = [];
  for (const name of expected) {
    if (!table.header.includes(name)) {
      issues.push({ file: table.file, line: 1, column: name, message: `column is missing from the header; expected columns: ${expected.join(",")}` });
    }
  }
  const seen = new Set<string>();
  for (const name of table.header) {
    if (!expected.includes(name)) {
      issues.push({ file: table.file, line: 1, column: name, message: `is not a known column of ${dataset.file}; expected columns: ${expected.join(",")}` });
    } else if (seen.has(name)) {
      issues.push({ file: table.file, line: 1, column: name, message: "column appears twice in the header" });
    }
    seen.add(name);
  }
  return issues;
}

/** Checks one file against its schema; returns the valid rows and every issue found (never stops at the first). */
export function validateTable<D extends Dataset>(dataset: D, table: CsvTable): { result: ValidatedDataset<D>; issues: DataIssue[] } {
  const issues = checkHeader(dataset, table);
  const headerValid = issues.length === 0;
  const rows: Located<RecordOf<D>>[] = [];
  if (headerValid) {
    if (table.rows.length === 0) {
      issues.push({ file: table.file, line: 2, column: "", message: "has a header but no data rows" });
    }
    for (const { line, cells } of table.rows) {
      const record: Record<string, unknown> = {};
      let valid = true;
      for (const [name, column] of Object.entries(dataset.columns)) {
        const value = column.check(cells[name] ?? "");
        if (!isInvalid(value)) record[name] = value;
        else {
          valid = false;
          issues.push({ file: table.file, line, column: name, message: value.message });
        }
      }
      // Rules across columns (e.g. a share in per cent is at most 100) run on rows whose cells are each valid.
      const ruleIssues = valid ? (dataset.rowRules?.(record) ?? []) : [];
      for (const { column, message } of ruleIssues) issues.push({ file: table.file, line, column, message });
      if (valid && ruleIssues.length === 0) rows.push({ line, record: record as RecordOf<D> });
    }
    issues.push(...uniqueKeyIssues(dataset, table.file, rows));
  }
  return { result: { dataset, file: table.file, rows, table, headerValid }, issues };
}

function uniqueKeyIssues(dataset: Dataset, file: string, rows: Located<Record<string, unknown>>[]): DataIssue[] {
  const firstLine = new Map<unknown, number>();
  const issues: DataIssue[] = [];
  for (const { line, record } of rows) {
    const key = record[dataset.key];
    const earlier = firstLine.get(key);
    if (earlier !== undefined) {
      issues.push({ file, line, column: dataset.key, message: `${JSON.stringify(key)} is a duplicate; the same ${dataset.key} is already used on line ${earlier}` });
    } else firstLine.set(key, line);
  }
  return issues;
}

/** Cross-file rule: every reference column points at an existing key of the dataset it names. */
export function referenceIssues(all: ValidatedDataset[]): DataIssue[] {
  const byName = new Map(all.map((v) => [v.dataset.name, v]));
  const issues: DataIssue[] = [];
  // One typo in a header would otherwise turn into an error for every reference to that file.
  for (const { dataset, file, table } of all.filter((v) => v.headerValid)) {
    for (const [name, column] of Object.entries(dataset.columns)) {
      if (!column.references) continue;
      const target = byName.get(column.references);
      if (!target?.headerValid) continue; // the target file could not be read, or its header is wrong; that error is reported already
      const keys = new Set(target.table.rows.map((r) => r.cells[target.dataset.key]?.trim()));
      for (const { line, cells } of table.rows) {
        // A list column refers with each of its semicolon-separated values.
        for (const value of (cells[name] ?? "").split(";").map((v) => v.trim())) {
          if (value && !keys.has(value)) {
            issues.push({ file, line, column: name, message: `${showValue(value)} does not match any ${target.dataset.key} in ${target.file}` });
          }
        }
      }
    }
  }
  return issues;
}
