import { showValue as quote } from "./showValue.ts";
import { startsLikeFormula } from "./formula.ts";

/**
 * A column of a dataset: how a CSV cell (always a string) becomes a typed value,
 * plus the words the data dictionary shows. Everything else (types, validation,
 * error messages, documentation) derives from these definitions.
 */
/** What a column holds, for code that treats columns by kind (exports, tests); the labels above are for people. */
export type ColumnKind = "text" | "id" | "reference" | "integer" | "year" | "decimal" | "date" | "oneOf" | "boolean" | "url" | "list";

export interface Column<T> {
  kind: ColumnKind;
  /** Norwegian description for the data dictionary, e.g. "Utgivelsesår slik dokumentet oppgir det". */
  description: string;
  /** Norwegian type for the data dictionary, e.g. "heltall fra 1990 til 2030". */
  typeLabel: string;
  /** English, for error messages, e.g. "a whole number from 1990 to 2030". */
  expected: string;
  required: boolean;
  /** Reads a cell (the CSV's text, spaces and all): its typed value, or why it is not valid (invalid()). */
  check: (cell: string) => T | Invalid;
  /** Name of the dataset whose key this column refers to, e.g. "sources". */
  references?: string;
  /** The column as a field of a Frictionless Table Schema (type and constraints), for datapackage.json. */
  field: FieldDescriptor;
  /** Prose (made by text()): sentences someone wrote, as opposed to ids, codes, labels such as "2019", numbers and addresses. */
  prose?: true;
}

/** A Frictionless Table Schema field, without name and description (those come from the dataset). */
export interface FieldDescriptor {
  type: "string" | "integer" | "number" | "year" | "boolean" | "date";
  format?: "uri";
  trueValues?: string[];
  falseValues?: string[];
  constraints?: { enum?: string[]; minimum?: number; maximum?: number; maxLength?: number; pattern?: string };
}

type Options = { description: string };

/** A cell a column refuses, with the message the data editor gets. */
export class Invalid {
  readonly message: string;
  constructor(message: string) {
    this.message = message;
  }
}
const invalid = (message: string): Invalid => new Invalid(message);
/** Whether a column's check refused the cell (no cell's value is an Invalid). */
export const isInvalid = (checked: unknown): checked is Invalid => checked instanceof Invalid;

/** A required column: an empty cell is an error. Wrap in optional() to allow empty cells. */
function column<T>(
  kind: ColumnKind,
  opts: Options,
  typeLabel: string,
  expected: string,
  parse: (value: string) => T | Invalid,
): Column<T> {
  const check = (cell: string): T | Invalid => {
    const value = cell.trim();
    return value === "" ? invalid(`is empty; expected ${expected}`) : parse(value);
  };
  return { kind, description: opts.description, typeLabel, expected, required: true, check, field: { type: "string" } };
}

/** Allows an empty cell, read as undefined: the seeds do not say everything, and we never guess. */
export function optional<T>(col: Column<T>): Column<T | undefined> {
  const check = (cell: string): T | undefined | Invalid => (cell.trim() === "" ? undefined : col.check(cell));
  return { ...col, required: false, check };
}

/** "Ã¸" for "ø", "Ã¥" for "å": UTF-8 bytes read as Windows-1252 and saved again as UTF-8. */
const doubleEncoded = /[ÃÂ][\u0080-\u00BF\u2018-\u201E\u2020-\u2122\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC]/;

