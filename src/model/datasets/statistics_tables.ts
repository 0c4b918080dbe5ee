import { boolean, id, integer, oneOf, optional, text } from "../columns.ts";
import { defineDataset, provenanceColumns, type RecordOf } from "../dataset.ts";
import { statisticThemes } from "../vocabularies.ts";

export const statisticsTables = defineDataset({
  name: "statistics_tables",
  file: "statistics_tables.csv",
  title: "Statistikktabeller",
  description: "Tabellene i kildene som statistikken er skrevet av fra, med tabelltekst og tema.",
  key: "id",
  columns: {
    id: id({ description: "Fast id, laget av tabellnummeret, f.eks. «tabell-4-37»." }),
    table: text({ description: "Tabellnummeret slik kilden skriver det.", maxLength: 40 }),
    caption: text({ description: "Tabellteksten slik kilden skriver den (står i nedlastingene; sidene viser vår tittel)." }),
    title: text({ description: "Vår korte tittel på tabellen, uten tabellnummer; sidene viser den med tabellnummeret.", maxLength: 80 }),
    section: optional(text({ description: "Kapittel eller avsnitt i dokumentet der tabellen står, f.eks. «4.9.3».", maxLength: 20, prose: false })),
    theme: oneOf(statisticThemes, { description: "Temaside tabellen hører til." }),
    ...provenanceColumns(),
    source_line_last: optional(integer({ description: "Siste linje tabellteksten og tabellen strekker seg over, der den står over flere linjer.", min: 1 })),
    unplaced_values: optional(
      text({
        description:
          "Verdier i tabellen som ikke kan plasseres sikkert i rad og kolonne (tekstutgaven har mistet oppsettet), slik kilden skriver dem, skilt med «; »; en gruppe kan begynne med raden de står i («Er sykmeldt: 2 5 5»). De står ikke i statistics.csv; siden viser dem som «ikke plassert». Forklar hvorfor i source_note.",
        maxLength: 2000,
        prose: false,
      }),
    ),
    labels_own_words: boolean({
      description:
        "ja når rad- eller kolonnenavn i statistics.csv er skrevet kortere med våre ord (kilden har hele spørsmål eller lange diagnosenavn der); siden sier da at ordlyden står i kilden.",
    }),
  },
  asPrinted: ["table", "caption", "unplaced_values"],
});

export type StatisticsTable = RecordOf<typeof statisticsTables>;
