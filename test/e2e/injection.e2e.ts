import { spawnSync } from "node:child_process";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { csvFormatRows, csvParseRows } from "d3-dsv";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { datasets } from "../../src/model/datasets.ts";
import { cacheBeside, copyOfShippedData, projectRoot, regenerateFromShippedData, removeDataCopy } from "../helpers.ts";
import { launchBrowser } from "./browser.ts";
import { serveStatic } from "./staticServer.ts";

/** Valid text that would run or break out if a page did not escape it. */
const payload = `<script>alert(1)</script>{alert(2)}<img src=x onerror=alert(3)>\`\${alert(4)}\`</textarea><!--`;

/** The same for short text such as names and labels, which reach chart titles and the figure SVG files. */
const shortPayload = `& (<50 km)<script>alert(5)</script><svg onload=alert(6)>`;

let dataDir: string;
let outDir: string;
let browser: Browser;
let server: Awaited<ReturnType<typeof serveStatic>>;
/** Every free-text cell that got the payload: dataset, id of the row, and the new text. */
const planted: { dataset: string; id: string; text: string }[] = [];

beforeAll(async () => {
  dataDir = await copyOfShippedData();
  // The payload goes at the end of every free-text column of the first row of every dataset.
  for (const dataset of datasets) {
    const file = path.join(dataDir, dataset.file);
    const rows = csvParseRows(await readFile(file, "utf8"));
    const header = rows[0]!;
    for (const [name, column] of Object.entries(dataset.columns)) {
      const max = column.field.constraints?.maxLength ?? Infinity;
      if (!column.prose) continue;
      const row = rows[1]!;
      const i = header.indexOf(name);
      const planting = max >= 200 ? payload : shortPayload;
      if ((row[i] ?? "").length + planting.length + 1 > max) continue;
      row[i] = `${row[i] ?? ""} ${planting}`.trim();
      planted.push({ dataset: dataset.name, id: row[header.indexOf(dataset.key)]!, text: row[i]! });
    }
    await writeFile(file, csvFormatRows(rows) + "\n");
  }
  outDir = path.join(path.dirname(dataDir), "dist");
  const result = spawnSync(process.execPath, ["scripts/build.ts", "--data", dataDir, "--out", outDir], { cwd: projectRoot, encoding: "utf8", env: { ...process.env, ...cacheBeside(dataDir) } });
  if (result.status !== 0) throw new Error(`hostile build failed:\n${result.stdout}\n${result.stderr}`);
  server = await serveStatic(outDir);
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await removeDataCopy(dataDir);
  regenerateFromShippedData();
});

/** Pages that show the first row of each dataset. */
const pages = [
  "/kilder/snf-2008-implementering/",
  "/statistikk/bevilgninger/",
  "/tilbud/",
  "/tilbud/slik-henviser-du/",
  "/tilbud/diakonhjemmet-angst-depresjon/",
  "/kunnskap/delphi-studien/",
  "/kunnskap/studier/lancman-2021/",
  "/kunnskap/funn/",
  "/kunnskap/oversikter/psykiske-lidelser/",
];

describe("text from CSV in the built pages", () => {
  it("plants the payload in every free-text column", () => {
    expect(new Set(planted.map((p) => p.dataset)).size).toBeGreaterThanOrEqual(10);
  });

  it("shows the payload as text and runs nothing: no alert, no request to another host", async () => {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      (window as unknown as { alerts: number }).alerts = 0;
      window.alert = () => {
        (window as unknown as { alerts: number }).alerts++;
      };
    });
    const foreign: string[] = [];
    context.on("request", (r) => {
      if (!r.url().startsWith(server.url) && !r.url().startsWith("data:")) foreign.push(r.url());
    });
    const page = await context.newPage();
    let shown = 0;
    for (const urlPath of pages) {
      await page.goto(server.url + urlPath, { waitUntil: "networkidle" });
      expect(await page.evaluate(() => (window as unknown as { alerts: number }).alerts), urlPath).toBe(0);
      const text = await page.locator("main").innerText();
      if (text.includes(payload)) shown++;
      expect(await page.locator("main img[src=x], main script:not([type])").count(), urlPath).toBe(0);
    }
    expect(foreign).toEqual([]);
    // The payload is shown literally, character for character, on most of these pages.
    expect(shown).toBeGreaterThanOrEqual(pages.length - 2);
    await context.close();
  });
});

describe("figure files of the hostile build", () => {
  it("open in Chromium as pictures: no dialog from any SVG, though names with markup reach them", async () => {
    const svgs = (await readdir(path.join(outDir, "figurer"))).filter((f) => f.endsWith(".svg"));
    expect(svgs.length).toBeGreaterThanOrEqual(20);
    let withPlantedName = 0;
    for (const svg of svgs) if ((await readFile(path.join(outDir, "figurer", svg), "utf8")).includes("alert(5)")) withPlantedName++;
    expect(withPlantedName, "SVG files that carry a planted name").toBeGreaterThanOrEqual(1);

    const context = await browser.newContext();
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(`${page.url()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    for (const svg of svgs) {
      const response = await page.goto(`${server.url}/figurer/${svg}`, { waitUntil: "load" });
      expect(response?.status(), svg).toBe(200);
      expect(await page.evaluate(() => document.documentElement.localName), svg).toBe("svg");
    }
    expect(dialogs).toEqual([]);
    await context.close();
  });
});
