// The generate stage: MDX from untrusted text, one page per source, and the generated folder, on small data made here.
import { createHash } from "node:crypto";
import { access, mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { frontmatter, paragraphs, prop, text } from "../src/pipeline/generate/mdx.ts";
import { generateSourcePages } from "../src/pipeline/generate/sourcePages.ts";
import { writeGenerated } from "../src/pipeline/generate/writeGenerated.ts";
import { generatedHashes, hashListFile } from "../src/generatedHashes.ts";
import type { LoadedData } from "../src/pipeline/loadData.ts";
import { projectRoot, withFileCache } from "./helpers.ts";

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

describe("MDX from text in the data", () => {
  it("puts each value in as a JavaScript string, so MDX never reads markup, JSX or an expression in it", () => {
    expect(text('Tekst med {klammer}, <script> og "sitat"')).toBe('{"Tekst med {klammer}, <script> og \\"sitat\\""}');
    expect(prop("id", "snf-2008")).toBe('id={"snf-2008"}');
    expect(prop("n", 3)).toBe("n={3}");
  });

  it("makes one paragraph per block separated by a blank line, dropping empty ones", () => {
    expect(paragraphs("Første avsnitt\nsamme avsnitt\n\n  \n\nAndre avsnitt \n \n\n")).toBe(
      '<p>{"Første avsnitt\\nsamme avsnitt"}</p>\n\n<p>{"Andre avsnitt"}</p>',
    );
    expect(paragraphs("")).toBe("");
  });

  it("writes frontmatter as JSON values between the two lines of dashes", () => {
    expect(frontmatter({ title: 'A: "b"', n: 2, draft: false })).toBe('---\ntitle: "A: \\"b\\""\nn: 2\ndraft: false\n---\n');
  });
});

const source = {
  id: "snf-2008",
  title: "Evaluering av {Raskere} tilbake",
  short_title: "SNF 2008",
  method: "Metode ett.\n\nMetode to.",
  reference_basis: "Funnet i Cristin.",
  note: undefined as string | undefined,
};
const dataWith = (sources: (typeof source)[]) =>
  ({
    sources: { dataset: { name: "sources", file: "sources.csv" }, rows: sources.map((record, i) => ({ line: i + 2, record })) },
    places: { dataset: { name: "places", file: "places.csv" }, rows: [{ line: 2, record: { id: "bodo", latitude: 67.28 } }] },
  }) as unknown as LoadedData;

describe("a source's page", () => {
  it("has its title, what the study did, its findings, how we found it and its data, in that order", () => {
    const page = generateSourcePages(dataWith([source])).get("kilder/snf-2008.mdx")!;
    expect(page).toBe(
      [
        "---",
        'title: "Evaluering av {Raskere} tilbake"',
        'shortTitle: "SNF 2008"',
        'description: "Evaluering av {Raskere} tilbake: dokumentets opplysninger og hvilke tall på nettstedet som er hentet fra det."',
        'section: "kilder"',
        "---",
        "",
        '# {"Evaluering av {Raskere} tilbake"}',
        "",
        '<SourceFacts id={"snf-2008"} />',
        "",
        "## Om studien",
        "",
        '<p>{"Metode ett."}</p>\n\n<p>{"Metode to."}</p>',
        "",
        "## Hovedfunn",
        "",
        '<SourceFindings id={"snf-2008"} />',
        "",
        "## Slik har vi funnet referansen",
        "",
        '<p>{"Funnet i Cristin."}</p>',
        "",
        "## Data fra denne kilden",
        "",
        '<SourceData id={"snf-2008"} />',
        "",
      ].join("\n"),
    );
  });

  it("has a note section only when the source has a note", () => {
    const page = generateSourcePages(dataWith([{ ...source, note: "Kilden har en feil." }])).get("kilder/snf-2008.mdx")!;
    expect(page).toContain('## Slik har vi funnet referansen\n\n<p>{"Funnet i Cristin."}</p>\n\n## Merknad\n\n<p>{"Kilden har en feil."}</p>\n\n## Data fra denne kilden');
  });

  it("is made once per source, named by its id", () => {
    expect([...generateSourcePages(dataWith([source, { ...source, id: "nav-2019" }])).keys()]).toEqual(["kilder/snf-2008.mdx", "kilder/nav-2019.mdx"]);
  });
});

/** A data folder with these CSV files, and where the generated folder goes beside it. */
async function dataFolder(csv: Record<string, string>): Promise<{ dataDir: string; generated: string }> {
  const root = await mkdtemp(path.join(os.tmpdir(), "hoa-generate-"));
  dirs.push(root);
  const dataDir = path.join(root, "data");
  await mkdir(dataDir);
  for (const [file, text] of Object.entries(csv)) await writeFile(path.join(dataDir, file), text);
  return { dataDir, generated: path.join(root, "generated") };
}

describe("the generated folder", () => {
  it("is made anew: a JSON module per dataset, a page per source and each CSV byte for byte", async () => {
    const { dataDir, generated } = await dataFolder({ "sources.csv": "\uFEFFid,title\r\nsnf-2008,x\r\n", "places.csv": "id,latitude\nbodo,67.280\n" });
    await mkdir(path.join(generated, "pages"), { recursive: true });
    await writeFile(path.join(generated, "pages", "stale.mdx"), "from an earlier run");

    expect(await writeGenerated(dataWith([source]), generated, dataDir)).toEqual({ dataModules: 2, pages: 1 });
    const files = (await readdir(generated, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
    expect(files.map((e) => path.relative(generated, path.join(e.parentPath, e.name))).sort()).toEqual(
      ["csv/places.csv", "csv/sources.csv", "data/places.json", "data/sources.json", "hashes.json", "pages/kilder/snf-2008.mdx"].sort(),
    );
    expect(JSON.parse(await readFile(path.join(generated, "data", "places.json"), "utf8"))).toEqual([{ id: "bodo", latitude: 67.28 }]);
    expect(JSON.parse(await readFile(path.join(generated, "data", "sources.json"), "utf8"))).toEqual([source]);
    expect(await readFile(path.join(generated, "csv", "sources.csv"), "utf8")).toBe("\uFEFFid,title\r\nsnf-2008,x\r\n");
    expect(await readFile(path.join(generated, "pages", "kilder", "snf-2008.mdx"), "utf8")).toBe(generateSourcePages(dataWith([source])).get("kilder/snf-2008.mdx"));
  });
});

describe("the list of the generated files' hashes", () => {
  const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

  it("names every file written with the sha256 of its bytes, and is what the hashes of the folder are taken from", async () => {
    const { dataDir, generated } = await dataFolder({ "sources.csv": "id,title\nsnf-2008,x\n", "places.csv": "id\n" });
    await writeGenerated(dataWith([source]), generated, dataDir);
    const list = JSON.parse(await readFile(path.join(generated, hashListFile), "utf8")) as Record<string, { hash: string }>;
    const written = ["csv/places.csv", "csv/sources.csv", "data/places.json", "data/sources.json", "pages/kilder/snf-2008.mdx"];
    expect(Object.keys(list).sort()).toEqual(written);
    for (const file of written) expect(list[file]!.hash, file).toBe(sha256(await readFile(path.join(generated, file))));
    const hashOf = generatedHashes(generated);
    for (const file of written) expect(hashOf(file)).toBe(list[file]!.hash);
  });

  it("is trusted only for a file with the size and time it listed: an edited, an unlisted or an unlisted folder's file is read", async () => {
    const { dataDir, generated } = await dataFolder({ "sources.csv": "id,title\nsnf-2008,x\n", "places.csv": "id\n" });
    await writeGenerated(dataWith([source]), generated, dataDir);
    const listFile = path.join(generated, hashListFile);
    const list = JSON.parse(await readFile(listFile, "utf8")) as Record<string, { hash: string }>;
    // A listed hash that is not the file's: taken as listed while the file is as it was listed, so the file is not read.
    list["data/places.json"]!.hash = "listed";
    await writeFile(listFile, JSON.stringify(list));
    expect(generatedHashes(generated)("data/places.json")).toBe("listed");
    // Edited since (same size, later time; then another size): read and hashed.
    const places = path.join(generated, "data", "places.json");
    const bytes = await readFile(places);
    await writeFile(places, bytes);
    await utimes(places, new Date(), new Date(Date.now() + 5000));
    expect(generatedHashes(generated)("data/places.json")).toBe(sha256(bytes));
    await writeFile(places, "[]");
    expect(generatedHashes(generated)("data/places.json")).toBe(sha256(Buffer.from("[]")));
    // Another size than listed, at the listed time: read and hashed too.
    const sized = JSON.parse(await readFile(listFile, "utf8")) as Record<string, { hash: string; size: number; mtimeMs: number }>;
    await writeFile(places, "[ ]");
    sized["data/places.json"] = { hash: "listed", size: 2, mtimeMs: (await stat(places)).mtimeMs };
    await writeFile(listFile, JSON.stringify(sized));
    expect(generatedHashes(generated)("data/places.json")).toBe(sha256(Buffer.from("[ ]")));
    sized["data/places.json"]!.size = 3;
    await writeFile(listFile, JSON.stringify(sized));
    expect(generatedHashes(generated)("data/places.json")).toBe("listed");
    await writeFile(path.join(generated, "data", "archive.json"), "{}");
    expect(generatedHashes(generated)("data/archive.json")).toBe(sha256(Buffer.from("{}")));
    await rm(listFile);
    expect(generatedHashes(generated)("csv/sources.csv")).toBe(sha256(Buffer.from("id,title\nsnf-2008,x\n")));
  });
});

describe("a dataset's JSON module", () => {
  it("is taken from the file cache while its CSV file is byte for byte the same, and made anew when the file changes", async () => {
    await withFileCache(async () => {
      const { dataDir, generated } = await dataFolder({ "sources.csv": "id,title\nsnf-2008,x\n", "places.csv": "id\n" });
      const module = async () => JSON.parse(await readFile(path.join(generated, "data", "sources.json"), "utf8")) as unknown;
      await writeGenerated(dataWith([source]), generated, dataDir);
      expect(await module()).toEqual([source]);
      // Other records for the same file (which reading it never gives): the module still is the one the file made.
      const renamed = { ...source, title: "Et annet navn" };
      await writeGenerated(dataWith([renamed]), generated, dataDir);
      expect(await module()).toEqual([source]);
      await writeFile(path.join(dataDir, "sources.csv"), "id,title\nsnf-2008,y\n");
      await writeGenerated(dataWith([renamed]), generated, dataDir);
      expect(await module()).toEqual([renamed]);
    });
  });
});

describe("the code a data module is made by", () => {
  it("is every file of the model, the reading and checking of a CSV file and the generate stage, in a fixed order", async () => {
    const { dataModuleCode } = await import("../src/pipeline/generate/writeGenerated.ts");
    const rel = dataModuleCode.files.map((f) => path.relative(projectRoot, f).split(path.sep).join("/"));
    const model = (await readdir(path.join(projectRoot, "src", "model"), { recursive: true })).filter((f) => f.endsWith(".ts"));
    expect(model.length).toBeGreaterThan(18);
    for (const f of model) expect(rel).toContain(`src/model/${f.split(path.sep).join("/")}`);
    for (const f of ["read/readCsv.ts", "validate/validate.ts", "loadData.ts", "generate/writeGenerated.ts"]) expect(rel).toContain(`src/pipeline/${f}`);
    const modelPart = rel.filter((f) => f.startsWith("src/model/"));
    expect(modelPart).toEqual([...modelPart].sort());
    for (const f of dataModuleCode.files) await access(f);
    expect(dataModuleCode.packages).toEqual(expect.arrayContaining(["d3-dsv"]));
  });
});

describe("the first record of a CSV text", () => {
  it("ends at the first line break outside a quoted field, whatever the quoted fields hold", async () => {
    const { firstRecordEnd } = await import("../src/generatedFiles.ts");
    expect(firstRecordEnd("id,name\n1,a\n")).toBe(7);
    expect(firstRecordEnd("id,name\r\n1,a")).toBe(7);
    expect(firstRecordEnd('"id","na\nme, ""x""\r"\n1')).toBe(20);
    expect(firstRecordEnd('id,"a""\n"\nb')).toBe(9);
    expect(firstRecordEnd('"a\nb",c\nd')).toBe(7);
    // A quote inside an unquoted field is a character of it (d3-dsv reads it so).
    expect(firstRecordEnd('i"d,name\n1')).toBe(8);
    expect(firstRecordEnd("id,name")).toBeUndefined();
    expect(firstRecordEnd('id,"name\n')).toBeUndefined();
    expect(firstRecordEnd("")).toBeUndefined();
  });
});

describe("reading the generated folder", () => {
  it("reads a file the generate stage wrote, and names the remedy when it is missing", async () => {
    const { generatedDir, generatedFile } = await import("../src/generatedFiles.ts");
    expect(generatedDir).toBe(path.join(process.cwd(), "src", "generated"));
    // (Written by the last build, from data/ or from the bench's data: the header is the same.)
    expect(generatedFile("csv/sources.csv", "missing")).toMatch(/^id,/);
    expect(() => generatedFile("data/no-such-dataset.json", "No records of no-such-dataset; run the build")).toThrow("No records of no-such-dataset; run the build");
  });

  it("reads a CSV file's header from the file's start, as the whole file's first record", async () => {
    const { csvHeaderTextOf, csvTextOf } = await import("../src/generatedFiles.ts");
    const { datasets } = await import("../src/model/datasets.ts");
    for (const d of datasets) expect(csvHeaderTextOf(d), d.file).toBe(csvTextOf(d).split(/\r?\n/)[0]);
    // A header longer than the chunk read from the file's start: the whole file is read for it.
    for (const d of datasets) expect(csvHeaderTextOf(d, 8), d.file).toBe(csvTextOf(d).split(/\r?\n/)[0]);
    expect(() => csvHeaderTextOf({ ...datasets[0]!, file: "no-such-file.csv" })).toThrow("No copy of no-such-file.csv in src/generated/csv");
  });
});
