import { readdirSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { cachedFile, codeVersion } from "../../fileCache.ts";
import type { LoadedData } from "../loadData.ts";
import type { ValidatedDataset } from "../validate/validate.ts";
import { generateSourcePages } from "./sourcePages.ts";
import { contentHash, writeHashList } from "../../generatedHashes.ts";

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
  packages: ["d3-dsv"],
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
  const files: { relative: string; content: Buffer | string }[] = [];
  for (const v of Object.values(data) as ValidatedDataset[]) {
    const csv = await readFile(path.join(dataDir, v.dataset.file));
    // A dataset's module follows from its CSV file and the code that reads, checks and writes it: when both are as they
    // were, the module is taken from the file cache (JSON.stringify of statistics.csv's records took 1 s at 10×).
    const content = await cachedFile("data-module", `${moduleCodeVersion()}\n${v.dataset.name}\n${contentHash(csv)}`, async () =>
      Buffer.from(JSON.stringify(v.rows.map((r) => r.record), null, 1)),
    );
    files.push({ relative: path.join("data", `${v.dataset.name}.json`), content });
    // The CSV file as the data editors wrote it, for the open-data downloads (byte for byte, not re-serialised).
    files.push({ relative: path.join("csv", v.dataset.file), content: csv });
  }
  const pages = [...generateSourcePages(data)].map(([rel, content]) => ({ relative: path.join("pages", rel), content }));
  const hashes = new Map<string, string>();
  for (const { relative, content } of [...files, ...pages]) {
    const file = path.join(generatedDir, relative);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
    hashes.set(relative, contentHash(content));
  }
  writeHashList(generatedDir, hashes);
  return { dataModules: Object.keys(data).length, pages: pages.length };
}
