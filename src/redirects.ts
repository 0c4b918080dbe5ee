import { sitePages } from "./addresses.ts";

/**
 * Addresses that have moved. A page's address comes from its id and is meant to last; when one must change
 * (an id corrected, a page renamed), add its old address here so links and citations keep working.
 * The build writes a page at each old address that sends the reader on, and stops if the old address is
 * still a page or the new one is not. The test suite also checks that every page of every archived
 * release is still a page or is listed here.
 */
export interface Redirect {
  from: string;
  to: string;
  /** When the address moved, YYYY-MM-DD. */
  date: string;
  why: string;
}

export const redirects: readonly Redirect[] = [
  {
    from: "/tilgjengelighetserklaering/",
    to: sitePages.accessibility,
    date: "2026-11-23",
    why: "Det vanlige navnet på siden hos offentlige nettsteder; erklæringen ligger under Om nettstedet.",
  },
  {
    from: "/raskere-tilbake/",
    to: sitePages.about,
    date: "2026-11-23",
    why: "Ordningens tidligere navn; siden Om nettstedet forklarer navnebyttet.",
  },
];
