import { createRequire } from "node:module";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { distDir } from "./helpers.ts";
import { serveStatic } from "./staticServer.ts";

const { chromiumPath, chromiumFlags } = createRequire(import.meta.url)("./chromium.cjs") as { chromiumPath: string; chromiumFlags: string[] };
export { chromiumFlags, chromiumPath };

/** Playwright starts Chromium with a new, empty temporary profile (user-data dir) on every launch. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumFlags });
}

/**
 * Serves dist/ and starts a browser for the test file that calls it, and stops both afterwards.
 * Read `site.browser` and `site.url` inside tests (they are set in beforeAll).
 */
export function useSiteInBrowser() {
  const site = { browser: undefined as unknown as Browser, url: "" };
  let server: Awaited<ReturnType<typeof serveStatic>> | undefined;
  beforeAll(async () => {
    server = await serveStatic(distDir);
    site.url = server.url;
    site.browser = await launchBrowser();
  });
  afterAll(async () => {
    await site.browser?.close();
    await server?.close();
  });
  return site;
}
