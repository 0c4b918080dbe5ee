// The server configurations made from src/deploy/serverConfig.ts: deploy/nginx.conf as committed, the headers per
// location, the redirects, and `_headers` giving every address the same headers as nginx does.
// (test/e2e/nginx.e2e.ts runs the configuration in nginx; test/compress.test.ts covers the precompressed files.)
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  cacheControl,
  commonHeaders,
  contentSecurityPolicies,
  headerRules,
  headersFile,
  nginxConfig,
  redirectsFile,
} from "../src/deploy/serverConfig.ts";
import { redirects } from "../src/redirects.ts";
import { sitePages } from "../src/addresses.ts";
import { projectRoot } from "./helpers.ts";

interface Location {
  modifier: "" | "=" | "^~";
  path: string;
  headers: Record<string, string>;
  /** Header names sent without `always` (those would be missing on the 404 page). */
  notAlways: string[];
  redirect?: string;
}

/** The locations of a server block as nginx reads them (this config's subset: prefix and exact locations, no nesting). */
function nginxLocations(conf: string): Location[] {
  const locations: Location[] = [];
  for (const [, modifier, where, body] of conf.matchAll(/^\s*location\s+(?:(=|\^~|~\*?)\s+)?(\S+)\s*\{([^}]*)\}/gm)) {
    if (modifier?.startsWith("~")) throw new Error(`location ~ ${where}: a regular expression; this test's matcher knows prefix and exact locations only`);
    const headers: Record<string, string> = {};
    const notAlways: string[] = [];
    for (const [, name, value, always] of body!.matchAll(/add_header\s+(\S+)\s+"([^"]*)"(\s+always)?;/g)) {
      if (name! in headers) throw new Error(`location ${where} sends ${name} twice`);
      headers[name!] = value!;
      if (!always) notAlways.push(name!);
    }
    locations.push({ modifier: (modifier ?? "") as Location["modifier"], path: where!, headers, notAlways, redirect: /return 301 (\S+);/.exec(body!)?.[1] });
  }
  return locations;
}

/** nginx's choice of location for an address: an exact match, else the longest prefix (no regular expressions here). */
function nginxLocationFor(locations: Location[], address: string): Location {
  const exact = locations.find((l) => l.modifier === "=" && l.path === address);
  if (exact) return exact;
  const prefixes = locations.filter((l) => l.modifier !== "=" && address.startsWith(l.path)).sort((a, b) => b.path.length - a.path.length);
  if (!prefixes[0]) throw new Error(`no location for ${address}`);
  return prefixes[0];
}

interface HeadersRule {
  pattern: RegExp;
  lines: ({ detach: string } | { name: string; value: string })[];
}

function parseHeadersFile(text: string): HeadersRule[] {
  const rules: HeadersRule[] = [];
  for (const line of text.split("\n")) {
    if (!line.trim() || line.trimStart().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      const pattern = new RegExp(`^${line.trim().split("*").map((p) => p.replace(/[.?+^$()[\]{}|\\/]/g, "\\$&")).join(".*")}$`);
      rules.push({ pattern, lines: [] });
      continue;
    }
    const rule = rules.at(-1);
    if (!rule) throw new Error(`header line before any path: ${line}`);
    const detach = /^\s+!\s*(\S+)$/.exec(line);
    const header = /^\s+([A-Za-z-]+):\s*(.*)$/.exec(line);
    if (detach) rule.lines.push({ detach: detach[1]! });
    else if (header) rule.lines.push({ name: header[1]!, value: header[2]! });
    else throw new Error(`not a header line: ${line}`);
  }
  return rules;
}

/** Cloudflare Pages: every matching rule adds its headers (the same name twice is joined with ", "); "! Name" drops a header from the broader rules. */
function cloudflareHeaders(rules: HeadersRule[], address: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const rule of rules.filter((r) => r.pattern.test(address))) {
    for (const line of rule.lines) {
      if ("detach" in line) delete headers[line.detach];
      else headers[line.name] = line.name in headers ? `${headers[line.name]}, ${line.value}` : line.value;
    }
  }
  return headers;
}

/** Netlify: the "! " lines left out, a later matching rule's header replaces an earlier rule's. */
function netlifyHeaders(rules: HeadersRule[], address: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const rule of rules.filter((r) => r.pattern.test(address))) {
    for (const line of rule.lines) if (!("detach" in line)) headers[line.name] = line.value;
  }
  return headers;
}

const conf = nginxConfig();
const locations = nginxLocations(conf);
const headerNames = ["Content-Security-Policy", ...Object.keys(commonHeaders), "Cache-Control"];

/** Addresses of every kind the site serves, and the example of each rule. */
const addresses = [
  "/",
  "/404.html",
  "/finnes-ikke/",
  "/sok",
  sitePages.offers,
  "/statistikk/tabeller/tabell-4-37.csv",
  "/figurer/x.svg",
  "/delingsbilder/forside.png",
  "/sitering/om.bib",
  "/data/datapackage.json",
  sitePages.changesFeed,
  "/arkiv/2026.12.0/statistikk/bevilgninger/",
  "/_astro/Base.BqIf0Mqi.css",
  "/_astro/addresses.Cx4W6w7X.js",
  sitePages.search,
  sitePages.searchWords,
  sitePages.searchScript,
  "/pagefind/pagefind-worker.js",
  "/pagefind/pagefind-entry.json",
  "/pagefind/wasm.nb.pagefind",
  "/pagefind/pagefind.nb_f1245a3eed.pf_meta",
  "/pagefind/fragment/nb_0a9a38e.pf_fragment",
  "/pagefind/index/nb_13da5bf.pf_index",
  "/pagefind/filter/nb_30b473b.pf_filter",
  sitePages.searchBundles,
  "/pagefind/deler/2-0a1b2c3d4e/pagefind-entry.json",
  "/pagefind/deler/2-0a1b2c3d4e/fragment/nb_0a9a38e.pf_fragment",
  ...headerRules.map((r) => r.example),
];

