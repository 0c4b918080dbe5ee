// The data model: every dataset (one file each in datasets/), its columns and vocabularies. Pages, components and
// charts import the model from here; the pipeline reads, checks and generates from it.
export * from "./vocabularies.ts";
export { sources, type Source } from "./datasets/sources.ts";
export { appropriations, type Appropriation } from "./datasets/appropriations.ts";
export { places, type Place } from "./datasets/places.ts";
export { providers, type Provider } from "./datasets/providers.ts";
export { offers, offerRoutes, type Offer } from "./datasets/offers.ts";
export { offerUpdates, type OfferUpdate } from "./datasets/offer_updates.ts";
export { webAddresses, type WebAddress } from "./datasets/web_addresses.ts";
export { referralFacts, type ReferralFact } from "./datasets/referral_facts.ts";
export { statisticsTables, type StatisticsTable } from "./datasets/statistics_tables.ts";
export { statistics, type Statistic } from "./datasets/statistics.ts";
export { tableItems, type TableItem } from "./datasets/table_items.ts";
export { sourceTables, type SourceTable } from "./datasets/source_tables.ts";
export { keyFigures, type KeyFigure } from "./datasets/key_figures.ts";
export { delphiCategories, type DelphiCategory } from "./datasets/delphi_categories.ts";
export { delphiItems, type DelphiItem } from "./datasets/delphi_items.ts";
export { literature, type Literature } from "./datasets/literature.ts";
export { findings, type Finding } from "./datasets/findings.ts";
export { keyMessages, type KeyMessage } from "./datasets/key_messages.ts";

import { sources } from "./datasets/sources.ts";
import { appropriations } from "./datasets/appropriations.ts";
import { places } from "./datasets/places.ts";
import { providers } from "./datasets/providers.ts";
import { offers } from "./datasets/offers.ts";
import { offerUpdates } from "./datasets/offer_updates.ts";
import { webAddresses } from "./datasets/web_addresses.ts";
import { referralFacts } from "./datasets/referral_facts.ts";
import { statisticsTables } from "./datasets/statistics_tables.ts";
import { statistics } from "./datasets/statistics.ts";
import { tableItems } from "./datasets/table_items.ts";
import { sourceTables } from "./datasets/source_tables.ts";
import { keyFigures } from "./datasets/key_figures.ts";
import { delphiCategories } from "./datasets/delphi_categories.ts";
import { delphiItems } from "./datasets/delphi_items.ts";
import { literature } from "./datasets/literature.ts";
import { findings } from "./datasets/findings.ts";
import { keyMessages } from "./datasets/key_messages.ts";

/** Every dataset, in the order they are read: a dataset is read before any dataset that refers to it. */
export const datasets = [
  sources,
  appropriations,
  places,
  providers,
  offers,
  offerUpdates,
  webAddresses,
  referralFacts,
  statisticsTables,
  statistics,
  tableItems,
  sourceTables,
  keyFigures,
  delphiCategories,
  delphiItems,
  literature,
  findings,
  keyMessages,
] as const;
