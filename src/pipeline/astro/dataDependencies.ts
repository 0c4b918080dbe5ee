// Astro's incremental build (experimental.incrementalBuild) restores a page from the last build when the page's
// cacheKey (src/site.ts, siteSettings) and the hash of the code it imports are both unchanged. Pages read their data
// from src/generated/ while they render (src/records.ts), which that hash cannot see. This Vite plugin writes, into
// the code of each entry (a page route or an MDX page), the hashes of the datasets read by it and by every module it
// imports; a changed dataset then changes the hash of exactly the pages whose imports reach it, and those are rendered
// again. Shared modules (offers.ts, components) carry no hashes themselves, so a route keyed per path can leave out
// what its keys cover; the build checks the walk against Vite's own module graph, so a missed import stops the build.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import * as model from "../../model/datasets.ts";
import { generatedHashes } from "../../generatedHashes.ts";

/** What a module reads beside its code: datasets by name, or everything generated, or the content collections. */
export type DataDependency = { dataset: string } | "all data" | "content";

/**
 * Routes (under src/) that read exactly one generated file per path, through recordsOf or generatedFiles.ts, and key
 * each path with that file's hash (generatedFileKey): their generic reads are not counted as all data, so a change in
 * one dataset renders only that dataset's open-data files again. test/dataDependencies.test.ts checks their keys.
 */
export const keyedPerPath = ["pages/data/[name].json.ts", "pages/data/[name].csv.ts", "pages/data/excel/[name].csv.ts"];

/**
 * Routes (under src/) that get everything a path shows from one module of their own, and key each path with a hash of
 * what that module gave it: the data read through that module is left out of the route's hashes, so a changed offer
 * renders only the pages that show it. Reads that reach the route any other way still count.
 */
export const keyedThrough: Record<string, string> = {
  "pages/tilbud/[id].astro": "offerPage.ts",
  "pages/figurer/[id].svg.ts": "charts/figureFiles.ts",
  "pages/figurer/[id].png.ts": "charts/figureFiles.ts",
  "pages/figurer/[id].csv.ts": "charts/figureFiles.ts",
};

/** Names exported by src/records.ts that are not a dataset's own records, and the datasets they read. */
const recordsFunctions: Record<string, string[]> = { sourceById: ["sources"] };

/** records.ts exports each dataset's records under the dataset's key in model/datasets.ts (test/dataDependencies.test.ts checks it). */
const datasetOfExport = new Map<string, string>(
  Object.entries(model).flatMap(([key, value]) => (model.datasets.some((d) => d === value) ? [[key, (value as { name: string }).name] as const] : [])),
);

