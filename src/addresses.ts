// Every internal address of the site, in one place. Pages, components, charts, the sitemap and citation files,
// search and the verify stage take their links from here, so each kind of address is spelled once.
// Pure: no data and nothing from src/pipeline/, so a browser script can import it as well as a page.
import type { FindingTheme, ReviewGroup } from "./evidence.ts";
import type { Region, TargetGroup } from "./offers.ts";

/** A Norwegian name as a value in an address or a filter: "Helse Sør-Øst" → "helse-sor-ost", "Møre og Romsdal" → "more-og-romsdal". */
const slug = (name: string): string =>
  name.toLowerCase().replace(/æ/g, "ae").replace(/ø/g, "o").replace(/å/g, "a").replace(/\s+/g, "-");

export const regionSlug = (region: Region): string => slug(region);

/** A county as a filter value in the URL: "Møre og Romsdal" → "more-og-romsdal". */
export const countySlug = (county: string): string => slug(county);

/** "#x" after an address when there is an anchor. */
const at = (href: string, anchor?: string): string => (anchor ? `${href}#${anchor}` : href);

/** Pages and files that are one of a kind. */
export const sitePages = {
  home: "/",
  offers: "/tilbud/",
  referral: "/tilbud/slik-henviser-du/",
  offerMap: "/tilbud/kart/",
  patientList: "/tilbud/pasientliste/",
  statistics: "/statistikk/",
  keyFigures: "/statistikk/nokkeltall/",
  figures: "/statistikk/figurer/",
  tables: "/statistikk/tabeller/",
  appropriations: "/statistikk/bevilgninger/",
  knowledge: "/kunnskap/",
  studies: "/kunnskap/studier/",
  findings: "/kunnskap/funn/",
  delphi: "/kunnskap/delphi-studien/",
  sources: "/kilder/",
  whatIs: "/hva-er-helse-og-arbeid/",
  about: "/om/",
  changes: "/om/endringer/",
  accessibility: "/om/tilgjengelighet/",
  search: "/sok/",
  data: "/data/",
  archive: "/arkiv/",
  notFound: "/404.html",
  changesFeed: "/endringer.xml",
  sitemap: "/sitemap.xml",
  dataPackage: "/data/datapackage.json",
  hsdsPackage: "/data/hsds/datapackage.json",
  /** The index's words, for the search page's typo correction. */
  searchWords: "/sok/ordliste.json",
  /** Pagefind's script, written with the search index. */
  searchScript: "/pagefind/pagefind.js",
  /** The worker Pagefind's script starts to search in (the server gives it the search page's policy). */
  searchWorker: "/pagefind/pagefind-worker.js",
  /** The addresses of the index's other bundles, which the search page merges with the one its script comes with. */
  searchBundles: "/pagefind/bundles.json",
} as const;

/** A section's start page: "tilbud" → "/tilbud/". */
export const sectionHref = (section: string): string => `/${section}/`;
/** A page written from an MDX entry: "statistikk/aktivitet" → "/statistikk/aktivitet/". */
export const contentPageHref = (entryId: string): string => `/${entryId}/`;
/** The MDX entry of a page's address: "/kilder/x/" → "kilder/x". */
export const contentEntryOf = (href: string): string => href.replace(/^\/|\/$/g, "");

// Sources
export const sourceHref = (id: string, anchor?: string): string => at(`/kilder/${id}/`, anchor);

// Offers
export const offerHref = (id: string): string => `/tilbud/${id}/`;
export const regionHref = (region: Region, anchor?: string): string => at(`/tilbud/region/${regionSlug(region)}/`, anchor);
export const targetGroupHref = (group: TargetGroup): string => `/tilbud/malgruppe/${group}/`;
/** The offer directory filtered to one place, at its list. */
export const offersAtPlaceHref = (placeId: string): string => `${sitePages.offers}?sted=${placeId}#alle-tilbud`;
/** The query parameter of the patient list that names the chosen offers. */
export const patientListParam = "tilbud";
/** The patient list for these offers: "/tilbud/pasientliste/?tilbud=a,b", or every offer when none is chosen. */
export const patientListHref = (ids: readonly string[]): string =>
  ids.length ? `${sitePages.patientList}?${patientListParam}=${ids.join(",")}` : sitePages.patientList;