/** Free text; kept exactly (apart from surrounding spaces). `prose: false` for a short label such as a period or a section number. */
export function text(opts: Options & { maxLength?: number; prose?: false }): Column<string> {
  const max = opts.maxLength ?? 5000;
  const col = column<string>("text", opts, `tekst (høyst ${max} tegn)`, `text of at most ${max} characters`, (v) => {
    if (v.length > max) return invalid(`is ${v.length} characters long; expected at most ${max}`);
    // Every CSV the site publishes comes from these cells; a spreadsheet would run such a cell as a formula (OWASP).
    const mojibake = doubleEncoded.exec(v);
    if (mojibake) return invalid(`${quote(v)} has "${mojibake[0]}", UTF-8 read as Windows-1252 (e.g. "Ã¸" for "ø"); expected the file saved once as UTF-8`);
    // A control character (a form feed pasted from a PDF) or an invisible one (a zero-width space) breaks XML files
    // and search, or hides inside a word; line breaks and tabs are ordinary in longer text.
    const hidden = /[\p{Cc}\p{Cf}]/u.exec(v.replace(/[\n\t]/g, " "));
    if (hidden) {
      const code = `U+${hidden[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
      return invalid(`${quote(v)} has the invisible character ${code} at position ${hidden.index + 1}; expected visible text (delete the character)`);
    }
    if (startsLikeFormula(v)) return invalid(`${quote(v)} starts like a spreadsheet formula; expected text that does not start with =, @, + or - (a signed number is fine)`);
    return v;
  });
  const field: FieldDescriptor = { type: "string", constraints: { maxLength: max } };
  return opts.prose === false ? { ...col, field } : { ...col, field, prose: true };
}

/** Stable identifier: lower-case letters, digits and hyphens, e.g. "sintef-ntnu-folgeevaluering-vedlegg". */
export function id(opts: Options): Column<string> {
  const expected = "an id of lower-case letters a–z, digits and single hyphens";
  const col = column<string>("id", opts, "id (a–z, 0–9 og bindestrek)", expected, (v) =>
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(v) ? v : invalid(`${quote(v)} is not valid; expected ${expected}`),
  );
  return { ...col, field: { type: "string", constraints: { pattern: "^[a-z0-9]+(?:-[a-z0-9]+)*$" } } };
}

/** A reference to the key of another dataset; checked across files once every file is read. */
export function reference(dataset: string, opts: Options): Column<string> {
  return { ...id(opts), kind: "reference", references: dataset, typeLabel: `id i ${dataset}` };
}

/** Whole number written with digits only: "1 234" and "1,5" are errors, so nothing is misread. */
export function integer(opts: Options & { min?: number; max?: number }): Column<number> {
  const min = opts.min ?? 0;
  const max = opts.max;
  const range = max === undefined ? `${min} or more` : `from ${min} to ${max}`;
  const label = max === undefined ? `heltall, ${min} eller mer` : `heltall fra ${min} til ${max}`;
  const field: FieldDescriptor = { type: "integer", constraints: { minimum: min, ...(max === undefined ? {} : { maximum: max }) } };
  const col = column<number>("integer", opts, label, `a whole number ${range}`, (v) => {
    if (!/^-?\d+$/.test(v)) {
      return invalid(`${quote(v)} is not a whole number; expected digits only, without spaces, separators or decimals`);
    }
    const n = Number(v);
    // Above 2^53 a number is rounded, and the CSV and JSON downloads would disagree.
    if (!Number.isSafeInteger(n)) return invalid(`${quote(v)} is too large to be kept exactly; expected a whole number below 9007199254740992`);
    if (n < min || (max !== undefined && n > max)) return invalid(`${n} is out of range; expected a whole number ${range}`);
    return n;
  });
  return { ...col, field };
}

/** Decimal number with a point; a Norwegian decimal comma only where the column allows it. */
export function decimal(opts: Options & { min?: number; max?: number; allowComma?: boolean }): Column<number> {
  const min = opts.min ?? -Infinity;
  const max = opts.max ?? Infinity;
  const label = `desimaltall${opts.allowComma ? " (punktum eller komma)" : " med punktum"}`;
  const expected = `a number${opts.allowComma ? "" : " with a decimal point"}`;
  const constraints = { ...(Number.isFinite(min) ? { minimum: min } : {}), ...(Number.isFinite(max) ? { maximum: max } : {}) };
  const col = column<number>("decimal", opts, label, expected, (v) => {
    if (!opts.allowComma && /^-?\d+,\d+$/.test(v)) {
      return invalid(`${quote(v)} uses a decimal comma; expected a decimal point, e.g. ${v.replace(",", ".")}`);
    }
    const normalized = opts.allowComma ? v.replace(",", ".") : v;
    if (!/^-?\d+(?:\.\d+)?$/.test(normalized)) return invalid(`${quote(v)} is not a number; expected ${expected}`);
    const n = Number(normalized);
    if (n < min || n > max) return invalid(`${n} is out of range; expected ${min} to ${max}`);
    return n;
  });
  return { ...col, field: { type: "number", constraints } };
}

export function year(opts: Options): Column<number> {
  return { ...integer({ ...opts, min: 1990, max: 2030 }), kind: "year", field: { type: "year" } };
}

/** A calendar date written YYYY-MM-DD, e.g. "2026-12-04"; a date that does not exist (2026-02-30) is an error. */
export function date(opts: Options): Column<string> {
  const expected = "a date written YYYY-MM-DD";
  const col = column<string>("date", opts, "dato (ÅÅÅÅ-MM-DD)", expected, (v) => {
    const day = new Date(`${v}T00:00:00Z`);
    const valid = /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(day.getTime()) && day.toISOString().startsWith(v);
    return valid ? v : invalid(`${quote(v)} is not ${expected}`);
  });
  return { ...col, field: { type: "date" } };
}

/** One of a fixed list, e.g. the four regional health authorities. */
export function oneOf<const T extends readonly string[]>(values: T, opts: Options): Column<T[number]> {
  const col = column<T[number]>("oneOf", opts, `en av: ${values.join(", ")}`, `one of ${values.join(", ")}`, (v) =>
    (values as readonly string[]).includes(v) ? (v as T[number]) : invalid(`${quote(v)} is not one of ${values.join(", ")}`),
  );
  return { ...col, field: { type: "string", constraints: { enum: [...values] } } };
}

export function boolean(opts: Options): Column<boolean> {
  const col = column<boolean>("boolean", opts, "ja eller nei", "ja or nei", (v) =>
    v === "ja" ? true : v === "nei" ? false : invalid(`${quote(v)} is not ja or nei`),
  );
  return { ...col, field: { type: "boolean", trueValues: ["ja"], falseValues: ["nei"] } };
}

/**
 * A web address starting with https://, so a cell can never smuggle in a javascript: link. `printedHttp` allows
 * http:// for a column that keeps an address exactly as a source printed it.
 */
export function url(opts: Options & { printedHttp?: true }): Column<string> {
  const expected = opts.printedHttp ? "a web address starting with https:// (or http:// as printed)" : "a web address starting with https://";
  const pattern = opts.printedHttp ? /^https?:\/\/[^\s<>"]+$/ : /^https:\/\/[^\s<>"]+$/;
  const label = opts.printedHttp ? "nettadresse (https://, eller http:// der kilden trykker det)" : "nettadresse (https://…)";
  const col = column<string>("url", opts, label, expected, (v) => {
    if (!opts.printedHttp && v.startsWith("http://")) return invalid(`${quote(v)} starts with http://; expected ${expected} (write https:// if the site has it)`);
    return pattern.test(v) ? v : invalid(`${quote(v)} is not ${expected}`);
  });
  return { ...col, field: { type: "string", format: "uri" } };
}

/** Several values in one cell, separated by semicolons, e.g. "poliklinisk; gruppe" → ["poliklinisk", "gruppe"]. */
export function list<T>(item: Column<T>, opts: Options): Column<T[]> {
  const check = (cell: string): T[] | Invalid => {
    const parts = cell.split(";").map((p) => p.trim());
    if (parts.some((p) => p === "")) {
      return invalid(`${quote(cell)} is not a list; expected ${item.expected}, several separated by semicolons`);
    }
    const values: T[] = [];
    for (const part of parts) {
      const value = item.check(part);
      if (isInvalid(value)) return value;
      values.push(value);
    }
    if (new Set(parts).size !== parts.length) return invalid(`${quote(cell)} names the same value twice`);
    return values;
  };
  return {
    kind: "list",
    description: opts.description,
    typeLabel: `liste (skilt med semikolon) av ${item.typeLabel}`,
    expected: `${item.expected}, several separated by semicolons`,
    required: true,
    check,
    references: item.references,
    // A list is one text cell in the CSV; its items are checked by the build, not by the table schema.
    field: { type: "string" },
  };
}
