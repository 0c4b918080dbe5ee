import { readFileSync } from "node:fs";
import { mkdir, mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataDependencies, dataDependenciesPlugin, dataHashes, entryDataDependencies, importedFiles, isEntry, keyedPerPath, keyedThrough, missedImports, moduleFacts, type DataDependency } from "../src/pipeline/astro/dataDependencies.ts";
import { pagesReused, type AstroManifest } from "../src/pipeline/astro/astroCache.ts";
import * as model from "../src/model/datasets.ts";
import { projectRoot } from "./helpers.ts";
import { hashListFile } from "../src/generatedHashes.ts";

const srcDir = path.join(projectRoot, "src");
const page = path.join(srcDir, "pages", "tilbud", "[id].astro");
const of = (code: string, id = page) => dataDependencies(code, id, srcDir);

describe("which data a module reads (so Astro's incremental build renders a page again when its data changed)", () => {
  it("names the datasets a module imports from records.ts, under any alias and with or without .ts", () => {
    expect(of(`import { offers, sourceById } from "../../records.ts";`)).toEqual([{ dataset: "offers" }, { dataset: "sources" }]);
    expect(of(`import { statistics as cells } from "./records";`, path.join(srcDir, "statistics.ts"))).toEqual([{ dataset: "statistics" }]);
    expect(of(`export { keyFigures } from "../records.ts";`, path.join(srcDir, "charts", "x.ts"))).toEqual([{ dataset: "key_figures" }]);
  });

  it("counts anything it cannot tell apart as reading all data: a slower rebuild, never a stale page", () => {
    expect(of(`import * as records from "../../records.ts";`)).toEqual(["all data"]);
    expect(of(`import { recordsOf } from "../../records.ts";`)).toEqual(["all data"]);
    expect(of(`const { offers } = await import("../../records.ts");`)).toEqual(["all data"]);
    expect(of(`import { offers } from "../../records.ts"; const more = await import("../../records.ts");`)).toEqual(["all data"]);
    expect(of(`import { generatedFile } from "../../generatedFiles.ts";`)).toEqual(["all data"]);
    expect(of(`import { somethingNew } from "../../records.ts";`)).toEqual(["all data"]);
  });

  it("names the content collections for a module that imports astro:content, beside its data", () => {
    expect(of(`import { getCollection } from "astro:content"; import { sources } from "../../records.ts";`)).toEqual(["content", { dataset: "sources" }]);
  });

  it("finds no data in a module that imports none, nor in an import of another module called records", () => {
    expect(of(`import { offersAtPlaceHref } from "../../addresses.ts"; const text = "records";`)).toEqual([]);
    expect(of(`import { offers } from "./records.ts";`, path.join(srcDir, "charts", "x.ts"))).toEqual([]);
    expect(of(`import { offers } from "records";`)).toEqual([]);
  });

  it("leaves records.ts and generatedFiles.ts themselves alone: what they read is behind what they export", () => {
    const code = `import { generatedFile } from "./generatedFiles.ts"; export const offers = recordsOf(model.offers);`;
    expect(of(code, path.join(srcDir, "records.ts"))).toEqual([]);
    expect(of(`import { readFileSync } from "node:fs";`, path.join(srcDir, "generatedFiles.ts"))).toEqual([]);
  });

  it("lets the open-data routes, keyed per path, read one dataset generically; every other kind of read still counts", () => {
    const route = path.join(srcDir, "pages", "data", "[name].json.ts");
    expect(of(`import { recordsOf } from "../../records.ts"; import { csvTextOf, generatedFileKey } from "../../generatedFiles.ts";`, route)).toEqual([]);
    expect(of(`import { offers } from "../../records.ts";`, route)).toEqual([{ dataset: "offers" }]);
    expect(of(`import * as records from "../../records.ts";`, route)).toEqual(["all data"]);
    expect(of(`import { recordsOf } from "../../records.ts"; const m = await import("../../generatedFiles.ts");`, route)).toEqual(["all data"]);
    expect(of(`import { csvTextOf } from "../../generatedFiles.ts";`, path.join(srcDir, "pages", "data", "index.astro"))).toEqual(["all data"]);
  });

  it("has the open-data routes it trusts key each path by the hash of the one file the path reads", async () => {
    const { generatedFileKey } = await import("../src/generatedFiles.ts");
    const fileOf = { "pages/data/[name].json.ts": (d: { name: string }) => `data/${d.name}.json`, "pages/data/[name].csv.ts": (d: { file: string }) => `csv/${d.file}`, "pages/data/excel/[name].csv.ts": (d: { name: string }) => `data/${d.name}.json` };
    expect(Object.keys(fileOf).sort()).toEqual([...keyedPerPath].sort());
    for (const [route, file] of Object.entries(fileOf)) {
      const { getStaticPaths } = (await import(path.join(srcDir, route))) as { getStaticPaths: () => { cacheKey: string; props: { dataset: { name: string; file: string } } }[] };
      const paths = getStaticPaths();
      expect(paths.map((p) => p.props.dataset.name).sort(), route).toEqual(model.datasets.map((d) => d.name).sort());
      for (const p of paths) expect(p.cacheKey.split(" ").at(-1), route).toBe(generatedFileKey(file(p.props.dataset)));
    }
  });

  it("matches records.ts: each export named after a dataset holds that dataset's records, and sourceById reads sources", async () => {
    const records = (await import("../src/records.ts")) as unknown as Record<string, unknown>;
    const { recordsOf, sourceById } = await import("../src/records.ts");
    const checked: string[] = [];
    for (const [name, value] of Object.entries(records)) {
      const dependencies = of(`import { ${name} } from "../../records.ts";`);
      if (dependencies[0] === "all data") continue;
      expect(dependencies, name).toHaveLength(1);
      const dataset = model.datasets.find((d) => d.name === (dependencies[0] as { dataset: string }).dataset)!;
      if (Array.isArray(value)) expect(new Set(value), name).toEqual(new Set(recordsOf(dataset)));
      checked.push(name);
    }
    expect(checked).toHaveLength(model.datasets.length + 1); // every dataset, and sourceById
    for (const source of recordsOf(model.sources)) expect(sourceById(source.id)).toBe(source);
  });
});

