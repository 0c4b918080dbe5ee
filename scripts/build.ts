// Builds the site: `npm run build` (all stages) or `node scripts/build.ts --generate-only` (for `astro dev`).
// Options: --data <dir> (default data/), --out <dir> (default dist/), --force (rebuild even when data and code
// are unchanged since the last build), --publish (the site to publish: refused unless SITE_URL is its real address).
// The address comes from SITE_URL (src/siteConfig.ts); without it, the build is a local preview, marked as such.
import module from "node:module";
import path from "node:path";
import { parseArgs } from "node:util";
import { fileCacheDir } from "../src/fileCache.ts";
import { DataError } from "../src/pipeline/dataError.ts";
import { BuildLockedError, shownPath, SwapError } from "../src/pipeline/outputFolder.ts";
import { resolveSiteConfig, SiteConfigError } from "../src/siteConfig.ts";

const { values } = parseArgs({
  options: {
    data: { type: "string" },
    out: { type: "string" },
    "generate-only": { type: "boolean" },
    force: { type: "boolean" },
    publish: { type: "boolean" },
  },
});

// A bad SITE_URL stops the build here, with its message, before any module reads it (src/site.ts does on import).
try {
  resolveSiteConfig(process.env);
} catch (error) {
  if (!(error instanceof SiteConfigError)) throw error;
  console.error(error.message);
  console.error("Build stopped before it started; the last built site was left as it was.");
  process.exit(1);
}
const root = path.resolve(import.meta.dirname, "..");
// Node keeps what it compiled of each module (TypeScript with its types stripped) in the build's file cache, so the
// next build starts about 0.3 s sooner. Enabled before the pipeline is imported: only modules loaded after this are kept.
module.enableCompileCache(path.join(fileCacheDir(root), "node-compile"));
const { abandonBuild, buildSite } = await import("../src/pipeline/build.ts");

/** The file an error is about (fs errors such as ENOSPC and EISDIR carry it), looked for along its causes. */
function fileOf(error: unknown): string | undefined {
  for (let e = error, depth = 0; e && depth < 10; e = (e as { cause?: unknown }).cause, depth++) {
    const file = (e as { path?: unknown }).path;
    if (typeof file === "string") return file;
  }
  return undefined;
}

/** The innermost cause: its stack says where the failure happened, the wrapping only which stage. */
function rootCause(error: unknown): unknown {
  let e = error;
  for (let depth = 0; e instanceof Error && e.cause !== undefined && depth < 10; depth++) e = e.cause;
  return e;
}

let reported = false;
/** Set when buildSite has returned: an error after that is not about the site it left. */
let finished = false;

/** Prints what went wrong and what became of the last site, once, and ends the process. */
function fail(error: unknown, newSiteInPlace = false): void {
  if (reported) return;
  reported = true;
  if (error instanceof DataError) {
    console.error(error.message);
    console.error(`Build stopped: ${error.issues.length} problem(s) in the data. The last built site was left as it was.`);
  } else if (error instanceof BuildLockedError) {
    console.error(error.message);
  } else if (error instanceof SiteConfigError) {
    console.error(error.message);
    console.error("Build stopped before it started; the last built site was left as it was.");
  } else {
    // One line that says what failed, and on which file, before the stack.
    const message = error instanceof Error ? error.message : String(error);
    const file = fileOf(error);
    console.error(file ? `${message} (file: ${shownPath(file)})` : message);
    const cause = rootCause(error);
    const frames = cause instanceof Error ? (cause.stack ?? "").split("\n").filter((l) => /^\s+at /.test(l)) : [];
    // (The stage's message already holds the cause's message.)
    if (frames.length) console.error(frames.join("\n"));
    if (newSiteInPlace) console.error("Build failed after the site was put in place; that site is complete and was left as it is.");
    else if (error instanceof SwapError && !error.lastSiteKept) console.error("Build failed.");
    else console.error("Build failed. The last built site was left as it was.");
  }
  process.exit(1);
}

// Nothing ends silently: an error no stage awaited (a stray promise, a throw in a callback) stops the build the same way.
for (const event of ["unhandledRejection", "uncaughtException"] as const) {
  process.on(event, (error: unknown) => {
    if (reported) return;
    void abandonBuild().then(
      (result) => fail(error, result?.newSiteInPlace ?? finished),
      () => fail(error, finished),
    );
  });
}

try {
  await buildSite({
    root,
    dataDir: values.data ? path.resolve(values.data) : undefined,
    outDir: values.out ? path.resolve(values.out) : undefined,
    generateOnly: values["generate-only"],
    force: values.force,
    publish: values.publish,
  });
  finished = true;
} catch (error) {
  fail(error);
}
