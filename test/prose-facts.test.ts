// No fact in hand-written prose (issue #19): one build from a copy of data/ changed so that every number the pages
// used to write by hand is now different. Each page must say what the changed CSV files say, counted here with d3-dsv,
// not with the code under test. Also: each link on the figure list reaches the page that shows that figure.
import { spawnSync } from "node:child_process";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { csvFormat, csvParse, type DSVRowArray } from "d3-dsv";
import { parseHTML } from "linkedom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cacheBeside, copyOfShippedData, projectRoot, regenerateFromShippedData, removeDataCopy } from "./helpers.ts";

let dataDir: string;
let outDir: string;

/** Norwegian number words as the pages should write small counts; written out here, not imported. */
const words = ["null", "ett", "to", "tre", "fire", "fem", "seks", "sju", "åtte", "ni", "ti", "elleve", "tolv"];
const squash = (s: string | null | undefined) => (s ?? "").replace(/\s+/g, " ").trim();

async function readCsv(file: string): Promise<DSVRowArray<string>> {
  return csvParse(await readFile(path.join(dataDir, file), "utf8"));
}

async function changeCsv(file: string, change: (rows: DSVRowArray<string>) => Record<string, string | undefined>[]): Promise<void> {
  const rows = await readCsv(file);
  await writeFile(path.join(dataDir, file), csvFormat(change(rows), rows.columns));
}