describe("the hashes written into the modules", () => {
  let dir: string;
  const write = async (rel: string, text: string) => {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), text);
  };
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "hoa-deps-"));
    await write("generated/data/offers.json", `[{"name":"A"}]`);
    await write("generated/data/sources.json", `[]`);
    await write("generated/csv/offers.csv", "name\nA\n");
    await write("generated/pages/kilder/a.mdx", "# A");
    await write("content/pages/om.mdx", "# Om");
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  /** Each hash of the folder as it is now. */
  const hashesNow = () => {
    const hashOf = dataHashes(dir);
    return { offers: hashOf({ dataset: "offers" }), sources: hashOf({ dataset: "sources" }), all: hashOf("all data"), content: hashOf("content") };
  };

  it("change for a dataset when its records change, and only for that dataset", async () => {
    const before = hashesNow();
    await write("generated/data/offers.json", `[{"name":"B"}]`);
    const after = hashesNow();
    expect(after.offers).not.toBe(before.offers);
    expect(after.sources).toBe(before.sources);
    expect(after.all).not.toBe(before.all);
    expect(after.content).toBe(before.content);
  });

  it("take a generated file by the hash the generate stage listed for it, while the file is as it was listed", async () => {
    const before = hashesNow();
    const { size, mtimeMs } = await stat(path.join(dir, "generated/data/offers.json"));
    const list = path.join(dir, "generated", hashListFile);
    await writeFile(list, JSON.stringify({ "data/offers.json": { hash: "listed", size, mtimeMs } }));
    const listed = hashesNow();
    expect(listed).toEqual({ ...before, offers: listed.offers, all: listed.all });
    expect(listed.offers).not.toBe(before.offers);
    expect(listed.all).not.toBe(before.all);
    await rm(list);
    expect(hashesNow()).toEqual(before);
  });

  it("change for all data when a CSV copy changes, and for the content when a generated page changes", async () => {
    const before = hashesNow();
    await write("generated/csv/offers.csv", "name\nC\n");
    const csvChanged = hashesNow();
    expect(csvChanged).toEqual({ ...before, all: csvChanged.all });
    expect(csvChanged.all).not.toBe(before.all);
    await write("generated/pages/kilder/a.mdx", "# A2");
    const pageChanged = hashesNow();
    expect(pageChanged).toEqual({ ...csvChanged, content: pageChanged.content });
    expect(pageChanged.content).not.toBe(csvChanged.content);
  });

  it("are appended to the code of an entry, for what it and the modules it imports read, so no line moves; other modules are left as they are", async () => {
    await write("lib/offerNames.ts", `import { offers } from "../records.ts";\nexport const names = () => offers.map((o) => o.name);`);
    await write("pages/x.astro", `---\nimport { names } from "../lib/offerNames.ts";\n---\n{names()}`);
    const plugin = dataDependenciesPlugin(dir);
    const id = path.join(dir, "pages", "x.astro");
    const code = "compiled x.astro";
    const first = plugin.transform(code, id)!.code;
    expect(first.startsWith(code + "\n")).toBe(true);
    expect(first).toContain(dataHashes(dir)({ dataset: "offers" }));
    expect(plugin.transform("compiled offerNames.ts", path.join(dir, "lib", "offerNames.ts"))).toBeUndefined();
    await write("pages/y.astro", `---\nimport { sitePages } from "../addresses.ts";\n---`);
    expect(plugin.transform("compiled y.astro", path.join(dir, "pages", "y.astro"))).toBeUndefined();
    expect(plugin.transform(code, `${id}?astro&type=style&index=0&lang.css`)).toBeUndefined();
    expect(plugin.transform(code, path.join(os.tmpdir(), "elsewhere.ts"))).toBeUndefined();
    expect(plugin.transform(code, path.join(os.tmpdir(), "node_modules", "pkg", "page.mdx"))).toBeUndefined();
    await write("generated/data/offers.json", `[{"name":"D"}]`);
    expect(dataDependenciesPlugin(dir).transform(code, id)!.code).not.toBe(first);
  });

  it("stop the build when Vite's module graph has an entry import a module of src/ that the walk missed", async () => {
    await write("pages/z.astro", `---\nimport { names } from "../lib/offerNames.ts";\n---`);
    const plugin = dataDependenciesPlugin(dir);
    const entry = path.join(dir, "pages", "z.astro");
    plugin.transform("compiled z.astro", entry);
    const graph = new Map<string, string[]>([
      [entry, ["\0virtual:thing", path.join(dir, "lib", "offerNames.ts")]],
      ["\0virtual:thing", [path.join(dir, "lib", "hidden.ts")]],
    ]);
    const errors: string[] = [];
    const context = {
      getModuleInfo: (id: string) => (graph.has(id) || id.startsWith(dir) ? { importedIds: graph.get(id) ?? [], dynamicallyImportedIds: [] } : null),
      error: (message: string): never => {
        errors.push(message);
        throw new Error(message);
      },
    };
    expect(() => plugin.buildEnd.call(context)).toThrow(/pages\/z\.astro imports lib\/hidden\.ts, which the data walk/);
    graph.set("\0virtual:thing", []);
    expect(() => plugin.buildEnd.call(context)).not.toThrow();
    expect(errors).toHaveLength(1);
  });
});

