// deploy/nginx.conf in Debian's nginx, serving the built dist/: the headers, the redirects, the 404 page and the
// precompressed files over HTTP, then one page of every template in Chromium with no Content-Security-Policy
// violation, the search page with a search run. nginx must be installed (CI installs it, see .ci/run): without it the
// test fails, it is not skipped.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type { Browser, ConsoleMessage, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cacheControl, commonHeaders, contentSecurityPolicies, nginxListen, nginxSiteRoot } from "../../src/deploy/serverConfig.ts";
import { redirects } from "../../src/redirects.ts";
import { fileOfHref, sitePages } from "../../src/addresses.ts";
import { launchBrowser } from "./browser.ts";
import { distDir } from "./helpers.ts";
import { templatePages } from "./pages.ts";

const projectRoot = path.resolve(import.meta.dirname, "../..");

/** nginx on the PATH, or where Debian puts it (/usr/sbin is not on every user's PATH). */
function findNginx(): string | undefined {
  const dirs = [...(process.env.PATH ?? "").split(path.delimiter).filter(Boolean), "/usr/sbin", "/usr/local/sbin"];
  for (const dir of dirs) {
    try {
      accessSync(path.join(dir, "nginx"), constants.X_OK);
      return path.join(dir, "nginx");
    } catch {
      // not here
    }
  }
  return undefined;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** deploy/nginx.conf with the test's root and port put in for the Dockerfile's; each must be there exactly once. */
function siteBlock(conf: string, port: number): string {
  const swaps: [string, string][] = [
    [`    root ${nginxSiteRoot};\n`, `    root ${distDir};\n`],
    [`    listen ${nginxListen};\n`, `    listen 127.0.0.1:${port};\n`],
  ];
  for (const [from, to] of swaps) {
    if (conf.split(from).length !== 2) throw new Error(`deploy/nginx.conf should have the line ${JSON.stringify(from.trim())} once`);
    conf = conf.replace(from, to);
  }
  return conf;
}

/** A top-level configuration around the server block for an unprivileged nginx: its files in the test's folder, errors to stderr. */
const wrapper = (dir: string) => `worker_processes 1;
error_log stderr warn;
pid ${dir}/nginx.pid;
events { worker_connections 128; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    access_log off;
    client_body_temp_path ${dir}/client_body;
    proxy_temp_path ${dir}/proxy;
    fastcgi_temp_path ${dir}/fastcgi;
    uwsgi_temp_path ${dir}/uwsgi;
    scgi_temp_path ${dir}/scgi;
    include ${dir}/site.conf;
}
`;

let base = "";
let nginx: ChildProcess | undefined;
let nginxOutput = "";
let dir = "";

beforeAll(async () => {
  const binary = findNginx();
  if (!binary) {
    throw new Error(
      "nginx is not installed, so deploy/nginx.conf cannot be checked. Install Debian's nginx (apt-get install nginx; .ci/run does) and run this test again.",
    );
  }
  dir = await mkdtemp(path.join(os.tmpdir(), "hoa-nginx-"));
  const port = await freePort();
  await writeFile(path.join(dir, "site.conf"), siteBlock(await readFile(path.join(projectRoot, "deploy", "nginx.conf"), "utf8"), port));
  await writeFile(path.join(dir, "nginx.conf"), wrapper(dir));
  const args = ["-p", `${dir}/`, "-c", path.join(dir, "nginx.conf")];
  const check = spawnSync(binary, ["-t", ...args], { encoding: "utf8" });
  if (check.status !== 0) throw new Error(`nginx -t rejects deploy/nginx.conf:\n${check.stderr}`);
  nginx = spawn(binary, [...args, "-g", "daemon off;"], { stdio: ["ignore", "pipe", "pipe"] });
  nginx.stdout!.on("data", (d: Buffer) => (nginxOutput += d));
  nginx.stderr!.on("data", (d: Buffer) => (nginxOutput += d));
  base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (nginx.exitCode !== null) throw new Error(`nginx stopped with exit code ${nginx.exitCode}:\n${nginxOutput}`);
    if (await fetch(`${base}/`).then((r) => r.ok, () => false)) break;
    if (i > 100) throw new Error(`nginx did not answer on ${base} within 10 s:\n${nginxOutput}`);
    await new Promise((r) => setTimeout(r, 100));
  }
});

