import { boolean, decimal, id, integer, oneOf, optional, text } from "../columns.ts";
import { defineDataset, provenanceColumns, type RecordOf } from "../dataset.ts";
import { statisticUnits } from "../vocabularies.ts";

export const keyFigures = defineDataset({
  name: "key_figures",
  file: "key_figures.csv",
  title: "Nøkkeltall",
  description:
    "Tallene som oftest blir sitert, hvert med definisjon, periode, forbehold og lenke til tabellen eller siden det står på.",
  key: "id",
  columns: {
    id: id({ description: "Fast id; blir ankeret i nettadressen /statistikk/nokkeltall/#<id>." }),
    figure_order: integer({ description: "Rekkefølgen på siden (1 = først).", min: 1 }),
    label: text({ description: "Hva tallet er, kort og med egne ord.", maxLength: 90 }),
    value: decimal({ description: "Tallet, i enheten (kroner skrives ut: 5746911000)." }),
    value_as_printed: text({ description: "Tallet slik kilden skriver det, f.eks. «3,57 milliarder».", maxLength: 60, prose: false }),
    unit: oneOf(statisticUnits, { description: "Enhet." }),
    period: text({ description: "Perioden tallet gjelder, f.eks. «2008–2018».", maxLength: 40, prose: false }),
    definition: text({ description: "Hva som er talt eller regnet, med egne ord." }),
    caveat: optional(text({ description: "Det en må vite før en siterer tallet (avvik mellom kilder, hva som ikke er med), med egne ord." })),
    href: text({ description: "Siden med tabellen tallet står i, f.eks. /statistikk/tabeller/tabell-4-77/.", maxLength: 120, prose: false }),
    on_home: boolean({ description: "ja når tallet også står på forsiden." }),
    ...provenanceColumns(),
    source_line_last: optional(integer({ description: "Siste linje tallet og forklaringen står på.", min: 1 })),
  },
  citedTexts: ["value_as_printed"],
  asPrinted: ["value_as_printed"],
  rowRules: (row) =>
    /^\/[a-z0-9\-/]*\/(#[a-z0-9-]+)?$/.test(String(row.href))
      ? []
      : [{ column: "href", message: `${JSON.stringify(row.href)} is not a path on this site; expected e.g. /statistikk/tabeller/tabell-4-77/` }],
});

export type KeyFigure = RecordOf<typeof keyFigures>;
