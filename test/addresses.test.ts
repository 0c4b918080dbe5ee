import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  archiveHref,
  citationFileHref,
  contentEntryOf,
  contentPageHref,
  countySlug,
  dataSectionHref,
  datasetCsvHref,
  datasetExcelHref,
  datasetJsonHref,
  figureHref,
  figureOnPageHref,
  fileOfHref,
  findingThemeHref,
  hrefOfFile,
  hsdsFileHref,
  keyFigureHref,
  offerHref,
  offersAtPlaceHref,
  overviewHref,
  pageSlug,
  patientListHref,
  previewImageHref,
  regionHref,
  regionSlug,
  releaseAnchor,
  releaseHref,
  searchBundleHref,
  searchHref,
  sectionHref,
  sitePages,
  sourceHref,
  studyHref,
  tableCsvHref,
  tableExcelHref,
  tableHref,
  targetGroupHref,
} from "../src/addresses.ts";

// Written out by hand on purpose: a change to any of these is a change to a published address.
describe("the site's addresses", () => {
  it("gives each kind of page its address", () => {
    expect(sourceHref("snf-2008-implementering")).toBe("/kilder/snf-2008-implementering/");
    expect(sourceHref("snf-2008-implementering", "funn-1")).toBe("/kilder/snf-2008-implementering/#funn-1");
    expect(offerHref("hso-modum-bad")).toBe("/tilbud/hso-modum-bad/");
    expect(regionHref("Helse Sør-Øst")).toBe("/tilbud/region/helse-sor-ost/");
    expect(regionHref("Helse Midt-Norge", "henvisning")).toBe("/tilbud/region/helse-midt-norge/#henvisning");
    expect(targetGroupHref("psykisk-helse")).toBe("/tilbud/malgruppe/psykisk-helse/");
    expect(offersAtPlaceHref("tromso")).toBe("/tilbud/?sted=tromso#alle-tilbud");
    expect(patientListHref(["a", "b"])).toBe("/tilbud/pasientliste/?tilbud=a,b");
    expect(patientListHref([])).toBe("/tilbud/pasientliste/");
    expect(tableHref("foa-2-1")).toBe("/statistikk/tabeller/foa-2-1/");
    expect(tableCsvHref("foa-2-1")).toBe("/statistikk/tabeller/foa-2-1.csv");
    expect(tableExcelHref("foa-2-1")).toBe("/statistikk/tabeller/excel/foa-2-1.csv");
    expect(keyFigureHref("unike-pasienter")).toBe("/statistikk/nokkeltall/#unike-pasienter");
    expect(figureHref("bevilgninger-per-ar", "svg")).toBe("/figurer/bevilgninger-per-ar.svg");
    expect(figureHref("bevilgninger-per-ar", "png")).toBe("/figurer/bevilgninger-per-ar.png");
    expect(figureHref("bevilgninger-per-ar", "csv")).toBe("/figurer/bevilgninger-per-ar.csv");
    expect(figureOnPageHref("/statistikk/bevilgninger/", "bevilgninger-per-ar")).toBe("/statistikk/bevilgninger/#bevilgninger-per-ar");
    expect(studyHref("joosen-2015")).toBe("/kunnskap/studier/joosen-2015/");
    expect(overviewHref("psykiske-lidelser")).toBe("/kunnskap/oversikter/psykiske-lidelser/");
    expect(findingThemeHref("samhandling")).toBe("/kunnskap/tema/samhandling/");
    expect(dataSectionHref("statistics_tables")).toBe("/data/#statistics_tables");
    expect(datasetCsvHref("offers")).toBe("/data/offers.csv");
    expect(datasetJsonHref("offers")).toBe("/data/offers.json");
    expect(datasetExcelHref("offers")).toBe("/data/excel/offers.csv");
    expect(hsdsFileHref("organizations.csv")).toBe("/data/hsds/organizations.csv");
    expect(searchHref("ventetid rygg")).toBe("/sok/?q=ventetid%20rygg");
    expect(searchBundleHref("2", "0a1b2c3d4e")).toBe("/pagefind/deler/2-0a1b2c3d4e/");
    expect(releaseAnchor("2026.12.1")).toBe("utgave-2026-12-1");
    expect(releaseHref("2026.12.1")).toBe("/om/endringer/#utgave-2026-12-1");
    expect(archiveHref("2026.11.0")).toBe("/arkiv/2026.11.0/");
    expect(archiveHref("2026.11.0", "/tilbud/x/")).toBe("/arkiv/2026.11.0/tilbud/x/");
    expect(citationFileHref("/tilbud/x/", "bib")).toBe("/sitering/tilbud-x.bib");
    expect(citationFileHref("/", "ris")).toBe("/sitering/forside.ris");
    expect(previewImageHref("/tilbud/region/helse-vest/")).toBe("/delingsbilder/tilbud-region-helse-vest.png");
    expect(sectionHref("kunnskap")).toBe("/kunnskap/");
    expect(contentPageHref("statistikk/aktivitet")).toBe("/statistikk/aktivitet/");
  });

  it("names the pages that are one of a kind", () => {
    expect(sitePages).toEqual({
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
      searchWords: "/sok/ordliste.json",
      searchScript: "/pagefind/pagefind.js",
      searchBundles: "/pagefind/bundles.json",
      searchWorker: "/pagefind/pagefind-worker.js",
    });
  });

  it("turns names into address words", () => {
    expect(regionSlug("Helse Midt-Norge")).toBe("helse-midt-norge");
    expect(countySlug("Møre og Romsdal")).toBe("more-og-romsdal");
    expect(countySlug("Trøndelag")).toBe("trondelag");
    expect(countySlug("Sør-Trøndelag")).toBe("sor-trondelag");
    expect(countySlug("Æra  Åsen")).toBe("aera-asen");
    expect(pageSlug("/tilbud/x/")).toBe("tilbud-x");
    expect(pageSlug("/")).toBe("forside");
    expect(pageSlug("/Kunnskap/tema/angst & depresjon/")).toBe("kunnskap-tema-angst-depresjon");
  });

  it("maps addresses to built files and back", () => {
    expect(fileOfHref("/tilbud/x/?a=1#b")).toBe("tilbud/x/index.html");
    expect(fileOfHref("/")).toBe("index.html");
    expect(fileOfHref("/figurer/a.csv#x")).toBe("figurer/a.csv");
    expect(hrefOfFile("tilbud/x/index.html")).toBe("/tilbud/x/");
    expect(hrefOfFile("index.html")).toBe("/");
    expect(hrefOfFile("figurer/a.csv")).toBe("/figurer/a.csv");
    expect(hrefOfFile("figurer/index.html.csv")).toBe("/figurer/index.html.csv");
    expect(contentEntryOf(sourceHref("snf-2008-implementering"))).toBe("kilder/snf-2008-implementering");
  });
});

