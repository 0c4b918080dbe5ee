import { sitePages } from "./addresses.ts";
import { resolveSiteConfig } from "./siteConfig.ts";

/** The published address and feedback e-mail, from SITE_URL and SITE_FEEDBACK_EMAIL (src/siteConfig.ts); without SITE_URL, a preview. */
const config = resolveSiteConfig();

/** Facts about the site and the current data release; shown in the footer and used in citations. */
export const site = {
  name: "Helse og arbeid – kunnskapsbank",
  /** The published address, ending in "/" (SITE_URL; astro.config.mjs reads the same). */
  url: config.url,
  /** A local preview: no real SITE_URL was set. Every page then says so and asks search engines to pass (noindex). */
  preview: config.preview,
  shortName: "Helse og arbeid",
  description:
    "Oppslagsverk om de arbeidsrettede helsetilbudene Helse og arbeid (tidligere Raskere tilbake): tilbud, statistikk og forskning.",
  lang: "nb",
  publisher: "Helse og arbeid – kunnskapsbank",
  licence: { name: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/deed.no" },
  /** Where «Meld fra om feil» on an offer page sends its e-mail (with the offer id in the subject); the editors' inbox (SITE_FEEDBACK_EMAIL, or redaksjonen@<host>). */
  feedbackEmail: config.feedbackEmail,
  /** false in a preview without SITE_FEEDBACK_EMAIL: the address is a stand-in, and the page says so. */
  feedbackEmailSet: config.feedbackEmailSet,
} as const;

/**
 * The address settings a page is built with. The same data built for another SITE_URL (or as a preview) is another
 * site: the build's input hash (src/pipeline/build.ts) and the cacheKey of every page (Astro's incremental build) hold them.
 */
export const siteSettings = JSON.stringify({ url: site.url, feedbackEmail: site.feedbackEmail, feedbackEmailSet: site.feedbackEmailSet, preview: site.preview });

/** The cacheKey of a path keyed by a hash of what it shows (`shown`): the address settings and that hash. */
export const cacheKeyOf = (shown: string): string => `${siteSettings} ${shown}`;

/** Every data release, newest first: what changed in data/ and on the site. Add one when data/ changes. */
export const releases = [
  {
    version: "2026.12.3",
    date: "2026-12-05",
    title: "Rad- og kolonnenavn med egne ord",
    changes: [
      "Statistikk: i 22 tabeller var rad- eller kolonnenavnene hele spørsmål fra spørreundersøkelsene eller lange diagnosenavn, skrevet av ord for ord. De er nå kortere og med våre ord; tabellsiden sier det og viser hvor ordlyden står i kilden. Tallene er de samme.",
    ],
  },
  {
    version: "2026.12.2",
    date: "2026-12-05",
    title: "Tallene i teksten regnes ut fra dataene",
    changes: [
      "Nøkkeltall: antallet eksperter i Delphi-studien (32) er nå et nøkkeltall med kildelinje. Delphi-siden regner ut utfordringer, endringsforslag, meningsenheter og den største kategorien fra dataene.",
      "Antallet forskningsdokumenter, andelen oversikter fra 2017 og senere og setningen om fastlegene i Helse Nord skrives ut fra dataene, så de endres når dataene endres.",
    ],
  },
  {
    version: "2026.12.1",
    date: "2026-12-04",
    title: "Alle tabellene i kildene",
    changes: [
      "Statistikk: 114 av de 117 tabellene i de fem kildedokumentene står nå på nettstedet, med 61 nye tabellsider, 8 037 celler og 302 punkter i tabeller med ord. Listen over alle tabellene sier hvor hver står, og hvorfor tre er utelatt.",
      "Celler som er plassert ut fra dokumentets egen tekst fordi overskriften mangler, er merket «plassering utledet»; verdier som ikke kan plasseres sikkert, står under «Ikke plassert».",
      "Nøkkeltall: de mest siterte tallene med definisjon, periode, forbehold og vei til tabellen, blant dem unike pasienter, bevilgninger med NAVs andel, henvisninger, effektene og kostnaden.",
      "Hver tabell og hvert datasett kan lastes ned for norsk Excel (semikolon og desimalkomma).",
    ],
  },
  {
    version: "2026.12.0",
    date: "2026-12-04",
    title: "Første datautgave",
    changes: [
      "Alt er skrevet med våre egne ord: funn, oversiktenes mål og konklusjoner, tilbudsbeskrivelser og henvisningsregler. Bare navn, titler, tall og korte uttrykk for hvor sikker kunnskapen er, står slik kildene skriver dem.",
      "Tilbudsoversikten: 75 tilbud fra tabell 4.20–4.23 (våren 2019) og beskrivelsene fra 2020/21, med hvert tilbuds egne henvisningsregler, steder og fylker.",
      "Statistikk: 2 352 celler fra 43 tabeller, med egne korte titler, figurer og nedlastbare data.",
      "Kunnskap: 66 systematiske oversikter og 37 andre arbeider fra litteraturgjennomgangen, 132 hovedfunn fra de fem kildedokumentene og Delphi-studien.",
    ],
  },
] as const;

/** The current data release, shown in the footer and used in every citation. */
export const dataRelease = { version: releases[0].version, date: releases[0].date } as const;

export const navigation = [
  { href: sitePages.offers, label: "Tilbud" },
  { href: sitePages.statistics, label: "Statistikk" },
  { href: sitePages.knowledge, label: "Kunnskap" },
  { href: sitePages.sources, label: "Kilder" },
  { href: sitePages.whatIs, label: "Hva er Helse og arbeid?" },
  { href: sitePages.about, label: "Om" },
] as const;
