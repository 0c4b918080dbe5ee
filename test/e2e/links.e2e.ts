import { LinkChecker } from "linkinator";
import { describe, expect, it } from "vitest";
import { redirects } from "../../src/redirects.ts";
import { builtPages, distDir } from "./helpers.ts";
import { serveStatic } from "./staticServer.ts";

describe("links", () => {
  it("no internal link or anchor in dist/ is broken, and every page is linked", async () => {
    const server = await serveStatic(distDir);
    try {
      const result = await new LinkChecker().check({
        path: `${server.url}/`,
        recurse: true,
        checkFragments: true,
        // A loaded CI machine once dropped 64 of ~40 000 requests (status 0) at linkinator's default of 100 at
        // a time; fewer at once and a retry keep a dropped connection from passing for a broken link.
        concurrency: 16,
        retryErrors: true,
        retryErrorsCount: 3,
        // No network here: external addresses are not ours to check, only internal links and anchors.
        linksToSkip: (link) => Promise.resolve(!link.startsWith(server.url)),
      });
      const broken = result.links.filter((l) => l.state === "BROKEN").map((l) => `${l.url} (on ${l.parent}, ${l.status || String(l.failureDetails?.[0] ?? "no response")})`);
      expect(broken).toEqual([]);
      // Every page can be reached by following links from the home page. Not counted: the 404 page, the
      // search page, which every page reaches through the search form in its header, and the old addresses of moved pages.
      const reached = new Set(result.links.filter((l) => l.state === "OK").map((l) => new URL(l.url).pathname));
      const moved = redirects.map((r) => r.from);
      const orphans = (await builtPages()).filter((p) => !["/404.html", "/sok/", ...moved].includes(p) && !reached.has(p));
      expect(orphans).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
