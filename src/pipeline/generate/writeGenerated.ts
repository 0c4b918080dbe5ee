import { copyFile, mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { LoadedData } from "../loadData.ts";
import type { ValidatedDataset } from "../validate/validate.ts";
import { generateSourcePages } from "./sourcePages.ts";

export interface GenerateReport {
  dataModules: number;
  pages: number;
}

/**
 * Generate stage: writes typed JSON modules (one per dataset, for pages and charts), copies of the
 * CSV files, and MDX pages into a folder that is rebuilt from scratch each run and never committed.
 */
export async function writeGenerated(data: LoadedData, generatedDir: string, dataDir: string): Promise<GenerateReport> {
  await rm(generatedDir, { recursive: true, force: true });
  const modules = (Object.values(data) as ValidatedDataset[]).map((v) => ({
    file: path.join(generatedDir, "data", `${v.dataset.name}.json`),
    content: JSON.stringify(v.rows.map((r) => r.record), null, 1),
  }));
  const pages = [...generateSourcePages(data)].map(([rel, content]) => ({ file: path.join(generatedDir, "pages", rel), content }));
  for (const { file, content } of [...modules, ...pages]) {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
  }
  // The CSV files as the data editors wrote them, for the open-data downloads (byte for byte, not re-serialised).
  await mkdir(path.join(generatedDir, "csv"), { recursive: true });
  for (const v of Object.values(data) as ValidatedDataset[]) {
    await copyFile(path.join(dataDir, v.dataset.file), path.join(generatedDir, "csv", v.dataset.file));
  }
  return { dataModules: modules.length, pages: pages.length };
}