// Statistics
export const tableHref = (id: string): string => `/statistikk/tabeller/${id}/`;
export const tableCsvHref = (id: string): string => `/statistikk/tabeller/${id}.csv`;
/** The same cells for Norwegian Excel (semicolons, decimal comma). */
export const tableExcelHref = (id: string): string => `/statistikk/tabeller/excel/${id}.csv`;
export const keyFigureHref = (id: string): string => at(sitePages.keyFigures, id);
export type FigureFormat = "svg" | "png" | "csv";
/** A chart's file: "/figurer/x.svg", its PNG, or its data as CSV. */
export const figureHref = (id: string, format: FigureFormat): string => `/figurer/${id}.${format}`;
/** A chart where a page shows it: "/statistikk/aktivitet/#x". */
export const figureOnPageHref = (pageHref: string, id: string): string => at(pageHref, id);

// Knowledge
export const studyHref = (id: string): string => `/kunnskap/studier/${id}/`;
/** The systematic reviews of one group. */
export const overviewHref = (group: ReviewGroup): string => `/kunnskap/oversikter/${group}/`;
/** The findings of one theme. */
export const findingThemeHref = (theme: FindingTheme): string => `/kunnskap/tema/${theme}/`;

// Open data
/** A dataset's or the HSDS package's part of the open-data page: "/data/#offers". */
export const dataSectionHref = (id: string): string => at(sitePages.data, id);
export const datasetCsvHref = (name: string): string => `/data/${name}.csv`;
export const datasetJsonHref = (name: string): string => `/data/${name}.json`;
/** The same records for Norwegian Excel: semicolons, decimal comma, byte order mark (src/excelCsv.ts). */
export const datasetExcelHref = (name: string): string => `/data/excel/${name}.csv`;
/** A file of the HSDS data package: "organizations.csv" → "/data/hsds/organizations.csv". */
export const hsdsFileHref = (file: string): string => `/data/hsds/${file}`;

// Search
/** A folder of Pagefind's files named by their content hash (kept a year by browsers): "fragment" → "/pagefind/fragment/". */
export const searchIndexFolderHref = (folder: "fragment" | "index" | "filter"): string => `/pagefind/${folder}/`;
/** The index's primary bundle, with Pagefind's script, which the search page loads. */
export const primarySearchBundleHref = "/pagefind/";
/** Where the index's other bundles are, each in a folder named by its content (kept a year by browsers). */
export const searchBundlesFolderHref = "/pagefind/deler/";
/** A merged bundle's folder: ("2", "0a1b2c3d4e") → "/pagefind/deler/2-0a1b2c3d4e/". */
export const searchBundleHref = (name: string, contentHash: string): string => `${searchBundlesFolderHref}${name}-${contentHash}/`;
export const searchHref = (query: string): string => `${sitePages.search}?q=${encodeURIComponent(query)}`;

// Releases and archive
/** A release's section on the changes page: "2026.12.1" → "utgave-2026-12-1". */
export const releaseAnchor = (version: string): string => `utgave-${version.replaceAll(".", "-")}`;
export const releaseHref = (version: string): string => at(sitePages.changes, releaseAnchor(version));
/** The address of a page in a release's archive: ("2026.11.0", "/tilbud/x/") → "/arkiv/2026.11.0/tilbud/x/". */
export const archiveHref = (version: string, href = "/"): string => `${sitePages.archive}${version}${href}`;

// Files made for every page
/** A page's path as one file-name-safe word: "/tilbud/x/" → "tilbud-x", "/" → "forside". */
export function pageSlug(pathname: string): string {
  return pathname.replace(/^\/|\/$/g, "").replace(/[^a-z0-9]+/gi, "-").toLowerCase() || "forside";
}
/** A page's citation file: ("/tilbud/x/", "bib") → "/sitering/tilbud-x.bib". */
export const citationFileHref = (pathname: string, format: "bib" | "ris"): string => `/sitering/${pageSlug(pathname)}.${format}`;
/** The image shown when a page is shared: "/tilbud/x/" → "/delingsbilder/tilbud-x.png". */
export const previewImageHref = (pathname: string): string => `/delingsbilder/${pageSlug(pathname)}.png`;

// Addresses and built files
/** The file behind a site address: "/tilbud/x/?a#b" → "tilbud/x/index.html"; "/figurer/a.csv" → "figurer/a.csv". */
export function fileOfHref(href: string): string {
  const pathname = href.replace(/[?#].*$/, "").replace(/^\//, "");
  return pathname === "" || pathname.endsWith("/") ? `${pathname}index.html` : pathname;
}

/** The site address of a built file: "tilbud/x/index.html" → "/tilbud/x/"; "figurer/a.csv" → "/figurer/a.csv". */
export const hrefOfFile = (rel: string): string => `/${rel.replace(/(^|\/)index\.html$/, "$1")}`;
