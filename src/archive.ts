// The archived data releases (data/arkiv/), as the generate stage summarised them for the pages.
import type { ArchiveSummary } from "./pipeline/archive/releaseArchive.ts";
import summaryJson from "./generated/data/archive.json";
import { dataRelease } from "./site.ts";

export const archivedReleases: ArchiveSummary["releases"] = summaryJson.releases;

/**
 * The frozen copy of a page in the current release, when there is one and it shows the data the page
 * shows now (a data change without a new release has no frozen copy yet).
 */
export function frozenCopyOf(pathname: string): string | undefined {
  const release = archivedReleases.find((r) => r.version === dataRelease.version && r.showsCurrentData);
  return release?.pages.includes(pathname) ? `/arkiv/${release.version}${pathname}` : undefined;
}
