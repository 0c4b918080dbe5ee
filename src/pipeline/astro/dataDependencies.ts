// Astro's incremental build (experimental.incrementalBuild) restores a page from the last build when the page's
// cacheKey (src/site.ts, siteSettings) and the hash of the code it imports are both unchanged. Pages read their data
// from src/generated/ while they render (src/records.ts), which that hash cannot see. This Vite plugin writes, into
// the code of each module that imports data, the hashes of the datasets it imports; a changed dataset then changes
// the hash of exactly the pages whose imports reach it, and those are rendered again.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import * as model from "../../model/datasets.ts";

/** What a module reads beside its code: datasets by name, or everything generated, or the content collections. */
export type DataDependency = { dataset: string } | "all data" | "content";

/**
 * Routes (under src/) that read exactly one generated file per path, through recordsOf or generatedFiles.ts, and key
 * each path with that file's hash (generatedFileKey): their generic reads are not counted as all data, so a change in
 * one dataset renders only that dataset's open-data files again. test/dataDependencies.test.ts checks their keys.
 */
export const keyedPerPath = ["pages/data/[name].json.ts", "pages/data/[name].csv.ts", "pages/data/excel/[name].csv.ts"];

/** Names exported by src/records.ts that are not a dataset's own records, and the datasets they read. */
const recordsFunctions: Record<string, string[]> = { sourceById: ["sources"] };

/** records.ts exports each dataset's records under the dataset's key in model/datasets.ts (test/dataDependencies.test.ts checks it). */
const datasetOfExport = new Map<string, string>(
  Object.entries(model).flatMap(([key, value]) => (model.datasets.some((d) => d === value) ? [[key, (value as { name: string }).name] as const] : [])),
);

const specifiers = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(["'])([^"']+)\1/g;
const namedImport = /\b(?:import|export)\s*(?:type\s+)?\{([^}]*)\}\s*from\s*(["'])([^"']+)\2/g;

/**
 * What the module `id` (a file of src/, with the compiled `code`) reads from src/generated/ when it runs.
 * Unknown or unclear imports of the data modules count as reading all data: a slower rebuild, never a stale page.
 */
export function dataDependencies(code: string, id: string, srcDir: string): DataDependency[] {
  const records = path.join(srcDir, "records.ts");
  const generatedFiles = path.join(srcDir, "generatedFiles.ts");
  if (id === records || id === generatedFiles) return []; // their reads stand behind their exports
  const resolve = (spec: string) => (spec.startsWith(".") ? path.resolve(path.dirname(id), spec).replace(/(\.ts)?$/, ".ts") : spec);
  const found = new Map<string, DataDependency>();
  const add = (d: DataDependency) => found.set(typeof d === "string" ? d : d.dataset, d);
  // In a route keyed per path, the generic reads that its keys cover.
  const coveredByKey = new Set(keyedPerPath.includes(path.relative(srcDir, id)) ? ["recordsOf", "generatedFile", "csvTextOf", "generatedFileKey", "generatedFileCacheKey"] : []);
  const imports = { [records]: 0, [generatedFiles]: 0 };
  for (const [, , spec] of code.matchAll(specifiers)) {
    const target = resolve(spec!);
    if (target in imports) imports[target]!++;
    else if (spec === "astro:content") add("content");
  }
  for (const [, names, , spec] of code.matchAll(namedImport)) {
    const target = resolve(spec!);
    if (!(target in imports)) continue;
    imports[target]!--;
    for (const name of names!.split(",").map((n) => n.trim().replace(/^type\s+/, "").split(/\s+as\s+/)[0]!).filter(Boolean)) {
      if (coveredByKey.has(name)) continue;
      const dataset = target === records ? datasetOfExport.get(name) : undefined;
      if (dataset) add({ dataset });
      else if (target === records && recordsFunctions[name]) for (const d of recordsFunctions[name]) add({ dataset: d });
      else add("all data");
    }
  }
  // A default, namespace or dynamic import of either module.
  if (imports[records]! > 0 || imports[generatedFiles]! > 0) add("all data");
  if (found.has("all data")) for (const key of [...found.keys()]) if (key !== "all data" && key !== "content") found.delete(key);
  return [...found.values()];
}

/** Hashes of what the dependencies name, read once per build: a dataset's JSON, all of src/generated/data and csv, the content folders. */
export function dataHashes(srcDir: string) {
  const memo = new Map<string, string>();
  const hashFiles = (files: string[]) => {
    const hash = createHash("sha256");
    for (const file of files) hash.update(path.relative(srcDir, file)).update("\0").update(readFileSync(file)).update("\0");
    return hash.digest("hex").slice(0, 16);
  };
  const filesUnder = (dir: string): string[] =>
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.join(e.parentPath, e.name))
      .sort();
  const generated = path.join(srcDir, "generated");
  const compute = (key: string) => {
    if (key === "all data") return hashFiles([...filesUnder(path.join(generated, "data")), ...filesUnder(path.join(generated, "csv"))]);
    if (key === "content") return hashFiles([...filesUnder(path.join(srcDir, "content")), ...filesUnder(path.join(generated, "pages"))]);
    return hashFiles([path.join(generated, "data", `${key}.json`)]);
  };
  return (dependency: DataDependency) => {
    const key = typeof dependency === "string" ? dependency : dependency.dataset;
    let hash = memo.get(key);
    if (hash === undefined) memo.set(key, (hash = compute(key)));
    return `${key}=${hash}`;
  };
}

/** The Vite plugin (astro.config.mjs): appends a comment with the hashes of the data a module reads to its code. */
export function dataDependenciesPlugin(srcDir: string) {
  let hashOf: ReturnType<typeof dataHashes> | undefined;
  return {
    name: "helse-og-arbeid:data-dependencies",
    enforce: "post" as const,
    transform(code: string, id: string) {
      if (id.includes("?") || !id.startsWith(srcDir + path.sep) || !/\.(ts|astro|mdx)$/.test(id)) return undefined;
      const dependencies = dataDependencies(code, id, srcDir);
      if (!dependencies.length) return undefined;
      hashOf ??= dataHashes(srcDir);
      // Appended, so no line moves and the source map stays true.
      return { code: `${code}\n/* data read: ${dependencies.map(hashOf).join(" ")} */\n`, map: null };
    },
  };
}
