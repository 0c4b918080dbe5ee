import { describe, expect, it } from "vitest";
import { correctQuery, withinOneEdit } from "../src/client/typos.ts";
import { searchTerms } from "../src/pipeline/search/searchTerms.ts";

describe("extra words a page is indexed under", () => {
  it("splits compounds into the parts readers search for", () => {
    expect(searchTerms("Effekter på sykefravær")).toContain("fravær");
    expect(searchTerms("muskel- og skjelettlidelser")).toEqual(expect.arrayContaining(["lidelser", "msk", "muskelskjelett"]));
  });

  it("adds the whole synonym group of an abbreviation, and nothing the page already has", () => {
    const terms = searchTerms("Tilbud ved DPS Solvang");
    expect(terms).toEqual(expect.arrayContaining(["distriktspsykiatrisk", "senter"]));
    expect(terms).not.toContain("dps");
    expect(searchTerms("HelseIArbeid-senter")).toEqual(expect.arrayContaining(["hia", "helse", "i", "arbeid"]));
  });

  it("adds nothing to a page without the domain's words", () => {
    expect(searchTerms("Om nettstedet")).toEqual([]);
  });
});

describe("typo correction", () => {
  it("counts one typed, missing, extra or swapped letter as one edit", () => {
    expect(withinOneEdit("angts", "angst")).toBe(true);
    expect(withinOneEdit("angsr", "angst")).toBe(true);
    expect(withinOneEdit("ang", "angst")).toBe(false);
    expect(withinOneEdit("sykefavær", "sykefravær")).toBe(true);
    expect(withinOneEdit("angstt", "angst")).toBe(true);
    expect(withinOneEdit("tsgna", "angst")).toBe(false);
  });

  it("corrects only unknown words, to the most frequent candidate", () => {
    const words = ["angst", "depresjon", "angsten"];
    expect(correctQuery("Angts og depresjon", words)).toBe("angst og depresjon");
    expect(correctQuery("depr", words)).toBeUndefined(); // a known word's beginning
    expect(correctQuery("xyzzy", words)).toBeUndefined();
  });
});
