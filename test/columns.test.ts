// How a CSV cell becomes a typed value, column kind by column kind, with the exact message a wrong cell gets.
import { describe, expect, it } from "vitest";
import { boolean, date, decimal, id, integer, isInvalid, list, oneOf, optional, reference, text, url, year, type Column } from "../src/model/columns.ts";

const d = { description: "" };

/** The value a cell is read as, or the messages it is refused with. */
function read<T>(column: Column<T>, cell: string): { value: T } | { refused: string[] } {
  const value = column.check(cell);
  return isInvalid(value) ? { refused: [value.message] } : { value };
}

describe("a required column", () => {
  it("refuses an empty or blank cell, saying what it expected", () => {
    expect(read(integer({ ...d, min: 1 }), "")).toEqual({ refused: ["is empty; expected a whole number 1 or more"] });
    expect(read(text(d), "  ")).toEqual({ refused: ["is empty; expected text of at most 5000 characters"] });
  });

  it("reads the cell without the spaces around it", () => {
    expect(read(id(d), "  snf-2010 ")).toEqual({ value: "snf-2010" });
  });
});

describe("an optional column", () => {
  it("reads an empty or blank cell as no value, and checks any other cell as the column would", () => {
    const col = optional(integer(d));
    expect(read(col, "")).toEqual({ value: undefined });
    expect(read(col, " ")).toEqual({ value: undefined });
    expect(read(col, "7")).toEqual({ value: 7 });
    expect(read(col, "x")).toEqual({ refused: ['"x" is not a whole number; expected digits only, without spaces, separators or decimals'] });
    expect(col.required).toBe(false);
    expect(integer(d).required).toBe(true);
  });
});

describe("a decimal column", () => {
  it("refuses a decimal comma, showing the number with a point", () => {
    expect(read(decimal(d), "2,5")).toEqual({ refused: ['"2,5" uses a decimal comma; expected a decimal point, e.g. 2.5'] });
    expect(read(decimal(d), "-12,75")).toEqual({ refused: ['"-12,75" uses a decimal comma; expected a decimal point, e.g. -12.75'] });
  });

  it("reads a decimal comma where the column allows it", () => {
    expect(read(decimal({ ...d, allowComma: true }), "2,5")).toEqual({ value: 2.5 });
    expect(read(decimal({ ...d, allowComma: true }), "2.5")).toEqual({ value: 2.5 });
  });

  it("reads whole, negative and decimal numbers, and refuses anything else", () => {
    expect(read(decimal(d), "67.28")).toEqual({ value: 67.28 });
    expect(read(decimal(d), "-3")).toEqual({ value: -3 });
    expect(read(decimal(d), "1 234.5")).toEqual({ refused: ['"1 234.5" is not a number; expected a number with a decimal point'] });
    expect(read(decimal(d), "1e3")).toEqual({ refused: ['"1e3" is not a number; expected a number with a decimal point'] });
    expect(read(decimal(d), ".5")).toEqual({ refused: ['".5" is not a number; expected a number with a decimal point'] });
    expect(read(decimal({ ...d, allowComma: true }), "2,5,1")).toEqual({ refused: ['"2,5,1" is not a number; expected a number'] });
  });

  it("keeps to its range, ends included", () => {
    const latitude = decimal({ ...d, min: 57, max: 72 });
    expect(read(latitude, "57")).toEqual({ value: 57 });
    expect(read(latitude, "72")).toEqual({ value: 72 });
    expect(read(latitude, "56.9")).toEqual({ refused: ["56.9 is out of range; expected 57 to 72"] });
    expect(read(latitude, "72.1")).toEqual({ refused: ["72.1 is out of range; expected 57 to 72"] });
  });

  it("describes itself to Frictionless as a number with its range", () => {
    expect(decimal({ ...d, min: 57, max: 72 }).field).toEqual({ type: "number", constraints: { minimum: 57, maximum: 72 } });
    expect(decimal(d).field).toEqual({ type: "number", constraints: {} });
  });
});

describe("a whole-number column", () => {
  it("reads digits only", () => {
    expect(read(integer(d), "2019")).toEqual({ value: 2019 });
    expect(read(integer({ ...d, min: -5 }), "-4")).toEqual({ value: -4 });
    for (const cell of ["1 234", "1,5", "1.0", "12a", "+3"]) {
      expect(read(integer(d), cell)).toEqual({ refused: [`"${cell}" is not a whole number; expected digits only, without spaces, separators or decimals`] });
    }
  });

  it("refuses a number too large to keep exactly", () => {
    expect(read(integer(d), "9007199254740991")).toEqual({ value: 9007199254740991 });
    expect(read(integer(d), "9007199254740993")).toEqual({
      refused: ['"9007199254740993" is too large to be kept exactly; expected a whole number below 9007199254740992'],
    });
  });

  it("keeps to its range, ends included, from 0 unless told", () => {
    expect(read(integer(d), "0")).toEqual({ value: 0 });
    expect(read(integer(d), "-1")).toEqual({ refused: ["-1 is out of range; expected a whole number 0 or more"] });
    const weeks = integer({ ...d, min: 1, max: 52 });
    expect(read(weeks, "1")).toEqual({ value: 1 });
    expect(read(weeks, "52")).toEqual({ value: 52 });
    expect(read(weeks, "53")).toEqual({ refused: ["53 is out of range; expected a whole number from 1 to 52"] });
    expect(weeks.field).toEqual({ type: "integer", constraints: { minimum: 1, maximum: 52 } });
    expect(integer(d).field).toEqual({ type: "integer", constraints: { minimum: 0 } });
  });

  it("as a year, from 1990 to 2030", () => {
    expect(read(year(d), "1990")).toEqual({ value: 1990 });
    expect(read(year(d), "2031")).toEqual({ refused: ["2031 is out of range; expected a whole number from 1990 to 2030"] });
    expect(year(d).field).toEqual({ type: "year" });
    expect(year(d).kind).toBe("year");
  });
});