const specifiers = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(["'])([^"']+)\1/g;
const namedImport = /\b(?:import|export)\s*(?:type\s+)?\{([^}]*)\}\s*from\s*(["'])([^"']+)\2/g;

const dependencyName = (d: DataDependency) => (typeof d === "string" ? d : d.dataset);

/** The dependencies found, by name; reading all data takes in every dataset (the content collections stay apart). */
function merged(found: Map<string, DataDependency>): DataDependency[] {
  if (found.has("all data")) for (const key of [...found.keys()]) if (key !== "all data" && key !== "content") found.delete(key);
  return [...found.values()];
}

/**
 * What the module `id` (a file of src/, with its source `code`) reads from src/generated/ when it runs.
 * Unknown or unclear imports of the data modules count as reading all data: a slower rebuild, never a stale page.
 */
export function dataDependencies(code: string, id: string, srcDir: string): DataDependency[] {
  const records = path.join(srcDir, "records.ts");
  const generatedFiles = path.join(srcDir, "generatedFiles.ts");
  if (id === records || id === generatedFiles) return []; // their reads stand behind their exports
  const resolve = (spec: string) => (spec.startsWith(".") ? path.resolve(path.dirname(id), spec).replace(/(\.ts)?$/, ".ts") : spec);
  const found = new Map<string, DataDependency>();
  const add = (d: DataDependency) => found.set(dependencyName(d), d);
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
  return merged(found);
}

const typeOnlyImport = /\b(?:import|export)\s+type\s+(?:\{[^}]*\}|[\w$]+|\*\s*as\s+[\w$]+)\s*from\s*(["'])[^"']+\1/g;

/** Source code as it runs: imports and exports of types only are compiled away, so they neither load a module nor read data. */
const withoutTypeImports = (code: string) => code.replace(typeOnlyImport, "");

/** The files of src/ that a module (the file `id`) imports: its relative specifiers, resolved. Unknown ones are left to the check. */
export function importedFiles(code: string, id: string): string[] {
  const files = new Set<string>();
  for (const [, , spec] of withoutTypeImports(code).matchAll(specifiers)) {
    if (!spec!.startsWith(".")) continue;
    const target = path.resolve(path.dirname(id), spec!.split("?")[0]!);
    const file = [target, `${target}.ts`, path.join(target, "index.ts")].find((f) => isModuleFile(f) && existsSync(f));
    if (file) files.add(file);
  }
  return [...files];
}

const isModuleFile = (file: string) => /\.(ts|astro|mdx)$/.test(file);

/** An entry renders pages: a route of src/pages/, or an MDX page (a content entry). Only entries carry data hashes. */
export const isEntry = (id: string, srcDir: string) =>
  isModuleFile(id) && id.startsWith(srcDir + path.sep) && (id.startsWith(path.join(srcDir, "pages") + path.sep) || id.endsWith(".mdx"));

/** What one module file imports and reads by itself, from its source (`source` reads a file); each file is read once. */
export type ModuleFacts = (file: string) => { imports: string[]; reads: DataDependency[] };

export function moduleFacts(srcDir: string, source: (file: string) => string): ModuleFacts {
  const known = new Map<string, ReturnType<ModuleFacts>>();
  return (file) => {
    let facts = known.get(file);
    if (facts === undefined) {
      const code = withoutTypeImports(source(file));
      known.set(file, (facts = { imports: importedFiles(code, file), reads: dataDependencies(code, file, srcDir) }));
    }
    return facts;
  };
}

/**
 * What the entry `entry` reads, by itself and through every module it imports, following the imports in the source
 * files. A route of keyedThrough leaves out what it reaches only through its keyed module. `modules`: every file of
 * src/ the walk reached, the keyed module's included, for the check against Vite's graph.
 */
export function entryDataDependencies(entry: string, srcDir: string, facts: ModuleFacts) {
  const through = keyedThrough[path.relative(srcDir, entry)];
  const keyedModule = through === undefined ? undefined : path.join(srcDir, through);
  const walk = (skip: string | undefined) => {
    const reached = new Set([entry]);
    for (const file of reached) for (const imported of facts(file).imports) if (imported !== skip) reached.add(imported);
    return reached;
  };
  const found = new Map<string, DataDependency>();
  for (const file of walk(keyedModule)) for (const d of facts(file).reads) found.set(dependencyName(d), d);
  const dependencies = merged(found).sort((a, b) => dependencyName(a).localeCompare(dependencyName(b)));
  return { dependencies, modules: walk(undefined) };
}

type ModuleInfoOf = (id: string) => { importedIds: readonly string[]; dynamicallyImportedIds: readonly string[] } | null;

/**
 * Files of src/ that Vite's module graph has the entry import (directly, or through modules outside src/) but the walk
 * did not reach: their data would be missing from the entry's hashes. Another entry imported is not followed, since
 * it carries its own hashes in its code.
 */
export function missedImports(entry: string, walked: ReadonlySet<string>, moduleInfo: ModuleInfoOf, srcDir: string): string[] {
  const missed = new Set<string>();
  const seen = new Set([entry]);
  for (const id of seen) {
    const file = id.split("?")[0]!;
    if (id !== entry && file.startsWith(srcDir + path.sep) && isModuleFile(file)) {
      if (file === entry) continue;
      if (isEntry(file, srcDir)) continue;
      if (!walked.has(file)) missed.add(file);
    }
    if (id.includes(`${path.sep}node_modules${path.sep}`)) continue;
    const info = moduleInfo(id);
    for (const next of [...(info?.importedIds ?? []), ...(info?.dynamicallyImportedIds ?? [])]) seen.add(next);
  }
  return [...missed].sort();
}

/**
 * Hashes of what the dependencies name, made once per build: a dataset's JSON, all of src/generated/data and csv, the
 * content folders. The files of src/generated/ are known by the hashes the generate stage listed (src/generatedHashes.ts).
 */
export function dataHashes(srcDir: string) {
  const memo = new Map<string, string>();
  const generated = path.join(srcDir, "generated");
  const generatedHash = generatedHashes(generated);
  const hashFiles = (files: string[]) => {
    const hash = createHash("sha256");
    // (A file outside src/generated/ is never listed, so it is read.)
    for (const file of files) hash.update(path.relative(srcDir, file)).update("\0").update(generatedHash(path.relative(generated, file))).update("\0");
    return hash.digest("hex").slice(0, 16);
  };
  const filesUnder = (dir: string): string[] =>
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.join(e.parentPath, e.name))
      .sort();
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

/**
 * The Vite plugin (astro.config.mjs): appends a comment with the hashes of the data an entry reads to its code, and
 * stops the build when an entry imports a module of src/ that the walk missed.
 */
export function dataDependenciesPlugin(srcDir: string) {
  let hashOf: ReturnType<typeof dataHashes> | undefined;
  const facts = moduleFacts(srcDir, (file) => readFileSync(file, "utf8"));
  const walked = new Map<string, Set<string>>();
  return {
    name: "helse-og-arbeid:data-dependencies",
    enforce: "post" as const,
    // Only Astro's build keeps pages from the last build; the dev server renders every request anew.
    apply: "build" as const,
    transform(code: string, id: string) {
      if (id.includes("?") || !isEntry(id, srcDir)) return undefined;
      const { dependencies, modules } = entryDataDependencies(id, srcDir, facts);
      walked.set(id, modules);
      if (!dependencies.length) return undefined;
      hashOf ??= dataHashes(srcDir);
      // Appended, so no line moves and the source map stays true.
      return { code: `${code}\n/* data read: ${dependencies.map(hashOf).join(" ")} */\n`, map: null };
    },
    buildEnd(this: { getModuleInfo: ModuleInfoOf; error: (message: string) => never }, failed?: Error) {
      if (failed) return;
      for (const [entry, modules] of walked) {
        if (!this.getModuleInfo(entry)) continue;
        const missed = missedImports(entry, modules, (id) => this.getModuleInfo(id), srcDir);
        if (missed.length) {
          this.error(`${path.relative(srcDir, entry)} imports ${missed.map((f) => path.relative(srcDir, f)).join(", ")}, which the data walk of src/pipeline/astro/dataDependencies.ts did not find (importedFiles); its pages could be left stale after a data change`);
        }
      }
    },
  };
}
