// Checks data/ against the seed texts in ../shared/seeds (or SEEDS_DIR): `npm run check:provenance`.
import { access } from "node:fs/promises";
import path from "node:path";
import { loadData } from "../src/pipeline/loadData.ts";
import { checkProvenance, defaultSeedsDir } from "../src/pipeline/verify/provenance.ts";

const seedsDir = defaultSeedsDir;
if (!(await access(seedsDir).then(() => true, () => false))) {
  console.error(`Provenance NOT checked: the seed folder ${seedsDir} is absent. Put shared/seeds beside the project or set SEEDS_DIR.`);
  process.exit(2);
}
const { data } = await loadData(path.resolve(import.meta.dirname, "../data"));
const { checked, problems } = await checkProvenance(data, seedsDir);
for (const p of problems) console.error(p);
console.log(`Provenance: ${checked} facts checked against ${seedsDir}, ${problems.length} problems.`);
process.exit(problems.length ? 1 : 0);
