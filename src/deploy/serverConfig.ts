// The headers the site is served with and its moved addresses, defined once, and the server configurations made from
// them: deploy/nginx.conf (a server block for Debian's nginx, written by `npm run deploy-config`) and the `_headers` and
// `_redirects` files the build writes into dist/ for static hosts (Cloudflare Pages, Netlify). So nginx and a static
// host send the same Content-Security-Policy, cache lifetimes and redirects.
// Pure: no data and nothing from src/pipeline/ (the pipeline imports it to write the host files).
import { searchBundlesFolderHref, searchIndexFolderHref, sitePages } from "../addresses.ts";
import { redirects, type Redirect } from "../redirects.ts";

type Directives = Record<string, readonly string[]>;

/**
 * The Content-Security-Policy of every page and file. What the built pages need (checked in dist/ and by
 * test/e2e/nginx.e2e.ts in Chromium):
 * - scripts: only Astro's bundled files under /_astro/ (module scripts; Astro is told not to inline small ones, see
 *   astroBuildInChildProcess in src/pipeline/build.ts). The JSON-LD blocks are data, not run, and need nothing.
 * - styles: /_astro/*.css, plus <style> elements inside the charts' inline SVGs (Observable Plot) and the one in
 *   <noscript>, hence 'unsafe-inline' for styles only; no page has a style="" attribute, but a chart may.
 * - images: the favicon, the figures and preview images, all on the site; no data: URIs, no fonts, no frames.
 * - forms: the search boxes and filters submit (GET) to the site itself.
 * Nothing else is fetched: connect-src and worker-src stay at default-src 'none' outside the search.
 */
const sitePolicy: Directives = {
  "default-src": ["'none'"],
  "script-src": ["'self'"],
  "style-src": ["'self'", "'unsafe-inline'"],
  "img-src": ["'self'"],
  "form-action": ["'self'"],
  "base-uri": ["'none'"],
  "frame-ancestors": ["'none'"],
};

/**
 * The search page (/sok/) and Pagefind's worker: Pagefind fetches its index (connect-src), starts
 * /pagefind/pagefind-worker.js (worker-src) and compiles its WebAssembly there, or on the page when a worker cannot
 * start, which needs 'wasm-unsafe-eval' (not 'unsafe-eval': no JavaScript is evaluated from strings). A worker runs
 * under the policy of its own response, so the worker's file carries this policy too.
 */
const searchPolicy: Directives = {
  ...sitePolicy,
  "script-src": ["'self'", "'wasm-unsafe-eval'"],
  "connect-src": ["'self'"],
  "worker-src": ["'self'"],
};

