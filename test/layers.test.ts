// The architecture as folders: the model (src/model/) ← the domain and pages ← the pipeline that builds them.
// Pages, components, charts, layouts and the domain modules read the model, never the build pipeline; the model
// stands on its own. A move that breaks this fails here with the file and the import.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "./helpers.ts";

const src = path.join(projectRoot, "src");

/** Every source file under src/ (not the generated folder), with the project-relative files it imports. */
async function importsBySourceFile(): Promise<{ file: string; imports: string[] }[]> {
  const entries = await readdir(src, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && /\.(ts|astro|mdx|mjs)$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .filter((f) => !path.relative(src, f).startsWith("generated"));
  const result = [];
  for (const file of files) {
    const text = await readFile(file, "utf8");
    const imports = [...text.matchAll(/(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)]
      .map((m) => m[1] ?? m[2]!)
      .filter((spec) => spec.startsWith("."))
      .map((spec) => path.relative(src, path.resolve(path.dirname(file), spec)));
    result.push({ file: path.relative(src, file), imports });
  }
  return result;
}

const layerOf = (rel: string) => (rel.startsWith("model/") ? "model" : rel.startsWith("pipeline/") ? "pipeline" : "site");

describe("the layers of src/", () => {
  it("finds the source files and their imports (the check below reads them)", async () => {
    const all = await importsBySourceFile();
    expect(all.filter((f) => layerOf(f.file) === "model").length).toBeGreaterThanOrEqual(20);
    expect(all.filter((f) => f.file.startsWith("pages/")).length).toBeGreaterThanOrEqual(20);
    expect(all.flatMap((f) => f.imports).filter((i) => i.startsWith("model/")).length).toBeGreaterThanOrEqual(30);
  });

  it("pages, components, charts, layouts, client code and domain modules never import the build pipeline", async () => {
    const wrong = (await importsBySourceFile())
      .filter((f) => layerOf(f.file) === "site")
      .flatMap((f) => f.imports.filter((i) => layerOf(i) === "pipeline").map((i) => `${f.file} imports ${i}`));
    expect(wrong).toEqual([]);
  });

  it("the model imports nothing outside src/model/ (packages apart)", async () => {
    const wrong = (await importsBySourceFile())
      .filter((f) => layerOf(f.file) === "model")
      .flatMap((f) => f.imports.filter((i) => layerOf(i) !== "model").map((i) => `${f.file} imports ${i}`));
    expect(wrong).toEqual([]);
  });
});