describe("the walk from an entry through the modules it imports", () => {
  let dir: string;
  const write = async (rel: string, text: string) => {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), text);
  };
  const read = (file: string) => readFileSync(file, "utf8");
  const names = (dependencies: DataDependency[]) => dependencies.map((d) => (typeof d === "string" ? d : d.dataset));
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "hoa-walk-"));
    await write("a.ts", "");
    await write("b.astro", "");
    await write("dir/index.ts", "");
    await write("t.ts", "");
    await write("u.ts", "");
    await write("v.ts", "");
    await write("later.ts", "");
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("resolves relative imports to files of src/, and leaves out imports of types only, packages and missing files", () => {
    const code = [
      `import { x } from "./a";`,
      `import B from "./b.astro";`,
      `import { d } from "./dir";`,
      `import raw from "./v.ts?raw";`,
      `import type { T } from "./t.ts";`,
      `export type { U } from "./u.ts";`,
      `import { type V, w } from "./v.ts";`,
      `import { getCollection } from "astro:content";`,
      `import { csvParse } from "d3-dsv";`,
      `import { gone } from "./gone.ts";`,
      `const later = await import("./later.ts");`,
    ].join("\n");
    expect(importedFiles(code, path.join(dir, "entry.astro")).sort()).toEqual(["a.ts", "b.astro", "dir/index.ts", "later.ts", "v.ts"].map((f) => path.join(dir, f)).sort());
  });

  it("takes the routes of src/pages/ and the MDX pages anywhere in src/ for entries, and nothing else", () => {
    expect(isEntry(path.join(dir, "pages", "tilbud", "[id].astro"), dir)).toBe(true);
    expect(isEntry(path.join(dir, "pages", "data", "[name].json.ts"), dir)).toBe(true);
    expect(isEntry(path.join(dir, "content", "pages", "om.mdx"), dir)).toBe(true);
    expect(isEntry(path.join(dir, "generated", "pages", "kilder", "a.mdx"), dir)).toBe(true);
    expect(isEntry(path.join(dir, "offers.ts"), dir)).toBe(false);
    expect(isEntry(path.join(dir, "components", "SourceRef.astro"), dir)).toBe(false);
    expect(isEntry(path.join(dir, "pages", "tilbud", "kart.css"), dir)).toBe(false);
    expect(isEntry(path.join(dir, "pages", "a.ts.bak"), dir)).toBe(false);
    expect(isEntry(path.join(path.dirname(dir), "elsewhere", "pages", "x.mdx"), dir)).toBe(false);
  });

  it("gathers what every module reached reads, through cycles, and counts all data once any module reads it generically", async () => {
    await write("records.ts", "");
    await write("pages/p.astro", `---\nimport { one } from "../one.ts";\nimport { getCollection } from "astro:content";\n---`);
    await write("one.ts", `import { two } from "./two.ts";\nimport { offers } from "./records.ts";`);
    await write("two.ts", `import { one } from "./one.ts";\nimport { sourceById } from "./records.ts";\nimport type { Place } from "./places.ts";`);
    await write("places.ts", `import { places } from "./records.ts";`);
    const entry = path.join(dir, "pages", "p.astro");
    const walked = entryDataDependencies(entry, dir, moduleFacts(dir, read));
    expect(names(walked.dependencies)).toEqual(["content", "offers", "sources"]);
    expect([...walked.modules].sort()).toEqual([entry, path.join(dir, "one.ts"), path.join(dir, "records.ts"), path.join(dir, "two.ts")].sort());
    await write("two.ts", `import { one } from "./one.ts";\nimport * as records from "./records.ts";`);
    expect(names(entryDataDependencies(entry, dir, moduleFacts(dir, read)).dependencies)).toEqual(["all data", "content"]);
  });

  it("leaves out, for a route keyed per path, what it reaches only through its keyed module", async () => {
    await write("offerPage.ts", `import { offers } from "./records.ts";\nimport { shared } from "./shared.ts";`);
    await write("shared.ts", `import { providers } from "./records.ts";`);
    await write("pages/tilbud/[id].astro", `---\nimport { offerPagePaths } from "../../offerPage.ts";\n---`);
    const route = path.join(dir, "pages", "tilbud", "[id].astro");
    const walked = entryDataDependencies(route, dir, moduleFacts(dir, read));
    expect(walked.dependencies).toEqual([]);
    expect(walked.modules).toContain(path.join(dir, "shared.ts"));
    await write("pages/tilbud/[id].astro", `---\nimport { offerPagePaths } from "../../offerPage.ts";\nimport { shared } from "../../shared.ts";\n---`);
    expect(names(entryDataDependencies(route, dir, moduleFacts(dir, read)).dependencies)).toEqual(["providers"]);
    // The same module anywhere else is an ordinary import.
    await write("pages/other.astro", `---\nimport { offerPagePaths } from "../offerPage.ts";\n---`);
    expect(names(entryDataDependencies(path.join(dir, "pages", "other.astro"), dir, moduleFacts(dir, read)).dependencies)).toEqual(["offers", "providers"]);
  });

  it("finds the imports Vite has and the walk missed, following modules outside src/ but not another entry or a package", () => {
    const at = (f: string) => path.join(dir, f);
    const [entry, walkedFile, missed, otherEntry, inPackage] = [at("pages/e.astro"), at("w.ts"), at("m.ts"), at("pages/o.astro"), at("node_modules/p/index.js")];
    const graph: Record<string, string[]> = {
      [entry]: [walkedFile, `${entry}?astro&type=style&lang.css`, "\0astro:content", otherEntry, inPackage],
      "\0astro:content": [missed],
      [otherEntry]: [at("hidden-by-entry.ts")],
      [inPackage]: [at("behind-package.ts")],
    };
    const info = (id: string) => ({ importedIds: graph[id] ?? [], dynamicallyImportedIds: [] });
    expect(missedImports(entry, new Set([entry, walkedFile]), info, dir)).toEqual([missed]);
    expect(missedImports(entry, new Set([entry, walkedFile, missed]), info, dir)).toEqual([]);
  });
});

