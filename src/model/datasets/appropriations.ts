import { boolean, id, integer, oneOf, year } from "../columns.ts";
import { defineDataset, provenanceColumns, type RecordOf } from "../dataset.ts";
import { schemes } from "../vocabularies.ts";

export const appropriations = defineDataset({
  name: "appropriations",
  file: "appropriations.csv",
  title: "Bevilgninger",
  description:
    "Bevilgninger over statsbudsjettet (kap. 732, post 79) til «Raskere tilbake» 2007–2017 og rammeoverføringen til Helse og arbeid i 2018.",
  key: "id",
  columns: {
    id: id({ description: "Fast id for raden." }),
    period_start: year({ description: "Første budsjettår beløpet gjelder." }),
    period_end: year({ description: "Siste budsjettår beløpet gjelder (lik første år for ett enkelt år)." }),
    scheme: oneOf(schemes, { description: "Ordningen beløpet gikk til." }),
    amount_nok: integer({ description: "Beløp i kroner, nominelt, slik kilden oppgir det.", min: 0 }),
    is_total: boolean({ description: "ja når raden er kildens egen sum over flere år, ellers nei." }),
    is_estimate: boolean({ description: "ja når kilden selv har beregnet beløpet fordi det ikke var oppgitt." }),
    ...provenanceColumns(),
  },
  citedNumbers: ["period_start", "period_end", "amount_nok"],
  rowRules: (row) =>
    typeof row.period_start === "number" && typeof row.period_end === "number" && row.period_end < row.period_start
      ? [{ column: "period_end", message: `${row.period_end} is before period_start ${row.period_start}; expected the same year or later` }]
      : [],
});

export type Appropriation = RecordOf<typeof appropriations>;
