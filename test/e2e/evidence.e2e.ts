import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadData } from "../../src/pipeline/loadData.ts";
import { useSiteInBrowser } from "./browser.ts";

const site = useSiteInBrowser();
const { data } = await loadData(path.resolve(import.meta.dirname, "../../data"));
const works = data.literature.rows.map((r) => r.record);

const visibleWorks = (page: import("playwright-core").Page) =>
  page.$$eval("li.work:not([hidden]) h3 a", (links) => links.map((a) => a.getAttribute("href")).sort());

describe("filtering the list of reviews and studies", () => {
  it("filters by group and year, keeps the filter in the URL and across a reload", async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}/kunnskap/studier/`);
    await page.selectOption("select[name=gruppe]", "kreft");
    await page.selectOption("select[name=ar]", "2021");
    await page.waitForURL(/\?gruppe=kreft&ar=2021$/);
    const expected = works.filter((w) => w.groups?.includes("kreft") && w.year === 2021).map((w) => `/kunnskap/studier/${w.id}/`).sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(await visibleWorks(page)).toEqual(expected);
    expect(await page.textContent("#studiefilter-status")).toBe(`Viser ${expected.length} av ${works.length} arbeider.`);
    // Sections without a match are hidden, so no empty heading is left.
    expect(await page.isVisible("#type-nettressurs")).toBe(false);
    await page.reload();
    expect(await visibleWorks(page)).toEqual(expected);
    await page.close();
  });

  it("filters by type and by free text", async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}/kunnskap/studier/?type=doktorgrad`);
    expect(await visibleWorks(page)).toEqual(works.filter((w) => w.kind === "doktorgrad").map((w) => `/kunnskap/studier/${w.id}/`).sort());
    await page.goto(`${site.url}/kunnskap/studier/`);
    await page.fill("#studiefilter input[name=q]", "joosen");
    await page.waitForURL(/q=joosen/);
    expect(await visibleWorks(page)).toEqual(["/kunnskap/studier/joosen-2015/"]);
    await page.close();
  });

  it("shows every work and no filter form without JavaScript", async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}/kunnskap/studier/?gruppe=kreft`);
    expect(await page.isVisible("#studiefilter")).toBe(false);
    expect((await visibleWorks(page)).length).toBe(works.length);
    await context.close();
  });
});
