/** What the pages need to know of the archive: the releases, their pages, and whether one shows today's data. */
export interface ArchiveSummary {
  releases: { version: string; date: string; pages: string[]; showsCurrentData: boolean }[];
}
