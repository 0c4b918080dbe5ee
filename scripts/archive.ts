// Freezes the site of the current data release: `npm run archive` builds the site (nothing is rebuilt when
// it is current), then stores its pages in data/arkiv/<version>.json.gz, which every later build publishes
// under /arkiv/<version>/. Run it once per release, after adding the release to src/site.ts.
// --replace overwrites an archive of the same release that was made from other data; --data and --out as for the build.
import { execFileSync } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { buildSite } from "../src/pipeline/build.ts";
import { dataHash, isArchived, readArchives, writeArchive } from "../src/pipeline/archive/releaseArchive.ts";
import { dataRelease, site } from "../src/site.ts";
import { redirects } from "../src/redirects.ts";
import { fileOfHref } from "../src/addresses.ts";

const { values } = parseArgs({ options: { replace: { type: "boolean" }, data: { type: "string" }, out: { type: "string" } } });
const root = path.resolve(import.meta.dirname, "..");
const dataDir = path.resolve(values.data ?? path.join(root, "data"));
const distDir = path.resolve(values.out ?? path.join(root, "dist"));

const hash = await dataHash(dataDir);
const earlier = (await readArchives(dataDir)).find((a) => a.version === dataRelease.version);
if (earlier?.dataHash === hash && !values.replace) {
  console.log(`Release ${dataRelease.version} is already archived from the current data; nothing to do.`);
  process.exit(0);
}
if (earlier && !values.replace) {
  console.error(
    `Release ${dataRelease.version} was archived from other data than data/ holds now. A data change needs a new release:` +
      ` add it at the top of releases in src/site.ts, then run npm run archive again (or pass --replace to overwrite the archive).`,
  );
  process.exit(1);
}

await buildSite({ root, dataDir, outDir: distDir });
const files: Record<string, string> = {};
// The pages at moved addresses only send the reader on; the pages they lead to are archived.
const moved = new Set(redirects.map((r) => fileOfHref(r.from)));
for (const entry of await readdir(distDir, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile()) continue;
  const rel = path.relative(distDir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/");
  if (!isArchived(rel) || moved.has(rel)) continue;
  files[rel] = await readFile(path.join(distDir, rel), "utf8");
}
let commit: string | undefined;
try {
  commit = execFileSync("git", ["rev-parse", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
} catch {
  commit = undefined;
}
// The address the pages name (SITE_URL, or the preview's placeholder): publishing maps it to the address configured then.
const file = await writeArchive(dataDir, {
  version: dataRelease.version,
  date: dataRelease.date,
  dataHash: hash,
  commit,
  origin: site.url,
  feedbackEmail: site.feedbackEmail,
  files,
});
const pages = Object.keys(files).filter((f) => f.endsWith(".html")).length;
console.log(`Archived release ${dataRelease.version}: ${pages} pages and ${Object.keys(files).length - pages} other files in ${path.relative(root, file) || file}.`);
console.log("Run npm run build to publish it under /arkiv/, and commit both files: the archive and its manifest (the list of files and hashes a reviewer reads).");