describe("deploy/nginx.conf", () => {
  it("is the configuration src/deploy/serverConfig.ts makes (run npm run deploy-config after changing it)", async () => {
    expect(await readFile(path.join(projectRoot, "deploy", "nginx.conf"), "utf8")).toBe(conf);
  });

  it("sends every header from every location, with `always`, so the 404 page and the redirects carry them too", () => {
    expect(locations.length).toBe(headerRules.length + redirects.length);
    for (const location of locations) {
      expect(Object.keys(location.headers), `location ${location.modifier} ${location.path}`).toEqual(headerNames);
      expect(location.notAlways, `location ${location.path}`).toEqual([]);
    }
  });

  it("answers each moved address with a 301 to its new address", () => {
    for (const r of redirects) {
      const location = nginxLocationFor(locations, r.from);
      expect(location.modifier, r.from).toBe("=");
      expect(location.redirect, r.from).toBe(r.to);
      expect(location.headers["Content-Security-Policy"]).toBe(contentSecurityPolicies.site);
    }
    expect(locations.filter((l) => l.redirect).map((l) => [l.path, l.redirect])).toEqual(redirects.map((r) => [r.from, r.to]));
  });

  it("allows scripts from the site's files only, and WebAssembly on the search page and in Pagefind's worker only", () => {
    const scriptSrc = (csp: string) => /(?:^|; )script-src ([^;]*)/.exec(csp)?.[1]?.split(" ");
    for (const csp of Object.values(contentSecurityPolicies)) {
      expect(scriptSrc(csp)).toContain("'self'");
      expect(scriptSrc(csp)).not.toContain("'unsafe-inline'");
      expect(scriptSrc(csp)).not.toContain("'unsafe-eval'");
      expect(csp).toMatch(/(^|; )default-src 'none'(;|$)/);
      expect(csp).toMatch(/(^|; )frame-ancestors 'none'(;|$)/);
      expect(csp).toMatch(/(^|; )style-src 'self' 'unsafe-inline'(;|$)/);
    }
    const withWasm = locations.filter((l) => l.headers["Content-Security-Policy"]!.includes("'wasm-unsafe-eval'")).map((l) => `${l.modifier} ${l.path}`.trim());
    expect(withWasm.sort()).toEqual([`= ${sitePages.searchWorker}`, `^~ ${sitePages.search}`].sort());
    expect(scriptSrc(contentSecurityPolicies.search)).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(contentSecurityPolicies.search).toMatch(/(^|; )connect-src 'self'(;|$)/);
    expect(contentSecurityPolicies.search).toMatch(/(^|; )worker-src 'self'(;|$)/);
    // Outside the search nothing is fetched and no worker started.
    expect(contentSecurityPolicies.site).not.toMatch(/connect-src|worker-src/);
  });

  it("lets hashed files be kept for a year and has everything else asked about again", () => {
    const cacheOf = (address: string) => nginxLocationFor(locations, address).headers["Cache-Control"];
    // A merged bundle's folder is named by its content, so all of it is kept, its pagefind-entry.json too.
    const bundle = "/pagefind/deler/2-0a1b2c3d4e/";
    for (const address of ["/_astro/Base.BqIf0Mqi.css", "/pagefind/fragment/nb_0a9a38e.pf_fragment", "/pagefind/index/nb_13da5bf.pf_index", "/pagefind/filter/nb_30b473b.pf_filter", `${bundle}pagefind-entry.json`, `${bundle}index/nb_13da5bf.pf_index`]) {
      expect(cacheOf(address), address).toBe("public, max-age=31536000, immutable");
    }
    for (const address of ["/", sitePages.offers, "/404.html", sitePages.search, sitePages.searchScript, "/pagefind/pagefind-entry.json", sitePages.searchBundles, "/pagefind/wasm.nb.pagefind", "/figurer/x.svg"]) {
      expect(cacheOf(address), address).toBe(cacheControl.revalidate);
    }
    expect(cacheControl.revalidate).toBe("no-cache");
  });

  it("serves precompressed files, the site's 404 page, and names the root and port the Dockerfile and the test replace", () => {
    expect(conf).toMatch(/^\s+gzip_static on;$/m);
    expect(conf).toMatch(/^\s+error_page 404 \/404\.html;$/m);
    expect(conf.match(/^\s+root \/var\/www\/helse-og-arbeid;$/gm)).toHaveLength(1);
    expect(conf.match(/^\s+listen 80;$/gm)).toHaveLength(1);
  });
});

describe("_headers and _redirects (static hosts)", () => {
  const rules = parseHeadersFile(headersFile());

  it("give every address the headers nginx sends, read as Cloudflare Pages and as Netlify read them", () => {
    expect(addresses.length).toBeGreaterThan(20);
    for (const address of addresses) {
      const nginx = nginxLocationFor(locations, address).headers;
      expect(cloudflareHeaders(rules, address), address).toEqual(nginx);
      expect(netlifyHeaders(rules, address), address).toEqual(nginx);
    }
  });

  it("keep within Cloudflare Pages' limits: 100 rules, 2,000 characters a line", () => {
    expect(rules.length).toBeLessThanOrEqual(100);
    for (const line of headersFile().split("\n")) expect(line.length).toBeLessThanOrEqual(2000);
  });

  it("list each moved address with its new one and 301", () => {
    const lines = redirectsFile()
      .split("\n")
      .filter((l) => l && !l.startsWith("#"));
    expect(lines).toEqual(redirects.map((r) => `${r.from} ${r.to} 301`));
  });
});
