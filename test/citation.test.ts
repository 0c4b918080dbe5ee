// How a page is cited: APA 7, Vancouver, BibTeX and RIS, for a citation made here (not the current release's).
import { describe, expect, it } from "vitest";
import { citationFileHref, previewImageHref } from "../src/addresses.ts";
import { apa, bibtex, citationKey, ris, vancouver, type PageCitation } from "../src/citation.ts";

const page: PageCitation = {
  title: "Ventetid og sykefravær",
  url: "https://helseogarbeid.example.no/tilbud/dps-solvang/",
  date: "2026-03-07",
  version: "2026.3.0",
  author: "Helse og arbeid – kunnskapsbank",
};

describe("a page's citation", () => {
  it("in APA 7, with the day and the Norwegian month", () => {
    expect(apa(page)).toBe(
      "Helse og arbeid – kunnskapsbank. (2026, 7. mars). Ventetid og sykefravær (Datautgave 2026.3.0). https://helseogarbeid.example.no/tilbud/dps-solvang/",
    );
    expect(apa({ ...page, date: "2026-12-31" })).toContain("(2026, 31. desember)");
    expect(apa({ ...page, date: "2026-01-01" })).toContain("(2026, 1. januar)");
  });

  it("in Vancouver, in Norwegian", () => {
    expect(vancouver(page)).toBe(
      "Helse og arbeid – kunnskapsbank. Ventetid og sykefravær [Internett]. Datautgave 2026.3.0. 2026 [sitert 7. mars 2026]. Tilgjengelig fra: https://helseogarbeid.example.no/tilbud/dps-solvang/",
    );
  });

  it("in BibTeX, with the group author as one name and a key from the page's path", () => {
    expect(bibtex(page)).toBe(
      [
        "@misc{helseogarbeid-tilbud-dps-solvang,",
        "  author = {{Helse og arbeid – kunnskapsbank}},",
        "  title = {Ventetid og sykefravær},",
        "  year = {2026},",
        "  month = {3},",
        "  howpublished = {\\url{https://helseogarbeid.example.no/tilbud/dps-solvang/}},",
        "  url = {https://helseogarbeid.example.no/tilbud/dps-solvang/},",
        "  note = {Datautgave 2026.3.0},",
        "  urldate = {2026-03-07},",
        "  language = {norsk},",
        "}",
        "",
      ].join("\n"),
    );
  });

  it("in BibTeX, escapes a hostile title so it cannot close its field or run a command", () => {
    const bib = bibtex({ ...page, title: "A} , note = {x \\input{/etc/passwd} 50% & $5 #1 a_b {", author: "R&D {Gruppe}" });
    expect(bib).toContain("  title = {A\\} , note = \\{x \\\\input\\{/etc/passwd\\} 50\\% \\& \\$5 \\#1 a\\_b \\{},\n");
    expect(bib).toContain("  author = {{R\\&D \\{Gruppe\\}}},\n");
    // Every brace of the title is escaped: only the field's own pair is left.
    const titleLine = bib.split("\n").find((l) => l.startsWith("  title"))!;
    expect(titleLine.replace(/\\[{}]/g, "").match(/[{}]/g)).toEqual(["{", "}"]);
  });

  it("in RIS, with CRLF line ends, the date in slashes and a title on one line", () => {
    expect(ris({ ...page, title: "Ventetid\nog  sykefravær" })).toBe(
      [
        "TY  - ELEC",
        "AU  - Helse og arbeid – kunnskapsbank",
        "TI  - Ventetid og sykefravær",
        "PY  - 2026",
        "DA  - 2026/03/07",
        "ET  - Datautgave 2026.3.0",
        "UR  - https://helseogarbeid.example.no/tilbud/dps-solvang/",
        "Y2  - 2026/03/07",
        "LA  - nb",
        "PB  - Helse og arbeid – kunnskapsbank",
        "ER  - ",
        "",
      ].join("\r\n"),
    );
  });
});

describe("where a page's citation files and preview image are", () => {
  it("are named by the page's path as one file-name-safe word", () => {
    expect(citationFileHref("/tilbud/x/", "ris")).toBe("/sitering/tilbud-x.ris");
    expect(previewImageHref("/tilbud/x/")).toBe("/delingsbilder/tilbud-x.png");
    expect(previewImageHref("/")).toBe("/delingsbilder/forside.png");
    expect(citationKey({ ...page, url: "https://helseogarbeid.example.no/" })).toBe("helseogarbeid-forside");
  });
});
