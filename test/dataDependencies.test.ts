import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataDependencies, dataDependenciesPlugin, dataHashes, keyedPerPath } from "../src/pipeline/astro/dataDependencies.ts";
import { pagesReused, type AstroManifest } from "../src/pipeline/astro/astroCache.ts";
import * as model from "../src/model/datasets.ts";
import { projectRoot } from "./helpers.ts";

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

  it("are appended to the code of a module that reads data, so no line moves; other modules are left as they are", async () => {
    const plugin = dataDependenciesPlugin(dir);
    const id = path.join(dir, "pages", "x.astro");
    const code = `import { offers } from "../records.ts";\nexport default offers;`;
    const first = plugin.transform(code, id)!.code;
    expect(first.startsWith(code + "\n")).toBe(true);
    expect(first).toContain(dataHashes(dir)({ dataset: "offers" }));
    expect(plugin.transform(`import { sitePages } from "../addresses.ts";`, id)).toBeUndefined();
    expect(plugin.transform(code, `${id}?astro&type=style&index=0&lang.css`)).toBeUndefined();
    expect(plugin.transform(code, path.join(os.tmpdir(), "elsewhere.ts"))).toBeUndefined();
    await write("generated/data/offers.json", `[{"name":"D"}]`);
    expect(dataDependenciesPlugin(dir).transform(code, id)!.code).not.toBe(first);
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
