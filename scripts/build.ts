// Builds the site: `npm run build` (all stages) or `node scripts/build.ts --generate-only` (for `astro dev`).
// Options: --data <dir> (default data/), --out <dir> (default dist/), --force (rebuild even when data and code
// are unchanged since the last build).
import path from "node:path";
import { parseArgs } from "node:util";
import { DataError } from "../src/pipeline/dataError.ts";
import { buildSite } from "../src/pipeline/build.ts";

const { values } = parseArgs({
  options: { data: { type: "string" }, out: { type: "string" }, "generate-only": { type: "boolean" }, force: { type: "boolean" } },
});
const root = path.resolve(import.meta.dirname, "..");

try {
  await buildSite({
    root,
    dataDir: values.data ? path.resolve(values.data) : undefined,
    outDir: values.out ? path.resolve(values.out) : undefined,
    generateOnly: values["generate-only"],
    force: values.force,
  });
} catch (error) {
  if (error instanceof DataError) {
    console.error(error.message);
    console.error(`Build stopped: ${error.issues.length} problem(s) in the data. The last built site was left as it was.`);
  } else {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    console.error("Build failed. The last built site was left as it was.");
  }
  process.exit(1);
}
