import { describe, expect, it } from "vitest";
import { bundleOf, planBundles, type PageFile } from "../src/pipeline/search/searchBundles.ts";

const pagesOf = (n: number, bytes: number): PageFile[] => Array.from({ length: n }, (_, i) => ({ file: `kunnskap/studier/s${i}/index.html`, bytes }));
const filesOf = (plans: { files: string[] }[]) => plans.flatMap((p) => p.files);

describe("the search index's bundles", () => {
  it("are as many as the budget asks for, the primary one first, with every page in exactly one", () => {
    // 300 pages of 1 000 bytes in bundles of at most 100 000 bytes on average: 3 bundles.
    const pages = pagesOf(300, 1000);
    const plans = planBundles(pages, 100_000, 1);
    expect(plans.map((p) => p.name)).toEqual(["", "2", "3"]);
    expect(filesOf(plans).sort()).toEqual(pages.map((p) => p.file).sort());
    expect(new Set(filesOf(plans)).size).toBe(300);
    // Drawn by a hash, the bundles come out of about the same size.
    for (const plan of plans) expect(plan.files.length, plan.name).toBeGreaterThan(60);
  });

  it("are never fewer than the minimum, also for a small site", () => {
    expect(planBundles(pagesOf(40, 10), 1_000_000, 2).map((p) => p.name)).toEqual(["", "2"]);
    expect(planBundles(pagesOf(40, 10), 1_000_000).length).toBe(2);
    expect(planBundles(pagesOf(40, 10), 1_000_000, 1).map((p) => p.name)).toEqual([""]);
  });

  it("are never more than the maximum, however large the site: the search page asks each of them", () => {
    expect(planBundles(pagesOf(400, 1000), 1000, 2, 16).length).toBe(16);
    expect(planBundles(pagesOf(400, 1000), 1000, 2, 17).length).toBe(17);
    expect(planBundles(pagesOf(400, 1000), 100_000, 2, 16).length).toBe(4);
  });

  it("always have the primary bundle, which the search page loads Pagefind from, and no other empty one", () => {
    expect(planBundles([], 100, 3)).toEqual([{ name: "", files: [] }]);
    // One page, three bundles: the primary one, and the page's own if that is another.
    const one = planBundles([{ file: "om/index.html", bytes: 10 }], 100, 3);
    expect(one[0]!.name).toBe("");
    expect(filesOf(one)).toEqual(["om/index.html"]);
    expect(one.slice(1).every((p) => p.files.length === 1)).toBe(true);
    expect(one.length).toBeLessThanOrEqual(2);
  });

  it("keep each page where it was when other pages come and go, so an unchanged bundle can be taken from the cache", () => {
    const before = planBundles(pagesOf(100, 1000), 40_000, 1);
    const after = planBundles([...pagesOf(100, 1000), { file: "tilbud/ny/index.html", bytes: 1000 }].filter((p) => p.file !== "kunnskap/studier/s7/index.html"), 40_000, 1);
    expect(after.map((p) => p.name)).toEqual(before.map((p) => p.name));
    for (const [i, plan] of before.entries()) {
      const kept = plan.files.filter((f) => f !== "kunnskap/studier/s7/index.html");
      expect(after[i]!.files.filter((f) => f !== "tilbud/ny/index.html"), plan.name).toEqual(kept);
    }
  });

  it("are drawn by the page's path alone, and in files' order", () => {
    expect(bundleOf("om/index.html", 5)).toBe(bundleOf("om/index.html", 5));
    const order = pagesOf(50, 1000).map((p) => p.file);
    for (const plan of planBundles(pagesOf(50, 1000), 10_000, 1)) {
      const positions = plan.files.map((f) => order.indexOf(f));
      expect(positions, plan.name).toEqual([...positions].sort((a, b) => a - b));
    }
    const distinct = new Set(pagesOf(50, 0).map((p) => bundleOf(p.file, 5)));
    expect(distinct.size).toBe(5);
  });
});
