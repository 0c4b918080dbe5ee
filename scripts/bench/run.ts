// npm run bench [-- --scales 1,10 --seed 1]: builds the site from synthetic data at each scale and two bare-Astro
// baselines with the same number of pages, and writes the figures to bench/RESULTS.md. Reports, never asserts.
import { spawn, spawnSync } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { csvFormatRows, csvParseRows } from "d3-dsv";
import { writeSyntheticData } from "./synthetic.ts";

const root = path.resolve(import.meta.dirname, "../..");
const { values } = parseArgs({ options: { scales: { type: "string", default: "1,10" }, seed: { type: "string", default: "1" } } });
const scales = values.scales!.split(",").map(Number);

interface Run {
  seconds: number;
  /** The largest single process of the run (the build, Astro's process or Pagefind's). */
  peakMb: number;
  /** The most the run's processes held together at one time. */
  peakTotalMb: number;
  /** The largest Pagefind process of the run (0 when none ran). */
  pagefindMb: number;
  stdout: string;
}

/** Resident memory of a process and all its descendants, from /proc: [largest one, sum, largest Pagefind process] in kB. */
async function treeRss(pid: number): Promise<[number, number, number]> {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  const pagefind = new Set<number>();
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const status = await readFile(`/proc/${entry}/status`, "utf8").catch(() => "");
    const ppid = Number(/PPid:\s+(\d+)/.exec(status)?.[1]);
    rss.set(Number(entry), Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0));
    if (/^Name:\s+pagefind/m.test(status)) pagefind.add(Number(entry));
    children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
  }
  let largest = 0;
  let sum = 0;
  let largestPagefind = 0;
  const queue = [pid];
  while (queue.length) {
    const p = queue.pop()!;
    largest = Math.max(largest, rss.get(p) ?? 0);
    sum += rss.get(p) ?? 0;
    if (pagefind.has(p)) largestPagefind = Math.max(largestPagefind, rss.get(p) ?? 0);
    queue.push(...(children.get(p) ?? []));
  }
  return [largest, sum, largestPagefind];
}

/**
 * Runs a command for wall time and memory. Memory is sampled from /proc four times a second over the whole process
 * tree, since GNU time's figure leaves out Pagefind's process (which the build does not wait for).
 */
function timed(command: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command[0]!, command.slice(1), { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    let peak = 0;
    let peakTotal = 0;
    let peakPagefind = 0;
    const sampler = setInterval(() => {
      void treeRss(child.pid!).then(([largest, sum, pagefind]) => {
        peak = Math.max(peak, largest);
        peakTotal = Math.max(peakTotal, sum);
        peakPagefind = Math.max(peakPagefind, pagefind);
      });
    }, 250);
    child.on("exit", (code) => {
      clearInterval(sampler);
      if (code !== 0) reject(new Error(`${command.join(" ")} failed:\n${stdout}\n${stderr}`));
      else resolve({ seconds: (performance.now() - started) / 1000, peakMb: Math.round(peak / 1024), peakTotalMb: Math.round(peakTotal / 1024), pagefindMb: Math.round(peakPagefind / 1024), stdout });
    });
  });
}

