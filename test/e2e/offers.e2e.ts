import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadData } from "../../src/pipeline/loadData.ts";
import { useSiteInBrowser } from "./browser.ts";

const site = useSiteInBrowser();
const { data } = await loadData(path.resolve(import.meta.dirname, "../../data"));
const offers = data.offers.rows.map((r) => r.record);


const visibleOfferLinks = (page: import("playwright-core").Page) =>
  page.$$eval("li.offer:not([hidden]) a", (links) => links.map((a) => a.getAttribute("href")).sort());

describe("filtering the offer directory", () => {
  it("filters by region and target group, keeps the filter in the URL and across a reload", async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}/tilbud/`);
    await page.selectOption("select[name=region]", "helse-vest");
    await page.selectOption("select[name=malgruppe]", "psykisk-helse");
    await page.waitForURL(/\?region=helse-vest&malgruppe=psykisk-helse$/);
    const expected = offers
      .filter((o) => o.region === "Helse Vest" && o.target_groups.includes("psykisk-helse"))
      .map((o) => `/tilbud/${o.id}/`)
      .sort();
    expect(expected.length).toBeGreaterThan(1);
    expect(await visibleOfferLinks(page)).toEqual(expected);
    expect(await page.textContent("#tilbudsfilter-status")).toBe(`Viser ${expected.length} av ${offers.length} tilbud.`);

    await page.reload();
    expect(await page.inputValue("select[name=region]")).toBe("helse-vest");
    expect(await visibleOfferLinks(page)).toEqual(expected);
    await page.close();
  });

  it("filters by form, by private providers and by free text on place", async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}/tilbud/?form=gruppe&eier=privat`);
    const providers = new Map(data.providers.rows.map((r) => [r.record.id, r.record]));
    const expected = offers
      .filter((o) => o.forms?.includes("gruppe") && providers.get(o.provider_id)!.ownership === "privat")
      .map((o) => `/tilbud/${o.id}/`)
      .sort();
    expect(await visibleOfferLinks(page)).toEqual(expected);

    await page.goto(`${site.url}/tilbud/`);
    await page.fill("#tilbudsfilter input[name=q]", "Bodø");
    await page.waitForURL(/q=Bod%C3%B8/);
    const places = new Map(data.places.rows.map((r) => [r.record.id, r.record.name]));
    const inBodo = offers
      .filter((o) => (o.place_ids ?? []).some((p) => places.get(p) === "Bodø") || /bodø/i.test(o.provider_as_printed ?? ""))
      .map((o) => `/tilbud/${o.id}/`)
      .sort();
    expect(await visibleOfferLinks(page)).toEqual(inBodo);
    await page.close();
  });

  it("lists every offer when JavaScript is off, with no filter form in the way", async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}/tilbud/?region=helse-vest`);
    expect(await page.isVisible("#tilbudsfilter")).toBe(false);
    expect((await visibleOfferLinks(page)).length).toBe(offers.length);
    await context.close();
  });
});
