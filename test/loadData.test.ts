// The read and validate stages together (loadData) on a small data folder of two datasets made here.
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { defineDataset } from "../src/model/dataset.ts";
import { id, reference, text } from "../src/model/columns.ts";
import { DataError } from "../src/pipeline/dataError.ts";
import { loadData } from "../src/pipeline/loadData.ts";
import { datasets } from "../src/model/datasets.ts";
import { copyOfShippedData, removeDataCopy } from "./helpers.ts";

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

const places = defineDataset({ name: "places", file: "places.csv", title: "Steder", description: "", key: "id", columns: { id: id({ description: "" }) } });
const offers = defineDataset({
  name: "offers",
  file: "offers.csv",
  title: "Tilbud",
  description: "",
  key: "id",
  columns: { id: id({ description: "" }), place_id: reference("places", { description: "" }), name: text({ description: "" }) },
});
const list = [places, offers];

/** A project folder with data/ holding the given files; messages name them from the project, as data/x.csv. */
async function project(files: Record<string, string>): Promise<{ root: string; dataDir: string }> {
  const root = await mkdtemp(path.join(os.tmpdir(), "hoa-load-"));
  dirs.push(root);
  const dataDir = path.join(root, "data");
  await mkdir(dataDir);
  for (const [file, content] of Object.entries(files)) await writeFile(path.join(dataDir, file), content);
  return { root, dataDir };
}
const good = { "places.csv": "id\nbodo\nmo\n", "offers.csv": "id,place_id,name\na,bodo,Kurs\nb,mo,Samtaler\n" };

/** The lines of the DataError a load throws, or [] when it succeeds. */
async function errorsOf(dataDir: string, root: string): Promise<string[]> {
  try {
    await loadData(dataDir, { list, relativeTo: root });
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    return (error as Error).message.split("\n");
  }
}

describe("loading a data folder", () => {
  it("gives each dataset's typed rows by name, and reports rows read and valid per file", async () => {
    const { root, dataDir } = await project(good);
    const { data, report } = await loadData(dataDir, { list, relativeTo: root });
    expect(Object.keys(data).sort()).toEqual(["offers", "places"]);
    const loaded = data as unknown as Record<string, { file: string; rows: { line: number; record: unknown }[] }>;
    expect(loaded.offers!.rows).toEqual([
      { line: 2, record: { id: "a", place_id: "bodo", name: "Kurs" } },
      { line: 3, record: { id: "b", place_id: "mo", name: "Samtaler" } },
    ]);
    expect(loaded.offers!.file).toBe("data/offers.csv");
    expect(report).toEqual([
      { dataset: "places", file: "data/places.csv", rowsRead: 2, rowsValid: 2 },
      { dataset: "offers", file: "data/offers.csv", rowsRead: 2, rowsValid: 2 },
    ]);
  });

  it("reports every problem of every file at once, reading and validating and references alike", async () => {
    const { root, dataDir } = await project({ "places.csv": 'id\n"bodo\n', "offers.csv": "id,place_id,name\nA,bodo,Kurs\nb,narvik,Samtaler\n" });
    expect(await errorsOf(dataDir, root)).toEqual([
      'data/places.csv:2: has a quote (") that is never closed',
      'data/offers.csv:2:id: "A" is not valid; expected an id of lower-case letters a–z, digits and single hyphens',
    ]);
    const refs = await project({ "places.csv": "id\nbodo\n", "offers.csv": "id,place_id,name\nb,narvik,Samtaler\n" });
    expect(await errorsOf(refs.dataDir, refs.root)).toEqual(['data/offers.csv:2:place_id: "narvik" does not match any id in data/places.csv']);
  });

  it("names a missing file with the dataset it should hold", async () => {
    const { root, dataDir } = await project({ "places.csv": good["places.csv"] });
    expect(await errorsOf(dataDir, root)).toEqual(["data/offers.csv: file is missing; expected the dataset «Tilbud» here"]);
  });

  it("names a folder where a file should be, instead of a stack trace", async () => {
    const { root, dataDir } = await project({ "places.csv": good["places.csv"] });
    await mkdir(path.join(dataDir, "offers.csv"));
    expect(await errorsOf(dataDir, root)).toEqual(["data/offers.csv: cannot be read (EISDIR); expected a readable CSV file"]);
  });

  it("refuses a symbolic link to a file outside the data folder, and follows one inside it", async () => {
    const { root, dataDir } = await project({ "places.csv": good["places.csv"] });
    await writeFile(path.join(root, "outside.csv"), good["offers.csv"]);
    await symlink(path.join(root, "outside.csv"), path.join(dataDir, "offers.csv"));
    expect(await errorsOf(dataDir, root)).toEqual([
      "data/offers.csv: is a symbolic link to a file outside data/; expected the file itself (a link out could publish any file of the machine)",
    ]);
    const inside = await project({ "places.csv": good["places.csv"], "offers-2026.csv": good["offers.csv"] });
    await symlink(path.join(inside.dataDir, "offers-2026.csv"), path.join(inside.dataDir, "offers.csv"));
    expect(await errorsOf(inside.dataDir, inside.root)).toEqual([]);
  });
});

describe("loading the site's own data folder", () => {
  it("refuses a CSV file that is none of the site's datasets, which would be left out silently", async () => {
    const dataDir = await copyOfShippedData();
    try {
      await writeFile(path.join(dataDir, "tilbud-gammel.csv"), "id\na\n");
      await writeFile(path.join(dataDir, "notes.txt"), "not a CSV");
      const error = await loadData(dataDir, { relativeTo: path.dirname(dataDir) }).catch((e: unknown) => e);
      expect((error as Error).message).toBe(
        `data/tilbud-gammel.csv: is not one of the site's datasets; expected one of ${datasets.map((d) => d.file).join(", ")}, or the file moved out of data/`,
      );
    } finally {
      await removeDataCopy(dataDir);
    }
  });
});
