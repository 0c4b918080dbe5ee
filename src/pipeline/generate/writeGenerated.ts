import { createHash } from "node:crypto";
import { readdirSync } from "node:fs";
import { copyFile, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { cachedFile, codeVersion } from "../../fileCache.ts";
import type { LoadedData } from "../loadData.ts";
import type { ValidatedDataset } from "../validate/validate.ts";
import { generateSourcePages } from "./sourcePages.ts";

const src = path.join(import.meta.dirname, "..", "..");
/**
 * What a data module is made by: the model (columns, rules), reading, checking and this file, and their packages.
 * A change in any of them makes every module anew.
 */
export const dataModuleCode = {
  files: [
    ...readdirSync(path.join(src, "model"), { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".ts"))
      .sort()
      .map((f) => path.join(src, "model", f)),
    ...["read/readCsv.ts", "validate/validate.ts", "loadData.ts", "dataError.ts", "generate/writeGenerated.ts"].map((f) => path.join(src, "pipeline", f)),
  ],
  packages: ["zod", "d3-dsv"],
};
let moduleCode: string | undefined;
const moduleCodeVersion = () => (moduleCode ??= codeVersion(dataModuleCode.files, dataModuleCode.packages));

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
  const modules = [];
  for (const v of Object.values(data) as ValidatedDataset[]) {
    // A dataset's module follows from its CSV file and the code that reads, checks and writes it: when both are as they
    // were, the module is taken from the file cache (JSON.stringify of statistics.csv's records took 1 s at 10×).
    const csv = createHash("sha256").update(await readFile(path.join(dataDir, v.dataset.file))).digest("hex");
    const content = await cachedFile("data-module", `${moduleCodeVersion()}\n${v.dataset.name}\n${csv}`, async () =>
      Buffer.from(JSON.stringify(v.rows.map((r) => r.record), null, 1)),
    );
    modules.push({ file: path.join(generatedDir, "data", `${v.dataset.name}.json`), content });
  }
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
