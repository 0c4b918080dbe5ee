// The archived data releases (data/arkiv/), as the generate stage summarised them for the pages.
import type { ArchiveSummary } from "./model/archiveSummary.ts";
import { archiveHref } from "./addresses.ts";
import summaryJson from "./generated/data/archive.json";
import { dataRelease } from "./site.ts";

export const archivedReleases: ArchiveSummary["releases"] = summaryJson.releases;

// The release whose frozen copy shows the data the pages show now (a data change without a new release has none yet).
const current = archivedReleases.find((r) => r.version === dataRelease.version && r.showsCurrentData);
const frozenPages = new Set(current?.pages);

/** The address of a page's frozen copy in the current release's archive, if it has one. */
export const frozenCopyOf = (pathname: string): string | undefined =>
  current && frozenPages.has(pathname) ? archiveHref(current.version, pathname) : undefined;