describe("a text column", () => {
  it("keeps the text as written, line breaks and tabs included", () => {
    expect(read(text(d), " Første linje\nAndre\tlinje ")).toEqual({ value: "Første linje\nAndre\tlinje" });
  });

  it("refuses text longer than its maximum", () => {
    expect(read(text({ ...d, maxLength: 5 }), "abcde")).toEqual({ value: "abcde" });
    expect(read(text({ ...d, maxLength: 5 }), "abcdef")).toEqual({ refused: ["is 6 characters long; expected at most 5"] });
  });

  it("refuses UTF-8 read as Windows-1252", () => {
    expect(read(text(d), "Helse SÃ¸r-Øst")).toEqual({
      refused: ['"Helse SÃ¸r-Øst" has "Ã¸", UTF-8 read as Windows-1252 (e.g. "Ã¸" for "ø"); expected the file saved once as UTF-8'],
    });
    expect(read(text(d), "Ã til slutt")).toEqual({ value: "Ã til slutt" });
  });

  it("refuses an invisible or control character, naming it and its position", () => {
    expect(read(text(d), "ab\u200Bc")).toEqual({
      refused: ['"ab<U+200B>c" has the invisible character U+200B at position 3; expected visible text (delete the character)'],
    });
    expect(read(text(d), "a\fb")).toEqual({
      refused: ['"a<U+000C>b" has the invisible character U+000C at position 2; expected visible text (delete the character)'],
    });
  });

  it("refuses text a spreadsheet would run as a formula, but not a signed number", () => {
    expect(read(text(d), "=HYPERLINK(1)")).toEqual({
      refused: ['"=HYPERLINK(1)" starts like a spreadsheet formula; expected text that does not start with =, @, + or - (a signed number is fine)'],
    });
    expect(read(text(d), "-4 592")).toEqual({ value: "-4 592" });
  });

  it("is prose unless said otherwise, and tells Frictionless its maximum length", () => {
    expect(text(d).prose).toBe(true);
    expect(text({ ...d, prose: false }).prose).toBeUndefined();
    expect(text({ ...d, maxLength: 200 }).field).toEqual({ type: "string", constraints: { maxLength: 200 } });
  });
});

describe("an id or reference column", () => {
  it("reads lower-case letters, digits and single hyphens", () => {
    expect(read(id(d), "nav-2019-a")).toEqual({ value: "nav-2019-a" });
    for (const cell of ["Nav", "nav--a", "-nav", "nav-", "nav a", "nav_a", "nåv"]) {
      expect(read(id(d), cell)).toEqual({ refused: [`"${cell}" is not valid; expected an id of lower-case letters a–z, digits and single hyphens`] });
    }
  });

  it("names the dataset a reference points at", () => {
    const col = reference("places", d);
    expect(col.references).toBe("places");
    expect(col.kind).toBe("reference");
    expect(read(col, "Bodø")).toEqual({ refused: ['"Bodø" is not valid; expected an id of lower-case letters a–z, digits and single hyphens'] });
  });
});

describe("a date column", () => {
  it("reads a date that exists, written YYYY-MM-DD", () => {
    expect(read(date(d), "2024-02-29")).toEqual({ value: "2024-02-29" });
    for (const cell of ["2026-02-29", "2026-13-01", "2026-1-05", "05.01.2026", "2026-01-05T00:00"]) {
      expect(read(date(d), cell)).toEqual({ refused: [`"${cell}" is not a date written YYYY-MM-DD`] });
    }
  });
});

describe("a column of fixed values", () => {
  it("reads one of its values, and names them all when the cell is another", () => {
    const region = oneOf(["Helse Nord", "Helse Vest"] as const, d);
    expect(read(region, "Helse Nord")).toEqual({ value: "Helse Nord" });
    expect(read(region, "helse nord")).toEqual({ refused: ['"helse nord" is not one of Helse Nord, Helse Vest'] });
    expect(region.field).toEqual({ type: "string", constraints: { enum: ["Helse Nord", "Helse Vest"] } });
  });

  it("reads ja and nei as yes and no, and nothing else", () => {
    expect(read(boolean(d), "ja")).toEqual({ value: true });
    expect(read(boolean(d), "nei")).toEqual({ value: false });
    expect(read(boolean(d), "Ja")).toEqual({ refused: ['"Ja" is not ja or nei'] });
  });
});

