import { createHash } from "node:crypto";

/**
 * The search index is written as several Pagefind bundles that the search page merges: the primary one, whose
 * script the page loads, and the others. Each bundle is indexed by a Pagefind process of its own, one after
 * another, so the build's largest process is bounded by the largest bundle instead of growing with the site; and a
 * bundle whose pages gave Pagefind the same documents as before is taken from the cache instead of indexed again.
 *
 * Pages go to bundles by a hash of their path, not by section: the search page ranks the merged results by each
 * bundle's own scores, which weigh a word by how rare it is in that bundle. Bundles of a section each would rank a
 * study that names Bergen above Bergen's offers (Bergen is rare among studies); bundles drawn at random from the
 * whole site weigh words alike.
 */

/**
 * The most HTML a bundle is made from, on average. A rebuild indexes again only the bundles whose pages changed in
 * what search gets of them, so the smaller the bundles, the less it indexes after a small change: after one renamed
 * offer at 10× data, one bundle of four or five. Pagefind's process holds about 11 bytes per byte of HTML (443 MB for
 * 40 MB at 10×), some 110 MB for a bundle of 10 MB.
 */
export const bundleBudgetBytes = 10_000_000;

/**
 * Never fewer bundles than this, so every build merges bundles the way a large site must (and its tests check
 * that), and two smaller processes index a small site.
 */
export const minimumBundles = 2;

/**
 * Never more than this, as the search page asks every bundle for each query (at 100× data, 16 bundles of 25 MB instead
 * of 40 of 10 MB: Pagefind's process then holds about 300 MB).
 */
export const maximumBundles = 16;

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
 * The bundles of a site's pages, as many as `budget` bytes of HTML each asks for (at least `minimum`, at most
 * `maximum`): the primary one first (always there, as the search page loads Pagefind from it), then the others that
 * have pages. Files keep their order within a bundle.
 */
export function planBundles(pages: readonly PageFile[], budget = bundleBudgetBytes, minimum = minimumBundles, maximum = maximumBundles): BundlePlan[] {
  const bytes = pages.reduce((sum, p) => sum + p.bytes, 0);
  const count = Math.max(minimum, Math.min(maximum, Math.ceil(bytes / budget)));
  const plans: BundlePlan[] = Array.from({ length: count }, (_, i) => ({ name: i === 0 ? "" : String(i + 1), files: [] }));
  for (const page of pages) plans[bundleOf(page.file, count)]!.files.push(page.file);
  return plans.filter((plan) => plan.name === "" || plan.files.length > 0);
}