const policyText = (directives: Directives) =>
  Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(" ")}`)
    .join("; ");

export type PolicyName = "site" | "search";
export const contentSecurityPolicies: Record<PolicyName, string> = { site: policyText(sitePolicy), search: policyText(searchPolicy) };

/** Sent with every response, whatever its address. */
export const commonHeaders: Readonly<Record<string, string>> = {
  // A year, for this host only: subdomains of the host are not this site's to commit. Browsers heed it over HTTPS only.
  "Strict-Transport-Security": "max-age=31536000",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  // Powerful features no page uses, off for the page and anything it might embed (the clipboard of the copy buttons stays).
  "Permissions-Policy": "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()",
};

export type CacheName = "immutable" | "revalidate";
export const cacheControl: Record<CacheName, string> = {
  /** Files named by a hash of their content: a changed file gets a new name, so a copy can be kept for a year. */
  immutable: "public, max-age=31536000, immutable",
  /**
   * Pages and every file whose name stays the same across releases: kept, but asked about again (a cheap 304) on each
   * use, so a new release shows at once and pagefind-entry.json never points at index files that are gone.
   */
  revalidate: "no-cache",
};

/** One set of addresses with its headers, as an nginx location and as `_headers` path patterns. */
export interface HeaderRule {
  about: string;
  /** The nginx location: "/" (prefix), "^~ /x/" (prefix, before any regular expression) or "= /x" (exactly). */
  location: string;
  /** The same addresses as `_headers` patterns (a `*` matches any rest of the path, also none). */
  patterns: readonly string[];
  /** An address the rule is for, for the tests. */
  example: string;
  policy: PolicyName;
  cache: CacheName;
}

/** Every rule; the first covers every address, the later ones carve out theirs (in nginx, by the longest prefix). */
export const headerRules: readonly HeaderRule[] = [
  {
    about: "Pages, the 404 page and every file whose name stays the same",
    location: "/",
    patterns: ["/*"],
    example: sitePages.offers,
    policy: "site",
    cache: "revalidate",
  },
  {
    about: "Astro's scripts and styles, named by their content hash",
    location: "^~ /_astro/",
    patterns: ["/_astro/*"],
    example: "/_astro/Base.abc123.css",
    policy: "site",
    cache: "immutable",
  },
  // Pagefind names its index chunks, filters and page fragments by their content; pagefind.js, the worker, the
  // WebAssembly and pagefind-entry.json keep their names and are asked about again.
  ...(["fragment", "index", "filter"] as const).map(
    (folder): HeaderRule => ({
      about: `Pagefind's ${folder} files, named by their content hash`,
      location: `^~ ${searchIndexFolderHref(folder)}`,
      patterns: [`${searchIndexFolderHref(folder)}*`],
      example: `${searchIndexFolderHref(folder)}nb_0a1b2c3.pf_${folder}`,
      policy: "site",
      cache: "immutable",
    }),
  ),
  {
    about: "The search index's other bundles, each in a folder named by its content",
    location: `^~ ${searchBundlesFolderHref}`,
    patterns: [`${searchBundlesFolderHref}*`],
    example: `${searchBundlesFolderHref}2-0a1b2c3d4e/pagefind-entry.json`,
    policy: "site",
    cache: "immutable",
  },
  {
    about: "The search page: Pagefind compiles WebAssembly and fetches its index",
    location: `^~ ${sitePages.search}`,
    patterns: [`${sitePages.search}*`],
    example: sitePages.search,
    policy: "search",
    cache: "revalidate",
  },
  {
    about: "Pagefind's worker, which runs under the policy of its own response",
    location: `= ${sitePages.searchWorker}`,
    patterns: [sitePages.searchWorker],
    example: sitePages.searchWorker,
    policy: "search",
    cache: "revalidate",
  },
];

/** Every header a rule's addresses are sent with, in the order written. */
export function headersOf(rule: Pick<HeaderRule, "policy" | "cache">): [string, string][] {
  return [["Content-Security-Policy", contentSecurityPolicies[rule.policy]], ...Object.entries(commonHeaders), ["Cache-Control", cacheControl[rule.cache]]];
}

/** Where the Dockerfile puts dist/, and the port nginx listens on in the container; the e2e test puts its own in. */
export const nginxSiteRoot = "/var/www/helse-og-arbeid";
export const nginxListen = "80";

/** An address as it may stand unquoted in nginx's configuration and in `_redirects`: a site path like /om/x/. */
function plainPath(href: string, where: string): string {
  if (!/^\/(?:[a-z0-9-]+\/)*$/.test(href)) throw new Error(`${where}: ${JSON.stringify(href)} is not a site path like /tilbud/x/`);
  return href;
}