async function page(href: string): Promise<Document> {
  const file = path.join(outDir, href.replace(/^\//, ""), href.endsWith("/") ? "index.html" : "");
  return parseHTML(await readFile(file, "utf8")).document as unknown as Document;
}

beforeAll(async () => {
  dataDir = await copyOfShippedData();
  outDir = path.join(path.dirname(dataDir), "dist");
  // One research document becomes a web page: the footer and /om/ must count one document fewer.
  await changeCsv("sources.csv", (rows) =>
    rows.map((r) => (r.id === "nmbu-2016-masteroppgave" ? { ...r, kind: "nettside", url: "https://www.nmbu.no/", retrieved: "2026-01-02" } : r)),
  );
  // Delphi: a problem and a change fewer, another expert count, and the smallest category as large as the largest (a tie).
  await changeCsv("delphi_items.csv", (rows) => {
    const dropped = [rows.findIndex((r) => r.kind === "problem"), rows.findIndex((r) => r.kind === "endring")];
    return rows.filter((_, i) => !dropped.includes(i));
  });
  await changeCsv("delphi_categories.csv", (rows) => {
    const max = Math.max(...rows.map((r) => Number(r.meaning_units)));
    const smallest = [...rows].sort((a, b) => Number(a.meaning_units) - Number(b.meaning_units))[0]!;
    const interview = String(max - Number(smallest.written_units));
    return rows.map((r) => (r === smallest ? { ...r, interview_units: interview, meaning_units: String(max) } : r));
  });
  await changeCsv("key_figures.csv", (rows) => rows.map((r) => (r.id === "delphi-eksperter" ? { ...r, value: "31" } : r)));
  // Literature: reviews from 2017–2019 moved to 2016, so fewer than half are from 2017 or later.
  await changeCsv("literature.csv", (rows) => rows.map((r) => (r.groups && Number(r.year) >= 2017 && Number(r.year) <= 2019 ? { ...r, year: "2016" } : r)));
  // Helse Nord: more GP agreements than referring GPs everywhere, so the list of trusts with more GPs is empty.
  await changeCsv("statistics.csv", (rows) =>
    rows.map((r) => (r.table_id === "avsnitt-4-9-5" && r.row_order === "2" ? { ...r, value: "500", value_as_printed: "500" } : r)),
  );

  const env = { ...process.env, ...cacheBeside(dataDir) };
  const result = spawnSync(process.execPath, ["scripts/build.ts", "--data", dataDir, "--out", outDir], { cwd: projectRoot, encoding: "utf8", env });
  if (result.status !== 0) throw new Error(`build failed:\n${result.stdout}\n${result.stderr}`);
});

afterAll(async () => {
  await removeDataCopy(dataDir);
  regenerateFromShippedData();
});

describe("counts in page text follow the data", () => {
  it("the Delphi page: experts, problems, changes, meaning units and the largest categories (a tie)", async () => {
    const items = await readCsv("delphi_items.csv");
    const categories = await readCsv("delphi_categories.csv");
    const experts = (await readCsv("key_figures.csv")).find((f) => f.id === "delphi-eksperter")!.value!;
    const problems = items.filter((i) => i.kind === "problem").length;
    const changes = items.filter((i) => i.kind === "endring").length;
    const units = categories.reduce((s, c) => s + Number(c.meaning_units), 0);
    const max = Math.max(...categories.map((c) => Number(c.meaning_units)));
    const largest = categories.filter((c) => Number(c.meaning_units) === max).map((c) => `«${c.name}»`);
    expect(largest).toHaveLength(2);

    const doc = await page("/kunnskap/delphi-studien/");
    const description = doc.querySelector('meta[name="description"]')!.getAttribute("content")!;
    expect(description).toBe(`${experts} eksperter på tilbakeføring til arbeid pekte på ${problems} utfordringer og ${changes} endringsforslag i tilbudene til sykmeldte.`);
    const points = [...doc.querySelectorAll("main ul li")].map((li) => squash(li.textContent));
    expect(points).toContain(`${problems} utfordringer og ${changes} endringsforslag, kondensert fra ${units} utsagn (meningsenheter) fra ${experts} eksperter.`);
    expect(points).toContain(`Flest utsagn gjaldt kategoriene ${largest.join(" og ")} (${max} hver av ${units}).`);
    const figure = doc.querySelector("figure#delphi-meningsenheter")!;
    expect(squash(figure.querySelector(".takeaway")?.textContent)).toBe(`${largest.join(" og ")} var de største kategoriene, med ${max} av ${units} meningsenheter hver.`);
    expect(squash(figure.querySelector(".caveats")?.textContent)).toContain(`${experts} eksperter deltok`);
    expect(squash(doc.querySelector("main")?.textContent)).not.toMatch(/\b(32 eksperter|23 utfordringer|34 endrings)/);
  });

  it("the footer and /om/ count the sources of kind dokument in words", async () => {
    const documents = (await readCsv("sources.csv")).filter((s) => s.kind === "dokument").length;
    const phrase = `${words[documents]} forskningsdokument${documents === 1 ? "" : "er"}`;
    expect(phrase).not.toBe("fem forskningsdokumenter");
    for (const href of ["/", "/om/", "/kunnskap/delphi-studien/"]) {
      expect(squash((await page(href)).querySelector("footer")?.textContent), href).toContain(`Alle tall er hentet fra ${phrase}.`);
    }
    expect(squash((await page("/om/")).querySelector("main")?.textContent)).toContain(`Alt innhold bygger på ${phrase}, listet under Kilder.`);
  });

  it("the literature chart says the share from 2017 on, and «de fleste» only for more than half", async () => {
    const reviews = (await readCsv("literature.csv")).filter((r) => r.groups);
    const recent = reviews.filter((r) => Number(r.year) >= 2017).length;
    expect(recent * 2).toBeLessThan(reviews.length);
    const takeaway = squash((await page("/kunnskap/")).querySelector("figure#oversikter-etter-gruppe-og-ar .takeaway")?.textContent);
    expect(takeaway).toContain(`og ${recent} av ${reviews.length} er publisert fra 2017 og senere.`);
    expect(takeaway).not.toMatch(/de fleste/);
  });

  it("the Helse Nord chart reads right when no trust has more referring GPs than GP agreements", async () => {
    const takeaway = squash((await page("/statistikk/aktivitet/")).querySelector("figure#fastleger-som-henviser-helse-nord .takeaway")?.textContent);
    expect(takeaway).toBe("Ved ingen av helseforetakene har flere ulike fastleger henvist enn det finnes fastlegeavtaler.");
  });
});

describe("the figure list", () => {
  it("links every chart to the page that shows it", async () => {
    const shownOn = new Map<string, string[]>();
    const files = (await readdir(outDir, { recursive: true })).filter((f) => f.endsWith(".html") && !f.startsWith("arkiv/"));
    for (const file of files) {
      const html = await readFile(path.join(outDir, file), "utf8");
      for (const [, id] of html.matchAll(/<figure class="chart" id="([^"]+)"/g)) {
        shownOn.set(id!, [...(shownOn.get(id!) ?? []), `/${file.replace(/index\.html$/, "")}`]);
      }
    }
    const links = [...(await page("/statistikk/figurer/")).querySelectorAll(".figure-grid li p a")].map((a) => a.getAttribute("href")!);
    expect(links.length).toBe(shownOn.size);
    for (const href of links) {
      const [pagePath, id] = href.split("#");
      expect(shownOn.get(id!), href).toEqual([pagePath]);
    }
  });
});