afterAll(async () => {
  if (nginx && nginx.exitCode === null) {
    const ended = new Promise((resolve) => nginx!.once("exit", resolve));
    nginx.kill("SIGTERM");
    await ended;
  }
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** The response without decompressing: `Accept-Encoding` as given (identity unless said). */
const get = (address: string, init: RequestInit & { encoding?: string } = {}) =>
  fetch(`${base}${address}`, { redirect: "manual", ...init, headers: { "accept-encoding": init.encoding ?? "identity", ...init.headers } });

function expectSiteHeaders(response: Response, policy: "site" | "search", cache: keyof typeof cacheControl, what: string) {
  expect(response.headers.get("content-security-policy"), what).toBe(contentSecurityPolicies[policy]);
  for (const [name, value] of Object.entries(commonHeaders)) expect(response.headers.get(name), `${what}: ${name}`).toBe(value);
  expect(response.headers.get("cache-control"), what).toBe(cacheControl[cache]);
}

/** A hashed file of each kind the build writes: Astro's CSS and JS, and Pagefind's fragment, index and filter files. */
async function hashedFiles(): Promise<string[]> {
  const astro = await readdir(path.join(distDir, "_astro"));
  const css = astro.find((f) => /\.[\w-]{8}\.css$/.test(f));
  const js = astro.find((f) => /\.[\w-]{8}\.js$/.test(f));
  const pagefind = await Promise.all(["fragment", "index", "filter"].map(async (d) => `/pagefind/${d}/${(await readdir(path.join(distDir, "pagefind", d)))[0]}`));
  // A merged bundle, whose folder is named by its content.
  const [bundle] = JSON.parse(await readFile(path.join(distDir, fileOfHref(sitePages.searchBundles)), "utf8")) as string[];
  return [`/_astro/${css}`, `/_astro/${js}`, ...pagefind, `${bundle}pagefind-entry.json`];
}

describe("deploy/nginx.conf in nginx over dist/", () => {
  it("sends a page with the site's policy, the security headers and a short cache lifetime", async () => {
    const response = await get(sitePages.about);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expectSiteHeaders(response, "site", "revalidate", sitePages.about);
    expect(contentSecurityPolicies.site).not.toContain("unsafe-eval");
    expect(contentSecurityPolicies.site).toContain("script-src 'self';");
  });

  it("lets hashed assets be kept for a year, with the right types", async () => {
    const files = await hashedFiles();
    for (const address of files) {
      const response = await get(address);
      expect(response.status, address).toBe(200);
      expectSiteHeaders(response, "site", "immutable", address);
    }
    expect((await get(files[0]!)).headers.get("content-type")).toBe("text/css; charset=utf-8");
    expect((await get(files[1]!)).headers.get("content-type")).toBe("application/javascript; charset=utf-8");
  });

  it("allows WebAssembly on the search page and in Pagefind's worker, and nowhere else", async () => {
    expectSiteHeaders(await get(sitePages.search), "search", "revalidate", sitePages.search);
    expectSiteHeaders(await get(sitePages.searchWorker), "search", "revalidate", "the worker");
    expect(contentSecurityPolicies.search).toContain("'wasm-unsafe-eval'");
    for (const address of [sitePages.home, sitePages.searchScript, "/pagefind/pagefind-entry.json", sitePages.offers]) {
      expect((await get(address)).headers.get("content-security-policy"), address).toBe(contentSecurityPolicies.site);
    }
  });

  it("answers each moved address with a 301 to its new address", async () => {
    expect(redirects.length).toBeGreaterThan(0);
    for (const r of redirects) {
      const response = await get(r.from);
      expect(response.status, r.from).toBe(301);
      expect(response.headers.get("location"), r.from).toBe(r.to);
      expectSiteHeaders(response, "site", "revalidate", r.from);
      expect((await get(r.to)).status, r.to).toBe(200);
    }
  });

  it("shows the site's own 404 page, with status 404 and the headers, for an address that is not there", async () => {
    const notFound = await readFile(path.join(distDir, "404.html"), "utf8");
    for (const address of ["/denne-siden-finnes-ikke/", "/tilbud/finnes-ikke", "/_astro/finnes-ikke.css", "/sitering/"]) {
      const response = await get(address);
      expect(response.status, address).toBe(404);
      expect(await response.text(), address).toBe(notFound);
      expectSiteHeaders(response, "site", "revalidate", address);
    }
    expect(notFound).toContain("Fant ikke siden");
  });

  it("sends the precompressed .gz to a browser that accepts gzip, and the file itself to one that does not", async () => {
    const css = (await hashedFiles())[0]!;
    for (const [address, file] of [
      [sitePages.home, "index.html"],
      [sitePages.statistics, "statistikk/index.html"],
      [css, css.slice(1)],
    ] as const) {
      const original = await readFile(path.join(distDir, file));
      const gz = await readFile(path.join(distDir, `${file}.gz`));
      const zipped = await get(address, { encoding: "gzip, deflate, br" });
      expect(zipped.headers.get("content-encoding"), address).toBe("gzip");
      expect(zipped.headers.get("vary"), address).toBe("Accept-Encoding");
      expect(Number(zipped.headers.get("content-length")), address).toBe(gz.length);
      expect(Buffer.from(await zipped.arrayBuffer()).equals(original), `${address} unzipped by fetch`).toBe(true);
      const plain = await get(address);
      expect(plain.headers.get("content-encoding"), address).toBeNull();
      expect(Buffer.from(await plain.arrayBuffer()).equals(original), address).toBe(true);
    }
  });
});

describe("the pages in Chromium, served by nginx", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  /** A page that reports every CSP violation (through a binding, so none is lost when it navigates) and every console line about one. */
  async function watchedPage() {
    const context = await browser.newContext();
    const violations: string[] = [];
    const console: string[] = [];
    await context.exposeBinding("reportViolation", ({ page }, text: string) => void violations.push(`${page.url()}: ${text}`));
    await context.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => {
        (window as unknown as { reportViolation: (t: string) => void }).reportViolation(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`);
      });
    });
    const page = await context.newPage();
    page.on("console", (m: ConsoleMessage) => {
      if (/Content Security Policy|Content-Security-Policy|Refused to|Permissions-Policy|Pagefind web worker/i.test(m.text())) console.push(`${page.url()}: ${m.text()}`);
    });
    return { context, page, violations, console };
  }

  const wasm = "new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])";
  const compileWasm = (page: Page) => page.evaluate(`WebAssembly.compile(${wasm}).then(() => "compiled", (e) => e.name)`);

  it("loads one page of every template with no Content-Security-Policy violation", async () => {
    const { context, page, violations, console } = await watchedPage();
    const loaded: string[] = [];
    for (const [template, address] of Object.entries(templatePages)) {
      const response = await page.goto(`${base}${address}`, { waitUntil: "load" });
      expect(response?.status(), `${template} ${address}`).toBe(template === "not found" ? 404 : 200);
      // Module scripts have run by "load"; a moment for what they start.
      await page.waitForTimeout(100);
      loaded.push(new URL(page.url()).pathname);
    }
    expect(loaded).toContain(redirects.find((r) => r.from === templatePages["moved address"])!.to);
    expect(violations).toEqual([]);
    expect(console).toEqual([]);
    await context.close();
  });

  it("runs a search on the search page, in Pagefind's worker, with no violation", async () => {
    const { context, page, violations, console } = await watchedPage();
    const workers: import("playwright-core").Worker[] = [];
    page.on("worker", (w) => workers.push(w));
    await page.goto(`${base}${sitePages.search}`);
    await page.locator("#sok-q").fill("kreft");
    await page.locator("#sok-q").press("Enter");
    await page.waitForFunction(() => document.querySelectorAll("#sok-treff li").length > 0, undefined, { timeout: 30_000 });
    expect(await page.locator("#sok-treff li").count()).toBeGreaterThan(0);
    expect(await page.locator("#sok-status").textContent()).toMatch(/treff/);
    // Pagefind searched in its worker, where its WebAssembly is allowed by the worker's own policy.
    expect(workers.map((w) => new URL(w.url()).pathname)).toContain(sitePages.searchWorker);
    // (The last one: submitting the form loads the page again, with a worker of its own.)
    const worker = workers.filter((w) => w.url().endsWith(sitePages.searchWorker)).at(-1)!;
    expect(await worker.evaluate(`WebAssembly.compile(${wasm}).then(() => "compiled", (e) => e.name)`)).toBe("compiled");
    expect(await compileWasm(page)).toBe("compiled");
    expect(violations).toEqual([]);
    expect(console).toEqual([]);
    await context.close();
  });

  it("reports a violation where the policy forbids something: WebAssembly on a page other than the search", async () => {
    // The check above would pass with a watcher that sees nothing; this shows it sees a violation.
    const { context, page, violations } = await watchedPage();
    await page.goto(`${base}${sitePages.about}`);
    expect(await compileWasm(page)).toBe("CompileError");
    await expect.poll(() => violations.length).toBeGreaterThan(0);
    expect(violations[0]).toMatch(/script-src blocked wasm-eval/);
    await context.close();
  });
});
