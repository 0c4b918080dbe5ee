import type { Column } from "./columns.ts";
import { integer, optional, reference, text } from "./columns.ts";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Columns = Record<string, Column<any>>;

/** A CSV file in data/ and the meaning of each of its columns. */
export interface Dataset<C extends Columns = Columns> {
  /** e.g. "sources"; also the name other datasets use to refer to this one. */
  name: string;
  /** e.g. "sources.csv", relative to data/. */
  file: string;
  /** Norwegian title for the data dictionary, e.g. "Kilder". */
  title: string;
  description: string;
  /** Column whose values must be unique and that references point to. */
  key: string;
  columns: C;
  /** Number columns whose values must stand on the cited line of the seed text (checked by the provenance check). */
  citedNumbers?: string[];
  /** Text columns that must stand, as printed, in the seed lines source_line…source_line_last. */
  citedTexts?: string[];
  /**
   * Text columns that may repeat a seed word for word: names, titles of documents, sections and tables, and table labels.
   * Every other text column is in our own words (checked by the own-words check), and its numbers must stand in the
   * cited lines (checked by the provenance check).
   */
  asPrinted?: string[];
  /**
   * A further provenance rule for a row, given the seed text of its lines (white space squashed):
   * returns what does not match, or undefined.
   */
  checkCited?: (row: Record<string, unknown>, cited: string) => string | undefined;
  /**
   * A synthesis of other rows (the key messages build on the findings and reviews they cite): its numbers are checked
   * where those rows cite them, not against its own single cited line.
   */
  synthesis?: true;
  /** Rules across the columns of one row, run after each cell is valid on its own. */
  rowRules?: (row: Record<string, unknown>) => { column: string; message: string }[];
}

export type RecordOf<D extends Dataset> = {
  [K in keyof D["columns"]]: D["columns"][K] extends Column<infer T> ? T : never;
};

/** Checks that key and citedNumbers name columns of the dataset, and keeps its name as a type (LoadedData is keyed by it). */
export function defineDataset<const N extends string, C extends Columns>(
  dataset: Dataset<C> & { name: N; key: keyof C & string; citedNumbers?: (keyof C & string)[]; citedTexts?: (keyof C & string)[]; asPrinted?: (keyof C & string)[] },
): Dataset<C> & { name: N } {
  return dataset;
}

/** Where a row's facts stand in the seed documents; every dataset but sources carries these. */
export function provenanceColumns() {
  return {
    source_id: reference("sources", { description: "Dokumentet tallet eller opplysningen er hentet fra (id i kilder)." }),
    source_location: text({
      description: "Tabell, figur eller avsnitt i dokumentet, f.eks. «Tabell 2.1».",
      maxLength: 200,
    }),
    source_line: integer({
      description: "Linjenummer i den tekstutgaven av dokumentet prosjektet er bygget fra, der opplysningen står.",
      min: 1,
    }),
    source_note: optional(
      text({ description: "Merknad om kilden, f.eks. en feil i kilden eller et anslag kilden selv har gjort." }),
    ),
  };
}
