/** Facts about the site and the current data release; shown in the footer and used in citations. */
export const site = {
  name: "Helse og arbeid – kunnskapsbank",
  shortName: "Helse og arbeid",
  description:
    "Oppslagsverk om de arbeidsrettede helsetilbudene Helse og arbeid (tidligere Raskere tilbake): tilbud, statistikk og forskning.",
  lang: "nb",
  publisher: "Helse og arbeid – kunnskapsbank",
  licence: { name: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/deed.no" },
} as const;

/** The data release: bump both when data/ changes. */
export const dataRelease = { version: "2026.11.0", date: "2026-11-23" } as const;

export const navigation = [
  { href: "/tilbud/", label: "Tilbud" },
  { href: "/statistikk/", label: "Statistikk" },
  { href: "/kunnskap/", label: "Kunnskap" },
  { href: "/kilder/", label: "Kilder" },
  { href: "/om/", label: "Om" },
] as const;