async function siteFigures(dist: string) {
  const entries = (await readdir(dist, { recursive: true })).map(String);
  const files: string[] = [];
  let bytes = 0;
  for (const f of entries) {
    const s = await stat(path.join(dist, f));
    if (!s.isFile()) continue;
    files.push(f);
    bytes += s.size;
  }
  // What a static host counts (its limit is on files), and what it would get without the precompressed copies.
  const fileCounts = {
    all: files.length,
    withoutPrecompressed: files.filter((f) => !/\.(gz|br)$/.test(f)).length,
    fragments: files.filter((f) => /^pagefind\/(deler\/[^/]+\/)?fragment\//.test(f.split(path.sep).join("/"))).length,
    bundles: files.filter((f) => /^pagefind\/(deler\/[^/]+\/)?pagefind-entry\.json$/.test(f.split(path.sep).join("/"))).length,
  };
  const html = files.filter((f) => f.endsWith(".html"));
  // One file at a time: 22 000 pages opened at once run out of file handles.
  const gz: number[] = [];
  for (const f of html) gz.push(gzipSync(await readFile(path.join(dist, f))).length);
  gz.sort((a, b) => a - b);
  // JavaScript a page loads: its module scripts, inline and external, gzip.
  const jsByType = new Map<string, number>();
  for (const f of html) {
    const page = await readFile(path.join(dist, f), "utf8");
    const type = f.split(path.sep)[0]!.replace("index.html", "forside");
    let js = 0;
    for (const m of page.matchAll(/<script type="module"(?: src="([^"]+)")?>([\s\S]*?)<\/script>/g)) {
      js += gzipSync(m[1] ? await readFile(path.join(dist, m[1])) : Buffer.from(m[2]!)).length;
    }
    jsByType.set(type, Math.max(jsByType.get(type) ?? 0, js));
  }
  // What the search page loads besides its own script: Pagefind's script, worker, WebAssembly, the list of bundles and
  // each bundle's metadata (the .pagefind and .pf_meta files are gzip already), before the first query's index chunks.
  let pagefindKb = 0;
  for (const f of files.filter((f) => /^pagefind\/(pagefind\.js|pagefind-worker\.js|bundles\.json|wasm\.nb\.pagefind|(deler\/[^/]+\/)?(pagefind-entry\.json|[^/]+\.pf_meta))$/.test(f))) {
    const bytes = await readFile(path.join(dist, f));
    pagefindKb += (/\.(js|json)$/.test(f) ? gzipSync(bytes).length : bytes.length) / 1024;
  }
  return { pages: html.length, mb: bytes / 1e6, medianKb: gz[Math.floor(gz.length / 2)]! / 1024, largestKb: gz.at(-1)! / 1024, jsByType, pagefindKb, fileCounts };
}

/** A bare Astro project with n pages of about 300 words, as one data-driven route or as n markdown files. */
async function baseline(kind: "route" | "markdown", n: number): Promise<Run> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `bench-${kind}-`));
  await symlink(path.join(root, "node_modules"), path.join(dir, "node_modules"));
  await mkdir(path.join(dir, "src/pages"), { recursive: true });
  await writeFile(path.join(dir, "astro.config.mjs"), "export default {};\n");
  await writeFile(path.join(dir, "package.json"), '{"type":"module"}\n');
  const words = (i: number) => Array.from({ length: 300 }, (_, w) => `ord${(i * 7 + w) % 997}`).join(" ");
  if (kind === "route") {
    await writeFile(path.join(dir, "src/pages.json"), JSON.stringify(Array.from({ length: n }, (_, i) => ({ id: `side-${i}`, text: words(i) }))));
    await writeFile(
      path.join(dir, "src/pages/[id].astro"),
      `---\nimport pages from "../pages.json";\nexport function getStaticPaths() { return pages.map((p) => ({ params: { id: p.id }, props: p })); }\nconst { id, text } = Astro.props;\n---\n<html lang="nb"><head><title>{id}</title></head><body><h1>{id}</h1><p>{text}</p></body></html>\n`,
    );
  } else {
    for (let i = 0; i < n; i++) await writeFile(path.join(dir, `src/pages/side-${i}.md`), `---\ntitle: Side ${i}\n---\n# Side ${i}\n\n${words(i)}\n`);
  }
  const run = await timed([path.join(root, "node_modules/.bin/node"), path.join(root, "node_modules/astro/bin/astro.mjs"), "build"], dir);
  await rm(dir, { recursive: true, force: true });
  return run;
}

const commit = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).stdout.trim();
const lines: string[] = [];
const log = (l: string) => {
  console.log(l);
  lines.push(l);
};
log(`# Benchmark`);
log("");
log(`${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC · commit ${commit} · ${os.cpus().length} × ${os.cpus()[0]?.model.trim()} · ${Math.round(os.totalmem() / 1e9)} GB · Node ${process.version} · seed ${values.seed}`);
log("");
log("| scale | rows | pages | total s | peak RSS MB | peak all processes MB | pages/s | dist MB | median page KB gz | largest KB gz | read+validate | generate | astro build | site files | index | baseline route s | ratio | baseline markdown s | ratio | rebuild after one change s (median of 3) |");
log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
const jsLines: string[] = [];
const rebuildLines: string[] = [];
/** Each stage's seconds, from the lines a build prints: "[index] … (10281 ms)". */
const stagesOf = (stdout: string): Record<string, string> =>
  Object.fromEntries([...stdout.matchAll(/^\[([^\]]+)\].*\((\d+) ms\)$/gm)].map((m) => [m[1], (Number(m[2]) / 1000).toFixed(1)]));
