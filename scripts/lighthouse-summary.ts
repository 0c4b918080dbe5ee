// Prints the Lighthouse scores of the last `lhci autorun` (test-results/lighthouse) as a table for the CI log.
import { readFile } from "node:fs/promises";
import path from "node:path";

const dir = path.resolve(import.meta.dirname, "../test-results/lighthouse");
const manifest: { url: string; summary: Record<string, number> }[] = JSON.parse(await readFile(path.join(dir, "manifest.json"), "utf8"));
const categories = ["performance", "accessibility", "best-practices", "seo"];
console.log(`| page | ${categories.join(" | ")} |`);
console.log(`| --- | ${categories.map(() => "---:").join(" | ")} |`);
for (const { url, summary } of manifest) {
  console.log(`| ${new URL(url).pathname} | ${categories.map((c) => summary[c]?.toFixed(2) ?? "–").join(" | ")} |`);
}
