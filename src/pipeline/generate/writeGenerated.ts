import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { LoadedData } from "../loadData.ts";
import type { ValidatedDataset } from "../validate/validate.ts";
import { generateSourcePages } from "./sourcePages.ts";

export interface GenerateReport {
  dataModules: number;
  pages: number;
}

/**
 * Generate stage: writes typed JSON modules (one per dataset, for pages and charts) and
 * MDX pages into a folder that is rebuilt from scratch each run and never committed.
 */
export async function writeGenerated(data: LoadedData, generatedDir: string): Promise<GenerateReport> {
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
  return { dataModules: modules.length, pages: pages.length };
}