const fileLines: string[] = [];
for (const scale of scales) {
  const work = await mkdtemp(path.join(os.tmpdir(), `bench-${scale}x-`));
  const dataDir = path.join(work, "data");
  await mkdir(dataDir);
  const rows = await writeSyntheticData(path.join(root, "data"), dataDir, scale, Number(values.seed));
  const out = path.join(work, "dist");
  // A cache of its own, so the first build is cold; the second build, after one offer's name changed, shows what the cache saves.
  const env = { ...process.env, HOA_CACHE_DIR: path.join(work, "cache") };
  const build = () => timed([process.execPath, "scripts/build.ts", "--data", dataDir, "--out", out, "--force"], root, env);
  const run = await build();
  const stages = stagesOf(run.stdout);
  const site = await siteFigures(out);
  const offersFile = path.join(dataDir, "offers.csv");
  const [offerHeader, firstOffer, ...otherOffers] = csvParseRows(await readFile(offersFile, "utf8"));
  const name = firstOffer![offerHeader!.indexOf("name")]!;
  // Three rebuilds, each after the first offer got a name it never had, so that one run on a busy moment of this machine
  // (its times vary by a fifth from run to run) does not stand for all; the median is reported, and the range.
  const rebuilds: Run[] = [];
  for (const change of [1, 2, 3]) {
    firstOffer![offerHeader!.indexOf("name")] = `${name} (endret ${change})`;
    await writeFile(offersFile, csvFormatRows([offerHeader!, firstOffer!, ...otherOffers]) + "\n");
    rebuilds.push(await build());
  }
  const rerun = [...rebuilds].sort((a, b) => a.seconds - b.seconds)[1]!;
  const rebuildRange = `${Math.min(...rebuilds.map((r) => r.seconds)).toFixed(1)}–${Math.max(...rebuilds.map((r) => r.seconds)).toFixed(1)}`;
  const rerunStages = stagesOf(rerun.stdout);
  rebuildLines.push(
    `| ${scale}× | ${rebuilds.map((r) => r.seconds.toFixed(1)).join(", ")} | ${["read+validate", "generate", "astro build", "site files", "index", "compress"].map((s) => rerunStages[s] ?? "").join(" | ")} |`,
  );
  const route = await baseline("route", site.pages);
  const markdown = await baseline("markdown", site.pages);
  log(
    `| ${scale}× | ${rows} | ${site.pages} | ${run.seconds.toFixed(1)} | ${run.peakMb} | ${run.peakTotalMb} | ${Math.round(site.pages / run.seconds)} | ${site.mb.toFixed(1)} | ${site.medianKb.toFixed(1)} | ${site.largestKb.toFixed(1)} | ${stages["read+validate"]} | ${stages.generate} | ${stages["astro build"]} | ${stages["site files"]} | ${stages.index} | ${route.seconds.toFixed(1)} | ${(run.seconds / route.seconds).toFixed(2)} | ${markdown.seconds.toFixed(1)} | ${(run.seconds / markdown.seconds).toFixed(2)} | ${rerun.seconds.toFixed(1)} |`,
  );
  fileLines.push(
    `| ${scale}× | ${site.fileCounts.all} | ${site.fileCounts.withoutPrecompressed} | ${site.fileCounts.fragments} | ${site.fileCounts.bundles} | ${run.pagefindMb} | ${rerun.seconds.toFixed(1)} (${rebuildRange}) | ${Math.round((100 * rerun.seconds) / run.seconds)} % | ${(rerun.seconds / route.seconds).toFixed(2)} |`,
  );
  jsLines.push(
    `- ${scale}×: ${[...site.jsByType].map(([t, b]) => `${t} ${(b / 1024).toFixed(1)} KB`).join(", ")}; the search page (sok) also loads Pagefind: ${site.pagefindKb.toFixed(1)} KB (script, worker, WebAssembly, index metadata)`,
  );
  await rm(work, { recursive: true, force: true });
}
log("");
log("Files, the search index and rebuilds (a static host such as Cloudflare Pages takes at most 20 000 files per site):");
log("");
log("| scale | files in dist/ | without .gz and .br | Pagefind fragments | Pagefind bundles | Pagefind peak RSS MB (largest process) | rebuild after one change s, median of 3 (range) | rebuild, % of cold build | rebuild ÷ baseline route |");
log("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
for (const l of fileLines) log(l);
log("");
log("The rebuilds after one change, and the stages of the median one, in seconds (site files and index run side by side):");
log("");
log("| scale | the three rebuilds | read+validate | generate | astro build | site files | index | compress |");
log("| --- | --- | --- | --- | --- | --- | --- | --- |");
for (const l of rebuildLines) log(l);
log("");
log("JavaScript per page type (largest page of the type, gzip):");
log("");
for (const l of jsLines) log(l);
log("");
log("Peak RSS is the largest single process of the build (the build itself, Astro's process or Pagefind's), sampled from /proc; the next column is the most all of them held at once. The site files and index stages run side by side, so their times overlap. The baselines are bare Astro projects with the same number of pages of about 300 words: one data-driven route (`getStaticPaths` over JSON), and one markdown file per page.");
// The build regenerates src/generated from the synthetic data; put the shipped data back.
spawnSync(process.execPath, ["scripts/build.ts", "--generate-only"], { cwd: root });
await mkdir(path.join(root, "bench"), { recursive: true });
await writeFile(path.join(root, "bench/RESULTS.md"), lines.join("\n") + "\n");
console.log("\nWrote bench/RESULTS.md");
