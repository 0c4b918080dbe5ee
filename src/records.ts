// Typed access to the validated records the generate stage writes as JSON (src/generated/data/<dataset>.json).
import * as model from "./model/datasets.ts";
import type { Dataset, RecordOf } from "./model/dataset.ts";
import type { Source } from "./model/datasets.ts";
import { sitePages } from "./addresses.ts";
import { readerLocation } from "./sourceLocation.ts";
import { generatedFile } from "./generatedFiles.ts";

const parsed = new Map<string, unknown[]>();

/** A dataset's validated records, typed by its columns (numbers, booleans, lists); read once per build. */
export function recordsOf<D extends Dataset>(dataset: D): RecordOf<D>[] {
  let records = parsed.get(dataset.name);
  if (!records) {
    const json = generatedFile(`data/${dataset.name}.json`, `No records of ${dataset.name} in src/generated/data; run the build (npm run build)`);
    parsed.set(dataset.name, (records = JSON.parse(json) as unknown[]));
  }
  return records as RecordOf<D>[];
}

export const sources = recordsOf(model.sources);
export const appropriations = recordsOf(model.appropriations);
export const offers = recordsOf(model.offers);
export const offerUpdates = recordsOf(model.offerUpdates);
export const webAddresses = recordsOf(model.webAddresses);
export const providers = recordsOf(model.providers);
export const places = recordsOf(model.places);
export const referralFacts = recordsOf(model.referralFacts);
export const statisticsTables = recordsOf(model.statisticsTables);
export const statistics = recordsOf(model.statistics);
export const tableItems = recordsOf(model.tableItems);
export const sourceTables = recordsOf(model.sourceTables);
export const keyFigures = recordsOf(model.keyFigures).slice().sort((a, b) => a.figure_order - b.figure_order);
export const delphiCategories = recordsOf(model.delphiCategories);
export const delphiItems = recordsOf(model.delphiItems);
export const literature = recordsOf(model.literature);
export const findings = recordsOf(model.findings);
export const keyMessages = recordsOf(model.keyMessages);

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
