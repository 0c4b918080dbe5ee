import { spawnSync } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { csvFormatRows, csvParseRows } from "d3-dsv";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { datasets } from "../../src/pipeline/schema/datasets.ts";
import { copyOfShippedData, projectRoot, regenerateFromShippedData, removeDataCopy } from "../helpers.ts";
import { launchBrowser } from "./browser.ts";
import { serveStatic } from "./staticServer.ts";

/** Valid text that would run or break out if a page did not escape it. */
const payload = `<script>alert(1)</script>{alert(2)}<img src=x onerror=alert(3)>\`\${alert(4)}\`</textarea><!--`;

let dataDir: string;
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
      const max = column.field.constraints?.maxLength;
      if (!column.prose || (max !== undefined && max < 200)) continue;
      const row = rows[1]!;
      const i = header.indexOf(name);
      row[i] = `${row[i] ?? ""} ${payload}`.trim();
      planted.push({ dataset: dataset.name, id: row[header.indexOf(dataset.key)]!, text: row[i]! });
    }
    await writeFile(file, csvFormatRows(rows) + "\n");
  }
  const outDir = path.join(path.dirname(dataDir), "dist");
  const result = spawnSync(process.execPath, ["scripts/build.ts", "--data", dataDir, "--out", outDir], { cwd: projectRoot, encoding: "utf8" });
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
