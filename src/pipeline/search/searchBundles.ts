import { createHash } from "node:crypto";

/**
 * The search index is written as several Pagefind bundles that the search page merges: the primary one, whose
 * script the page loads, and the others. Each bundle is indexed by a Pagefind process of its own, one after
 * another, so the build's largest process is bounded by the largest bundle instead of growing with the site; and a
 * bundle whose pages did not change is taken from the cache instead of indexed again.
 *
 * Pages go to bundles by a hash of their path, not by section: the search page ranks the merged results by each
 * bundle's own scores, which weigh a word by how rare it is in that bundle. Bundles of a section each would rank a
 * study that names Bergen above Bergen's offers (Bergen is rare among studies); bundles drawn at random from the
 * whole site weigh words alike.
 */

/**
 * The most HTML a bundle is made from, on average. Pagefind's process held about 11 bytes per byte of HTML at 10×
 * (443 MB for 40 MB), so bundles of 50 MB keep it under 1 GB at any scale.
 */
export const bundleBudgetBytes = 10_000_000;

/**
 * Never fewer bundles than this, so every build merges bundles the way a large site must (and its tests check
 * that), and two smaller processes index a small site.
 */
export const minimumBundles = 2;

export interface PageFile {
  /** Relative to the site: "tilbud/x/index.html". */
  file: string;
  bytes: number;
}

export interface BundlePlan {
  /** "" for the primary bundle; else the bundle's number: "2". */
  name: string;
  files: string[];
}

/** A page's bundle, by a hash of its path: a page stays in its bundle when other pages come and go. */
export function bundleOf(file: string, bundles: number): number {
  return createHash("sha1").update(file).digest().readUInt32BE(0) % bundles;
}

/**
 * The bundles of a site's pages, as many as `budget` bytes of HTML each asks for (at least `minimum`): the primary
 * one first (always there, as the search page loads Pagefind from it), then the others that have pages. Files keep
 * their order within a bundle.
 */
export function planBundles(pages: readonly PageFile[], budget = bundleBudgetBytes, minimum = minimumBundles): BundlePlan[] {
  const bytes = pages.reduce((sum, p) => sum + p.bytes, 0);
  const count = Math.max(minimum, Math.ceil(bytes / budget));
  const plans: BundlePlan[] = Array.from({ length: count }, (_, i) => ({ name: i === 0 ? "" : String(i + 1), files: [] }));
  for (const page of pages) plans[bundleOf(page.file, count)]!.files.push(page.file);
  return plans.filter((plan) => plan.name === "" || plan.files.length > 0);
}
