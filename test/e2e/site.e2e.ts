import { mkdir } from "node:fs/promises";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useSiteInBrowser } from "./browser.ts";
import { builtPages, screenshotDir } from "./helpers.ts";
import { keyPages, templateOf, templatePages } from "./pages.ts";

const site = useSiteInBrowser();
const pagesToCheck = [...new Set([...Object.values(templatePages), ...keyPages])];


/** Opens a page and collects console errors and uncaught exceptions while it loads. */
async function open(urlPath: string, options: { javaScriptEnabled?: boolean; width?: number } = {}) {
  const context = await site.browser.newContext({
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: { width: options.width ?? 1280, height: 900 },
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (m) => m.type() === "error" && errors.push(`${m.text()} (${m.location().url})`));
  page.on("pageerror", (e) => errors.push(e.message));
  const response = await page.goto(site.url + urlPath, { waitUntil: "networkidle" });
  return { page, errors, status: response?.status(), close: () => context.close() };
}

describe("the page list", () => {
  it("covers every template in dist/", async () => {
    const covered = new Set(Object.keys(templatePages));
    const missing = (await builtPages()).filter((p) => !covered.has(templateOf(p)));
    expect(missing, "pages whose template has no page in test/e2e/pages.ts").toEqual([]);
    for (const [template, urlPath] of Object.entries(templatePages)) {
      if (template !== "not found") expect(templateOf(urlPath)).toBe(template);
    }
  });
});

describe.each(pagesToCheck)("%s", (urlPath) => {
  const notFound = urlPath === templatePages["not found"];

  it("loads without console errors", async () => {
    const { errors, status, close } = await open(urlPath);
    await close();
    expect(status).toBe(notFound ? 404 : 200);
    // The 404 page's own status shows as a console error; nothing else may.
    expect(errors.filter((e) => !(notFound && e.includes("404")))).toEqual([]);
  });

  it("has no axe violations (WCAG 2.1 A and AA)", async () => {
    for (const scheme of ["light", "dark"] as const) {
      const { page, close } = await open(urlPath);
      await page.emulateMedia({ colorScheme: scheme });
      // Open every <details>, so tables inside are checked too.
      await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      await close();
      const summary = results.violations.map((v) => `${scheme}: ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      expect(summary).toEqual([]);
    }
  });

  it("is readable without JavaScript", async () => {
    const { page, close } = await open(urlPath, { javaScriptEnabled: false });
    const h1 = await page.locator("main h1").first().textContent();
    const text = (await page.locator("main").textContent()) ?? "";
    await close();
    expect(h1?.trim().length).toBeGreaterThan(2);
    expect(text.replace(/\s+/g, " ").trim().length).toBeGreaterThan(80);
  });

  it("can be used with the keyboard alone, with visible focus", async () => {
    const { page, close } = await open(urlPath);
    const reachable = await tabThrough(page);
    const interactive = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>("a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex='-1'])")]
        // checkVisibility also leaves out what a closed <details> hides.
        .filter((el) => el.checkVisibility({ visibilityProperty: true }) && !el.closest("[inert]"))
        .map((el) => el.outerHTML.slice(0, 80)),
    );
    const withoutFocusStyle = reachable.filter((r) => !r.visibleFocus).map((r) => r.html);
    await close();
    expect(interactive.filter((html) => !reachable.some((r) => r.html === html))).toEqual([]);
    expect(withoutFocusStyle).toEqual([]);
  });
});

/** Presses Tab until focus comes round again; records each element and whether its focus shows. */
async function tabThrough(page: Page) {
  const seen: { html: string; visibleFocus: boolean }[] = [];
  for (let i = 0; i < 400; i++) {
    await page.keyboard.press("Tab");
    const state = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const visibleFocus = (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== "none";
      return { html: el.outerHTML.slice(0, 80), visibleFocus };
    });
    if (!state) continue;
    if (seen.length && state.html === seen[0]!.html) break;
    seen.push(state);
  }
  return seen;
}

describe("keyboard operation", () => {
  it("the skip link moves focus to the main content", async () => {
    const { page, close } = await open("/statistikk/bevilgninger/");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Hopp til innholdet");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("innhold");
    await close();
  });

  it("Enter follows a navigation link, and Space and Enter open and close a data table", async () => {
    const { page, close } = await open("/statistikk/bevilgninger/");
    const summary = page.locator("figure.chart summary").first();
    await summary.focus();
    await page.keyboard.press("Space");
    expect(await page.locator("figure.chart details").first().getAttribute("open")).not.toBeNull();
    await page.keyboard.press("Enter");
    expect(await page.locator("figure.chart details").first().getAttribute("open")).toBeNull();
    await page.locator("nav a", { hasText: "Kilder" }).focus();
    await Promise.all([page.waitForURL("**/kilder/"), page.keyboard.press("Enter")]);
    await close();
  });

  it("the header search takes a query with Enter", async () => {
    const { page, close } = await open("/");
    await page.locator("#header-search-q").focus();
    await page.keyboard.type("bevilgninger");
    await Promise.all([page.waitForURL("**/sok/?q=bevilgninger"), page.keyboard.press("Enter")]);
    await page.waitForSelector("#sok-treff h2 a", { timeout: 15_000 });
    const first = await page.locator("#sok-treff h2 a").first().getAttribute("href");
    expect(first).toBe("/statistikk/bevilgninger/");
    await close();
  });
});

describe("stable addresses and frozen copies", () => {
  it("sends a reader at a moved address on to the page, with or without JavaScript", async () => {
    for (const javaScriptEnabled of [true, false]) {
      const { page, close } = await open("/tilgjengelighetserklaering/", { javaScriptEnabled });
      await page.waitForURL("**/om/tilgjengelighet/");
      expect(await page.locator("main h1").textContent()).toMatch(/Tilgjengelighet/i);
      await close();
    }
  });

  it("links a page to its frozen copy in the release archive, which shows the same content", async () => {
    const { page, close } = await open("/statistikk/bevilgninger/");
    const h1 = await page.locator("main h1").textContent();
    const firstRow = await page.locator("figure.chart details table tbody tr").first().textContent();
    await page.locator("details.cite summary").click();
    await Promise.all([page.waitForURL("**/arkiv/*/statistikk/bevilgninger/"), page.locator("details.cite a", { hasText: "/arkiv/" }).click()]);
    expect(await page.locator(".archive-notice").textContent()).toMatch(/Arkivert kopi: siden slik den var i datautgave \d{4}\.\d+\.\d+/);
    expect(await page.locator("main h1").textContent()).toBe(h1);
    expect(await page.locator("figure.chart details table tbody tr").first().textContent()).toBe(firstRow);
    await Promise.all([page.waitForURL("**/statistikk/bevilgninger/"), page.locator(".archive-notice a", { hasText: "Se siden slik den er nå" }).click()]);
    expect(new URL(page.url()).pathname).toBe("/statistikk/bevilgninger/");
    await close();
  });
});

describe("reflow (WCAG 1.4.10)", () => {
  it("no page of any template scrolls sideways at 320 px", async () => {
    const wide: string[] = [];
    for (const urlPath of pagesToCheck) {
      const { page, close } = await open(urlPath, { width: 320 });
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 320) wide.push(`${urlPath}: ${width} px`);
      await close();
    }
    expect(wide).toEqual([]);
  });

  it("keeps chart text at least 11 px on a 375 px screen", async () => {
    const small: string[] = [];
    for (const urlPath of ["/statistikk/bevilgninger/", "/statistikk/aktivitet/", "/statistikk/undersokelser/", "/kunnskap/delphi-studien/"]) {
      const { page, close } = await open(urlPath, { width: 375 });
      const sizes = await page.$$eval(".chart-svg svg text", (texts) =>
        texts.filter((t) => t.getBoundingClientRect().height > 0).map((t) => t.getBoundingClientRect().height),
      );
      expect(sizes.length, urlPath).toBeGreaterThan(0);
      // A text's box is about 1.2 times its font size; 11 px text has a box of at least 11 px.
      if (Math.min(...sizes) < 11) small.push(`${urlPath}: ${Math.min(...sizes).toFixed(1)} px`);
      await close();
    }
    expect(small).toEqual([]);
  });
});

describe("screenshots", () => {
  it("of every template at 375 and 1280 px", async () => {
    await mkdir(screenshotDir, { recursive: true });
    for (const [template, urlPath] of Object.entries(templatePages)) {
      for (const width of [375, 1280]) {
        const { page, close } = await open(urlPath, { width });
        const file = path.join(screenshotDir, `${template.replace(/\s+/g, "-")}-${width}.png`);
        await page.screenshot({ path: file, fullPage: true });
        await close();
      }
    }
    console.log(`Screenshots written to ${screenshotDir}`);
  }, 300_000);
});