describe("addresses outside src/addresses.ts", () => {
  const root = path.resolve(import.meta.dirname, "..");
  const srcDir = path.join(root, "src");
  const skipped = new Set([path.join(srcDir, "addresses.ts"), path.join(srcDir, "generated")]);
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (skipped.has(full)) continue;
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|astro|mjs|mdx)$/.test(entry.name)) files.push(full);
    }
  };
  walk(srcDir);

  /** Lines that are comments (examples in doc comments are not addresses the site uses). */
  const isComment = (line: string) => /^\s*(\/\/|\/\*|\*|\{\/\*|<!--)/.test(line);
  const sections = "tilbud|kilder|statistikk|figurer|kunnskap|data|arkiv|sok|om|sitering|delingsbilder|pagefind";
  const patterns: [string, RegExp][] = [
    // An address put together from a template: `/kilder/${id}/`, `/tilbud/?sted=${p}`, `/${entry.id}/`.
    ["address built by hand", /`\/[\w\-/.?=&#]*\$\{/],
    // A page of a section written out in full: "/kilder/snf-2008-implementering/", href="/tilbud/".
    ["address written out", new RegExp(`["'\`]/(?:${sections})(?:[/.?#][^"'\`\\s]*)?["'\`]`)],
  ];

  it("builds no internal address by hand", () => {
    const found: string[] = [];
    for (const file of files) {
      const lines = readFileSync(file, "utf8").split("\n");
      lines.forEach((line, i) => {
        if (isComment(line)) return;
        for (const [what, pattern] of patterns) {
          if (pattern.test(line)) found.push(`${path.relative(root, file)}:${i + 1}: ${what}: ${line.trim()}`);
        }
      });
    }
    expect(found, `use a function of src/addresses.ts instead:\n${found.join("\n")}`).toEqual([]);
  });
});
