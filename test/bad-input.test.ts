import { cp, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DataError } from "../src/pipeline/dataError.ts";
import { loadData } from "../src/pipeline/loadData.ts";
import { applySetup, copyOfShippedData, projectRoot, removeDataCopy } from "./helpers.ts";

/**
 * Each folder in test/fixtures/bad/ replaces one or two files of the shipped data with a broken
 * version; expected.txt holds the exact messages the run must print, in order, and nothing else.
 * setup.txt may instead change the shipped files in place (see applySetup).
 */
const badDir = path.join(projectRoot, "test/fixtures/bad");
const cases = (await readdir(badDir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name);
const tempDirs: string[] = [];
afterAll(async () => Promise.all(tempDirs.map(removeDataCopy)));

/** Runs the read and validate stages on data/ with the case's files put in, as if they were in data/. */
async function errorsFor(caseName: string): Promise<string[]> {
  const dir = await copyOfShippedData();
  tempDirs.push(dir);
  for (const file of await readdir(path.join(badDir, caseName))) {
    if (file.endsWith(".csv")) await cp(path.join(badDir, caseName, file), path.join(dir, file));
  }
  await applySetup(dir, await readFile(path.join(badDir, caseName, "setup.txt"), "utf8").catch(() => ""));
  try {
    await loadData(dir, { relativeTo: path.dirname(dir) });
    return [];
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    return error.message.split("\n");
  }
}

describe("bad input is refused with file, line, column and what was expected", () => {
  it("has a fixture for every error kind of the read and validate stages", () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  for (const name of cases) {
    it(name, async () => {
      const expected = (await readFile(path.join(badDir, name, "expected.txt"), "utf8")).trimEnd().split("\n");
      expect(await errorsFor(name)).toEqual(expected);
    });
  }
});