function quoted(value: string): string {
  if (/["\\\n$]/.test(value)) throw new Error(`header value ${JSON.stringify(value)} cannot be written as an nginx string`);
  return `"${value}"`;
}

/** add_header lines; `always`, so the 404 page and redirects carry them too. */
const addHeaders = (headers: [string, string][], indent: string) => headers.map(([name, value]) => `${indent}add_header ${name} ${quoted(value)} always;`);

const redirectWhere = (r: Redirect, i: number) => `src/redirects.ts, redirect ${i + 1}`;

/**
 * deploy/nginx.conf: a server block for Debian's nginx (1.22; /etc/nginx/conf.d/). nginx's add_header is not inherited
 * by a location that has its own, so every location carries the whole set.
 */
export function nginxConfig(): string {
  const lines = [
    "# Made by `npm run deploy-config` from src/deploy/serverConfig.ts: change that file, not this one",
    "# (test/serverConfig.test.ts fails when they differ). Tested with Debian's nginx 1.22 by test/e2e/nginx.e2e.ts.",
    "#",
    "# A server block serving the built site (dist/), for /etc/nginx/conf.d/ (deploy/Dockerfile puts it there).",
    `# Put dist/ at the root below (or change it), and TLS in front of it: Strict-Transport-Security is heeded over HTTPS only.`,
    "# Precompressed files: the build writes a .gz (and a .br) beside every text file; gzip_static sends the .gz.",
    "# Debian's nginx has no brotli module, so the .br files are for hosts that serve them (Caddy, nginx with ngx_brotli).",
    "server {",
    `    listen ${nginxListen};`,
    "    server_name _;",
    `    root ${nginxSiteRoot};`,
    "    index index.html;",
    "    server_tokens off;",
    "    # Relative Location headers, right behind a proxy that ends TLS.",
    "    absolute_redirect off;",
    "",
    "    include /etc/nginx/mime.types;",
    "    types {",
    "        text/csv csv;",
    "        application/x-bibtex bib;",
    "        application/x-research-info-systems ris;",
    "    }",
    "    charset utf-8;",
    "    # (text/html always has it.)",
    "    charset_types text/css text/csv text/plain text/xml application/javascript application/json image/svg+xml application/x-bibtex application/x-research-info-systems;",
    "",
    "    # Compressed at build time only: what has no .gz (binaries, Pagefind's own compressed files, tiny files) goes as it is.",
    "    gzip off;",
    "    gzip_static on;",
    "    gzip_vary on;",
    "",
    "    # The site's own 404 page for a missing address (and for a folder without a page, instead of nginx's 403).",
    "    error_page 404 /404.html;",
    "    error_page 403 =404 /404.html;",
  ];
  for (const rule of headerRules) {
    lines.push("", `    # ${rule.about}`, `    location ${rule.location} {`, ...addHeaders(headersOf(rule), "        "), "    }");
  }
  lines.push("", "    # Moved addresses (src/redirects.ts); the build also writes a page at each that sends the reader on.");
  redirects.forEach((r, i) => {
    const from = plainPath(r.from, redirectWhere(r, i));
    const to = plainPath(r.to, redirectWhere(r, i));
    lines.push(`    location = ${from} {`, ...addHeaders(headersOf({ policy: "site", cache: "revalidate" }), "        "), `        return 301 ${to};`, "    }");
  });
  lines.push("}", "");
  return lines.join("\n");
}

/**
 * dist/_headers, in Cloudflare Pages' form: every rule whose pattern matches an address adds its headers, and a line
 * "! Name" drops a header a broader rule added, so a later, narrower rule replaces the policy or the cache lifetime
 * (two Content-Security-Policy headers would both be enforced). Netlify takes the same file without the "! " lines:
 * there a later matching rule's header replaces an earlier one's.
 */
export function headersFile(): string {
  const [first, ...rest] = headerRules;
  const base = headersOf(first!);
  const lines = ["# Made by the build from src/deploy/serverConfig.ts, as deploy/nginx.conf is.", `# ${first!.about}`];
  for (const pattern of first!.patterns) lines.push(pattern, ...base.map(([name, value]) => `  ${name}: ${value}`));
  for (const rule of rest) {
    // Only what differs from the broad rule.
    const changed = headersOf(rule).filter(([name, value]) => base.find(([n]) => n === name)?.[1] !== value);
    lines.push(`# ${rule.about}`);
    for (const pattern of rule.patterns) lines.push(pattern, ...changed.flatMap(([name, value]) => [`  ! ${name}`, `  ${name}: ${value}`]));
  }
  return lines.join("\n") + "\n";
}

/** dist/_redirects: "<from> <to> 301" per moved address (Cloudflare Pages, Netlify). */
export function redirectsFile(): string {
  const lines = ["# Made by the build from src/redirects.ts."];
  redirects.forEach((r, i) => lines.push(`${plainPath(r.from, redirectWhere(r, i))} ${plainPath(r.to, redirectWhere(r, i))} 301`));
  return lines.join("\n") + "\n";
}
