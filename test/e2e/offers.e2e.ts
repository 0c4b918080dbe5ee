import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadData } from "../../src/pipeline/loadData.ts";
import { useSiteInBrowser } from "./browser.ts";

const site = useSiteInBrowser();
const { data } = await loadData(path.resolve(import.meta.dirname, "../../data"));
const offers = data.offers.rows.map((r) => r.record);
const placeCounty = new Map(data.places.rows.map((r) => [r.record.id, r.record.county]));


const visibleOfferLinks = (page: import("playwright-core").Page) =>
  page.$$eval("li.offer:not([hidden]) a", (links) => links.map((a) => a.getAttribute("href")).sort());

describe("a GP's task on a phone", () => {
  /** Clicks a link by its text and waits for the page it leads to; one step of the task. */
  async function step(page: import("playwright-core").Page, name: string | RegExp, within = "main") {
    await Promise.all([page.waitForLoadState("load"), page.locator(within).getByRole("link", { name, exact: typeof name === "string" }).first().click()]);
  }

  it("home → Helse Vest → anxiety → the offer → the referral checklist, in four steps at 375 px", async () => {
    const context = await site.browser.newContext({ viewport: { width: 375, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${site.url}/`);
    await step(page, "Helse Vest");
    expect(new URL(page.url()).pathname).toBe("/tilbud/region/helse-vest/");
    await step(page, "Psykiske plager (angst, depresjon)");
    const offer = page.locator("#gruppe-psykisk-helse ~ ul li.offer a").first();
    const name = await offer.textContent();
    await Promise.all([page.waitForURL(/\/tilbud\/[a-z0-9-]+\/$/), offer.click()]);
    expect(await page.locator("h1").textContent()).toBe(name);
    await step(page, "Henvis hit");
    const heading = await page.locator("#henvis-hit").boundingBox();
    expect(heading!.y).toBeGreaterThan(-1);
    expect(heading!.y).toBeLessThan(740);
    expect(await page.locator("#henvis-hit + ul.checklist li, #henvis-hit + p").count()).toBeGreaterThan(0);
    await context.close();
  });

  it("finds UNN's offer via «Tromsø» and its checklist, in four steps at 375 px", async () => {
    const context = await site.browser.newContext({ viewport: { width: 375, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${site.url}/`);
    await step(page, "Tilbudene på kart");
    await step(page, "Tromsø");
    expect(await visibleOfferLinks(page)).toContain("/tilbud/unn-helseiarbeid/");
    await Promise.all([page.waitForURL("**/tilbud/unn-helseiarbeid/"), page.locator('li.offer:not([hidden]) a[href="/tilbud/unn-helseiarbeid/"]').click()]);
    await step(page, "Henvis hit");
    expect(await page.locator("#henvis-hit + ul.checklist li").count()).toBeGreaterThan(0);
    await context.close();
  });
});

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

  it("filters by county and by place, as the places in data/ say", async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}/tilbud/?fylke=troms`);
    const inTroms = offers.filter((o) => (o.place_ids ?? []).some((id) => placeCounty.get(id) === "Troms")).map((o) => `/tilbud/${o.id}/`).sort();
    expect(inTroms).toContain("/tilbud/unn-helseiarbeid/");
    expect(await visibleOfferLinks(page)).toEqual(inTroms);
    await page.selectOption("select[name=fylke]", "");
    await page.selectOption("select[name=sted]", "harstad");
    await page.waitForURL(/\?sted=harstad$/);
    expect(await visibleOfferLinks(page)).toEqual(offers.filter((o) => o.place_ids?.includes("harstad")).map((o) => `/tilbud/${o.id}/`).sort());
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
