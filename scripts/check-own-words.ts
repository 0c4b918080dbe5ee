// The own-words check: no cell of data/ and no built page in dist/ may share a run of 9+ words with a seed text
// in ../shared/seeds (or SEEDS_DIR), outside the columns allowed as printed; and all text, names and titles as printed
// included, may repeat the seeds by at most copiedShareLimitPercent of its characters. `npm run check:own-words` (after a build).
import { access } from "node:fs/promises";
import path from "node:path";
import { loadData } from "../src/pipeline/loadData.ts";
import { defaultSeedsDir } from "../src/pipeline/verify/provenance.ts";
import {
  copiedCells,
  copiedOnPages,
  copiedRunWords,
  copiedShareLimitPercent,
  copiedShareOfData,
  percentOf,
  readSeeds,
  SeedIndex,
} from "../src/pipeline/verify/ownWords.ts";

const root = path.resolve(import.meta.dirname, "..");
const seedsDir = defaultSeedsDir;
const siteDir = path.join(root, "dist");
const exists = (p: string) => access(p).then(() => true, () => false);
if (!(await exists(seedsDir))) {
  console.error(`Own words NOT checked: the seed folder ${seedsDir} is absent. Put shared/seeds beside the project or set SEEDS_DIR.`);
  process.exit(2);
}
if (!(await exists(path.join(siteDir, "index.html")))) {
  console.error(`Own words NOT checked: there is no built site in ${siteDir}. Run npm run build first.`);
  process.exit(2);
}
const seeds = new SeedIndex(await readSeeds(seedsDir));
const { data } = await loadData(path.join(root, "data"));
const cells = copiedCells(data, seeds);
const pages = await copiedOnPages(siteDir, seeds);
const shares = { "data/": percentOf(copiedShareOfData(data, seeds)), pages: percentOf(pages.share) };
const overLimit = Object.entries(shares).filter(([, percent]) => percent > copiedShareLimitPercent);
for (const p of [...cells, ...pages.problems]) console.error(p);
for (const [where, percent] of overLimit) {
  console.error(`${where}: ${percent.toFixed(1)} % of the text repeats the seeds, names and titles included; expected at most ${copiedShareLimitPercent} %`);
}
console.log(
  `Own words: data/ and ${pages.pages} built pages checked for runs of ${copiedRunWords}+ words shared with ${seedsDir}: ` +
    `${cells.length} in data/, ${pages.problems.length} on pages. With names and titles as printed: ` +
    `${shares["data/"].toFixed(1)} % of data/ and ${shares.pages.toFixed(1)} % of the pages (limit ${copiedShareLimitPercent} %).`,
);
process.exit(cells.length + pages.problems.length + overLimit.length ? 1 : 0);
