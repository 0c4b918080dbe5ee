// Typed access to the validated records the generate stage writes as JSON (src/generated/data/).
import type {
  Appropriation,
  DelphiCategory,
  DelphiItem,
  Finding,
  KeyMessage,
  Literature,
  Offer,
  OfferUpdate,
  WebAddress,
  Place,
  Provider,
  ReferralFact,
  Source,
  Statistic,
  StatisticsTable,
  TableItem,
  SourceTable,
  KeyFigure,
} from "./pipeline/schema/datasets.ts";
import { sitePages } from "./addresses.ts";
import appropriationsJson from "./generated/data/appropriations.json";
import delphiCategoriesJson from "./generated/data/delphi_categories.json";
import delphiItemsJson from "./generated/data/delphi_items.json";
import findingsJson from "./generated/data/findings.json";
import keyMessagesJson from "./generated/data/key_messages.json";
import literatureJson from "./generated/data/literature.json";
import offersJson from "./generated/data/offers.json";
import offerUpdatesJson from "./generated/data/offer_updates.json";
import webAddressesJson from "./generated/data/web_addresses.json";
import placesJson from "./generated/data/places.json";
import providersJson from "./generated/data/providers.json";
import referralFactsJson from "./generated/data/referral_facts.json";
import sourcesJson from "./generated/data/sources.json";
import statisticsJson from "./generated/data/statistics.json";
import { readerLocation } from "./sourceLocation.ts";
import statisticsTablesJson from "./generated/data/statistics_tables.json";
import tableItemsJson from "./generated/data/table_items.json";
import sourceTablesJson from "./generated/data/source_tables.json";
import keyFiguresJson from "./generated/data/key_figures.json";

export const sources = sourcesJson as Source[];
export const appropriations = appropriationsJson as Appropriation[];
export const offers = offersJson as Offer[];
export const offerUpdates = offerUpdatesJson as OfferUpdate[];
export const webAddresses = webAddressesJson as WebAddress[];
export const providers = providersJson as Provider[];
export const places = placesJson as Place[];
export const referralFacts = referralFactsJson as ReferralFact[];
export const statisticsTables = statisticsTablesJson as StatisticsTable[];
export const statistics = statisticsJson as Statistic[];
export const tableItems = tableItemsJson as TableItem[];
export const sourceTables = sourceTablesJson as SourceTable[];
export const keyFigures = (keyFiguresJson as KeyFigure[]).slice().sort((a, b) => a.figure_order - b.figure_order);
export const delphiCategories = delphiCategoriesJson as DelphiCategory[];
export const delphiItems = delphiItemsJson as DelphiItem[];
export const literature = literatureJson as Literature[];
export const findings = findingsJson as Finding[];
export const keyMessages = keyMessagesJson as KeyMessage[];

export function sourceById(id: string): Source {
  const source = sources.find((s) => s.id === id);
  if (!source) throw new Error(`Unknown source id ${id}`);
  return source;
}

/** Where each dataset is shown on the site, so a source page can link to the figures it feeds. */
const datasetPages: { title: string; href: string; rows: { source_id: string; source_location: string }[] }[] = [
  { title: "Bevilgninger 2007–2018", href: sitePages.appropriations, rows: appropriations },
  { title: "Tilbudsoversikten", href: sitePages.offers, rows: offers },
  { title: "Tilbudsoversikten (beskrivelser fra 2020/21)", href: sitePages.offers, rows: offerUpdates },
  { title: "Tilbudsoversikten (nettadresser)", href: sitePages.offers, rows: webAddresses },
  { title: "Slik henviser du", href: sitePages.referral, rows: referralFacts },
  { title: "Statistikktabeller", href: sitePages.tables, rows: statistics },
  { title: "Statistikktabeller (lister)", href: sitePages.tables, rows: tableItems },
  { title: "Nøkkeltall", href: sitePages.keyFigures, rows: keyFigures },
  { title: "Delphi-studien: kategorier", href: sitePages.delphi, rows: delphiCategories },
  { title: "Delphi-studien: utfordringer og endringsforslag", href: sitePages.delphi, rows: delphiItems },
  { title: "Litteratur: oversikter og studier", href: sitePages.studies, rows: literature },
  { title: "Hovedfunn", href: sitePages.findings, rows: findings },
];

export function rowsCitingSource(sourceId: string) {
  return datasetPages
    .map(({ title, href, rows }) => {
      const citing = rows.filter((r) => r.source_id === sourceId);
      return { title, href, rows: citing.length, locations: [...new Set(citing.map((r) => readerLocation(r.source_location)))] };
    })
    .filter((d) => d.rows > 0);
}
