import { describe, expect, it } from "vitest";
import { loadData } from "../src/pipeline/loadData.ts";
import { datasets } from "../src/model/datasets.ts";
import { shippedData } from "./helpers.ts";

describe("the schemas", () => {
  const names = datasets.map((d) => d.name);

  it("refer only to datasets that exist and are read before them", () => {
    datasets.forEach((dataset, i) => {
      for (const [column, def] of Object.entries(dataset.columns)) {
        if (def.references) expect(names.slice(0, i), `${dataset.name}.${column}`).toContain(def.references);
      }
    });
  });

  it("give every dataset but the sources and places a provenance", () => {
    for (const d of datasets.filter((d) => !["sources", "places"].includes(d.name))) {
      expect(Object.keys(d.columns), d.name).toEqual(expect.arrayContaining(["source_id", "source_location", "source_line"]));
    }
  });

  it("are all loaded from the shipped data", async () => {
    const { data, report } = await loadData(shippedData);
    expect(Object.keys(data).sort()).toEqual([...names].sort());
    for (const r of report) expect(r.rowsValid, r.file).toBe(r.rowsRead);
  });
});

describe("data/README.md", () => {
  it("is the guide the schemas generate (run npm run data-readme after changing a schema)", async () => {
    const { readFile } = await import("node:fs/promises");
    const { dataReadme } = await import("../src/pipeline/docs/dataReadme.ts");
    const { shippedData } = await import("./helpers.ts");
    const path = await import("node:path");
    expect(await readFile(path.join(shippedData, "README.md"), "utf8")).toBe(dataReadme());
  });
});
