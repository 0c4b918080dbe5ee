import { lstat, readdir, realpath } from "node:fs/promises";
import path from "node:path";
import { DataError, type DataIssue } from "./dataError.ts";
import { readCsv, type CsvTable } from "./read/readCsv.ts";
import { datasets } from "../model/datasets.ts";
import type { Dataset } from "../model/dataset.ts";
import { referenceIssues, validateTable, type ValidatedDataset } from "./validate/validate.ts";

/** Every dataset of the model by its name, validated: { sources: ValidatedDataset<typeof sources>, … }. */
export type LoadedData = { [D in (typeof datasets)[number] as D["name"]]: ValidatedDataset<D> };

export interface LoadReport {
  dataset: string;
  file: string;
  rowsRead: number;
  rowsValid: number;
}

/**
 * Read and validate stages together: reads every CSV in dataDir, checks it, and
 * throws one DataError with every issue of the run, or returns typed records.
 * File names in messages are relative to the project (e.g. "data/sources.csv").
 */
export async function loadData(
  dataDir: string,
  { list = datasets, relativeTo = process.cwd() }: { list?: readonly Dataset[]; relativeTo?: string } = {},
): Promise<{ data: LoadedData; report: LoadReport[] }> {
  const issues: DataIssue[] = [];
  const validated: ValidatedDataset[] = [];
  const report: LoadReport[] = [];
  for (const dataset of list) {
    const file = path.join(dataDir, dataset.file);
    const shownAs = path.relative(relativeTo, file) || file;
    let table: CsvTable;
    try {
      const outside = await linkOutside(dataDir, file);
      if (outside) {
        issues.push({ file: shownAs, line: 0, column: "", message: `is a symbolic link to a file outside ${path.basename(dataDir)}/; expected the file itself (a link out could publish any file of the machine)` });
        continue;
      }
      table = await readCsv(file);
      table.file = shownAs;
    } catch (error) {
      if (error instanceof DataError) {
        issues.push(...error.issues.map((i) => ({ ...i, file: shownAs })));
        continue;
      }
      if ((error as NodeJS.ErrnoException).code === "ENOENT") {
        issues.push({ file: shownAs, line: 0, column: "", message: `file is missing; expected the dataset «${dataset.title}» here` });
        continue;
      }
      // A folder where the file should be, a file without read permission: name the file instead of a stack trace.
      const { code, message } = error as NodeJS.ErrnoException;
      issues.push({ file: shownAs, line: 0, column: "", message: `cannot be read (${code ?? message}); expected a readable CSV file` });
      continue;
    }
    const { result, issues: found } = validateTable(dataset, table);
    issues.push(...found);
    validated.push(result);
    report.push({ dataset: dataset.name, file: shownAs, rowsRead: table.rows.length, rowsValid: result.rows.length });
  }
  issues.push(...referenceIssues(validated));
  // A CSV the site does not read would be silently left out of every page (and of the release's data hash).
  if (list === datasets) {
    const known = new Set(datasets.map((d) => d.file));
    for (const file of (await readdir(dataDir)).filter((f) => f.endsWith(".csv") && !known.has(f)).sort()) {
      const shownAs = path.relative(relativeTo, path.join(dataDir, file)) || file;
      issues.push({ file: shownAs, line: 0, column: "", message: `is not one of the site's datasets; expected one of ${[...known].join(", ")}, or the file moved out of data/` });
    }
  }
  if (issues.length) throw new DataError(issues);
  const byName = Object.fromEntries(validated.map((v) => [v.dataset.name, v]));
  return { data: byName as unknown as LoadedData, report };
}

/** Is file a symbolic link (or inside one) whose target lies outside dataDir? Missing files are not. */
async function linkOutside(dataDir: string, file: string): Promise<boolean> {
  const stat = await lstat(file).catch(() => undefined);
  if (!stat?.isSymbolicLink()) return false;
  const [target, folder] = await Promise.all([realpath(file).catch(() => file), realpath(dataDir)]);
  return path.relative(folder, target).startsWith("..") || path.isAbsolute(path.relative(folder, target));
}