describe("a web address column", () => {
  it("reads https:// addresses, and refuses http:// and anything else", () => {
    expect(read(url(d), "https://www.nav.no/x?y=1")).toEqual({ value: "https://www.nav.no/x?y=1" });
    expect(read(url(d), "http://www.nav.no")).toEqual({
      refused: ['"http://www.nav.no" starts with http://; expected a web address starting with https:// (write https:// if the site has it)'],
    });
    for (const cell of ["javascript:alert(1)", "https://a b", "https://", "www.nav.no"]) {
      expect(read(url(d), cell)).toEqual({ refused: [`"${cell}" is not a web address starting with https://`] });
    }
  });

  it("reads http:// where the address is kept as a source printed it", () => {
    expect(read(url({ ...d, printedHttp: true }), "http://www.nav.no")).toEqual({ value: "http://www.nav.no" });
    expect(read(url({ ...d, printedHttp: true }), "ftp://x")).toEqual({
      refused: ['"ftp://x" is not a web address starting with https:// (or http:// as printed)'],
    });
  });
});

describe("a list column", () => {
  const places = list(reference("places", d), d);

  it("reads values separated by semicolons, each checked as its item column", () => {
    expect(read(places, "bodo; tromso;mo")).toEqual({ value: ["bodo", "tromso", "mo"] });
    expect(read(places, "bodo; Tromsø")).toEqual({ refused: ['"Tromsø" is not valid; expected an id of lower-case letters a–z, digits and single hyphens'] });
    expect(places.references).toBe("places");
  });

  it("refuses an empty item and a value named twice", () => {
    const notAList = (cell: string) => `${JSON.stringify(cell)} is not a list; expected an id of lower-case letters a–z, digits and single hyphens, several separated by semicolons`;
    expect(read(places, "bodo;")).toEqual({ refused: [notAList("bodo;")] });
    expect(read(places, "bodo; ;mo")).toEqual({ refused: [notAList("bodo; ;mo")] });
    expect(read(places, "")).toEqual({ refused: [notAList("")] });
    expect(read(places, "bodo; mo; bodo")).toEqual({ refused: ['"bodo; mo; bodo" names the same value twice'] });
  });
});

describe("the data dictionary's words for a column", () => {
  it("name each kind's type in Norwegian, with its range or values", () => {
    expect(text({ ...d, maxLength: 200 }).typeLabel).toBe("tekst (høyst 200 tegn)");
    expect(id(d).typeLabel).toBe("id (a–z, 0–9 og bindestrek)");
    expect(reference("places", d).typeLabel).toBe("id i places");
    expect(integer(d).typeLabel).toBe("heltall, 0 eller mer");
    expect(integer({ ...d, min: 1, max: 52 }).typeLabel).toBe("heltall fra 1 til 52");
    expect(year(d).typeLabel).toBe("heltall fra 1990 til 2030");
    expect(decimal(d).typeLabel).toBe("desimaltall med punktum");
    expect(decimal({ ...d, allowComma: true }).typeLabel).toBe("desimaltall (punktum eller komma)");
    expect(date(d).typeLabel).toBe("dato (ÅÅÅÅ-MM-DD)");
    expect(oneOf(["a", "b"] as const, d).typeLabel).toBe("en av: a, b");
    expect(boolean(d).typeLabel).toBe("ja eller nei");
    expect(url(d).typeLabel).toBe("nettadresse (https://…)");
    expect(url({ ...d, printedHttp: true }).typeLabel).toBe("nettadresse (https://, eller http:// der kilden trykker det)");
    expect(list(reference("places", d), d).typeLabel).toBe("liste (skilt med semikolon) av id i places");
  });

  it("carry the description and kind, and mark a list a string to Frictionless", () => {
    const col = list(integer(d), { description: "Årene" });
    expect(col.description).toBe("Årene");
    expect(col.kind).toBe("list");
    expect(col.field).toEqual({ type: "string" });
    expect(col.expected).toBe("a whole number 0 or more, several separated by semicolons");
    expect(col.required).toBe(true);
    expect(id(d).field).toEqual({ type: "string", constraints: { pattern: "^[a-z0-9]+(?:-[a-z0-9]+)*$" } });
    expect(date(d).field).toEqual({ type: "date" });
    expect(boolean(d).field).toEqual({ type: "boolean", trueValues: ["ja"], falseValues: ["nei"] });
    expect(url(d).field).toEqual({ type: "string", format: "uri" });
    expect([text(d).kind, id(d).kind, integer(d).kind, decimal(d).kind, date(d).kind, oneOf(["a"] as const, d).kind, boolean(d).kind, url(d).kind]).toEqual([
      "text", "id", "integer", "decimal", "date", "oneOf", "boolean", "url",
    ]);
  });
});