describe("the offer route, keyed per path through src/offerPage.ts", () => {
  const route = path.join(srcDir, "pages", "tilbud", "[id].astro");
  const read = (file: string) => readFileSync(file, "utf8");

  it("reads the offers, providers, places, updates, referral facts and web addresses only through offerPage.ts", () => {
    expect(keyedThrough["pages/tilbud/[id].astro"]).toBe("offerPage.ts");
    const { dependencies, modules } = entryDataDependencies(route, srcDir, moduleFacts(srcDir, read));
    const read_ = dependencies.map((d) => (typeof d === "string" ? d : d.dataset));
    for (const name of ["offers", "providers", "places", "offer_updates", "referral_facts", "web_addresses"]) expect(read_).not.toContain(name);
    expect(read_).not.toContain("all data");
    expect(modules).toContain(path.join(srcDir, "offerPage.ts"));
    expect(modules).toContain(path.join(srcDir, "offers.ts"));
  });

  it("reads what a figure's files show only through figureFiles.ts, which keys each path by its file", () => {
    for (const format of ["svg", "png", "csv"]) {
      const figureRoute = path.join(srcDir, "pages", "figurer", `[id].${format}.ts`);
      expect(keyedThrough[path.relative(srcDir, figureRoute)]).toBe("charts/figureFiles.ts");
      const { dependencies, modules } = entryDataDependencies(figureRoute, srcDir, moduleFacts(srcDir, read));
      expect(dependencies, format).toEqual([]);
      expect(modules).toContain(path.join(srcDir, "charts", "registry.ts"));
    }
    expect(Object.keys(keyedThrough).sort()).toEqual(["pages/figurer/[id].csv.ts", "pages/figurer/[id].png.ts", "pages/figurer/[id].svg.ts", "pages/tilbud/[id].astro"]);
  });

  it("keys each offer's page by what it shows: a changed offer changes the keys of its provider's offer pages and no other", async () => {
    const { offerPagePaths } = await import("../src/offerPage.ts");
    const { offers } = await import("../src/records.ts");
    const keys = () => new Map(offerPagePaths().map((p) => [p.params.id, p.cacheKey]));
    const before = keys();
    expect(before.size).toBe(offers.length);
    expect(new Set(before.values()).size).toBe(offers.length);
    expect(keys()).toEqual(before);
    const changed = offers.find((o) => offers.some((other) => other !== o && other.provider_id === o.provider_id))!;
    const originalName = changed.name;
    try {
      (changed as { name: string }).name = `${originalName} (endret)`;
      const after = keys();
      const rekeyed = [...after].filter(([id, key]) => before.get(id) !== key).map(([id]) => id).sort();
      expect(rekeyed).toEqual(offers.filter((o) => o.provider_id === changed.provider_id).map((o) => o.id).sort());
    } finally {
      (changed as { name: string }).name = originalName;
    }
    expect(keys()).toEqual(before);
  });
});

describe("pages Astro took unchanged from the last build", () => {
  const manifest = (hash: string, paths: Record<string, { cacheKey: unknown; contentHashes?: Record<string, string> }>): AstroManifest => ({
    routes: { "src/pages/tilbud/[id].astro": { dependencyHash: hash, paths } },
  });
  it("are the paths whose route hash, cacheKey and content are as before", () => {
    const before = manifest("h1", { "/tilbud/a/": { cacheKey: "k" }, "/tilbud/b/": { cacheKey: "k" }, "/tilbud/c/": { cacheKey: "k", contentHashes: { x: "1" } } });
    expect(pagesReused(before, manifest("h1", { "/tilbud/a/": { cacheKey: "k" }, "/tilbud/b/": { cacheKey: "k2" }, "/tilbud/c/": { cacheKey: "k", contentHashes: { x: "2" } }, "/tilbud/d/": { cacheKey: "k" } }))).toBe(1);
    expect(pagesReused(before, manifest("h2", { "/tilbud/a/": { cacheKey: "k" } }))).toBe(0);
    expect(pagesReused(undefined, manifest("h1", { "/tilbud/a/": { cacheKey: "k" } }))).toBe(0);
    expect(pagesReused(before, before)).toBe(3);
  });
});
