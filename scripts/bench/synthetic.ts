// Synthetic data in the real schemas at k times the shipped data, reproducible from a seed: each replicated
// dataset gets k copies of its rows with ids suffixed "-k2", "-k3" …, references rewired to the same copy,
// and numbers jittered by a seeded generator so copies are not identical pages.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { csvFormatRows, csvParseRows } from "d3-dsv";
import { datasets } from "../../src/model/datasets.ts";

/**
 * Datasets whose rows are copied; the rest (sources, places, categories …) stay as they are. Providers are copied
 * with their offers, so a provider has as many offers at 10× as now: with one set of providers, each offer page
 * listed the provider's other offers, and pages grew with the square of the scale. The referral facts (how to refer, per
 * region) are the same however many offers there are, and every offer page shows its region's.
 */
const replicated = new Set(["providers", "offers", "offer_updates", "statistics_tables", "statistics", "literature", "findings", "key_messages", "delphi_items"]);

/** mulberry32: a small seeded PRNG, so the same seed gives the same data. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function writeSyntheticData(fromDir: string, toDir: string, scale: number, seed: number): Promise<number> {
  const rand = random(seed);
  let rows = 0;
  for (const dataset of datasets) {
    const [header, ...body] = csvParseRows(await readFile(path.join(fromDir, dataset.file), "utf8"));
    const out = [...body];
    if (replicated.has(dataset.name)) {
      for (let copy = 2; copy <= scale; copy++) {
        for (const row of body) {
          const next = [...row];
          header!.forEach((name, i) => {
            const column = (dataset.columns as Record<string, { references?: string; field: { type: string } }>)[name];
            if (!column || next[i] === "") return;
            const suffix = (id: string) => `${id}-k${copy}`;
            if (name === dataset.key) next[i] = suffix(next[i]!);
            else if (column.references && replicated.has(column.references)) next[i] = next[i]!.split(";").map((v) => suffix(v.trim())).join("; ");
            else if (name === "value" && column.field.type === "number") next[i] = String(Math.round(Number(next[i]) * (0.8 + rand() * 0.2)));
          });
          out.push(next);
        }
      }
    }
    rows += out.length;
    await writeFile(path.join(toDir, dataset.file), csvFormatRows([header!, ...out]) + "\n");
  }
  return rows;
}
