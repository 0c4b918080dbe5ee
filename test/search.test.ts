import { addedWordsMarker, honestExcerpt } from "../src/client/excerpt.ts";
import { bestBetFor, normalizeQuery, readQuery } from "../src/client/queryRewrite.ts";
import { describe, expect, it } from "vitest";
import { compoundOf, correctQuery, inIndex, withinOneEdit } from "../src/client/typos.ts";
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

  it("counts a typed, missing, extra or swapped letter anywhere in the word, and nothing more", () => {
    const oneEdit = [
      ["angst", "angst"], ["bngst", "angst"], ["anxst", "angst"], ["angsx", "angst"], // typed
      ["ngst", "angst"], ["anst", "angst"], ["angs", "angst"], // missing
      ["aangst", "angst"], ["angsst", "angst"], ["angstx", "angst"], // extra
      ["nagst", "angst"], ["agnst", "angst"], ["angts", "angst"], // swapped neighbours
    ];
    for (const [a, b] of oneEdit) {
      expect(withinOneEdit(a!, b!), `${a} ~ ${b}`).toBe(true);
      expect(withinOneEdit(b!, a!), `${b} ~ ${a}`).toBe(true);
    }
    const more = [["xangsx", "angst"], ["bnxst", "angst"], ["xnast", "angst"], ["nagts", "angst"], ["sgnat", "angst"], ["an", "angst"], ["angstxy", "angst"], ["abcd", "xacd"], ["abcd", "bacx"]];
    for (const [a, b] of more) {
      expect(withinOneEdit(a!, b!), `${a} ≁ ${b}`).toBe(false);
      expect(withinOneEdit(b!, a!), `${b} ≁ ${a}`).toBe(false);
    }
  });

  it("knows a word the index has, the beginning of one, or a number, and nothing else", () => {
    const words = ["angst", "depresjon"];
    const known = new Set(words);
    expect(inIndex("angst", known, words)).toBe(true);
    expect(inIndex("depr", known, words)).toBe(true);
    expect(inIndex("ang", known, words)).toBe(true);
    expect(inIndex("2019", known, words)).toBe(true);
    expect(inIndex("gst", known, words)).toBe(false);
    expect(inIndex("x2", known, words)).toBe(false);
    expect(inIndex("angsten", known, words)).toBe(false);
    // a word missing its first letter is corrected, not taken for the end of a known word
    expect(correctQuery("ngst", words)).toBe("angst");
  });

  it("corrects words of three letters, ignores extra spaces, and leaves a query it cannot improve alone", () => {
    expect(correctQuery("tss", ["tsb"])).toBe("tsb");
    expect(correctQuery("  Angts   og ", ["angst", "og"])).toBe("angst og");
    expect(correctQuery("xyzzy angts", ["angst"])).toBe("xyzzy angst");
    expect(correctQuery("", ["angst"])).toBeUndefined();
  });

  it("gets the index's words most frequent first, so the most frequent candidate comes first", async () => {
    const { wordList } = await import("../src/pipeline/search/indexSite.ts");
    const list = wordList(new Map([["lyse", 2], ["lege", 40], ["annet", 7]]));
    expect(Object.entries(list)).toEqual([["lege", 40], ["annet", 7], ["lyse", 2]]);
    expect(correctQuery("lyge", Object.keys(list))).toBe("lege");
  });

  it("picks the most frequent of several candidates, never the least frequent", () => {
    // "lyge" is one letter from "lege" and from "lyse"; the word list is ordered most frequent first.
    expect(correctQuery("lyge", ["lege", "lyse"])).toBe("lege");
    expect(correctQuery("lyge", ["lyse", "lege"])).toBe("lyse");
    expect(correctQuery("lyge henvisning", ["annet", "lege", "lyse", "henvisning"])).toBe("lege henvisning");
  });

  it("leaves words shorter than three letters and numbers as they are", () => {
    expect(correctQuery("ab", ["abc"])).toBeUndefined();
    expect(correctQuery("2019 angts", ["angst", "2018"])).toBe("2019 angst");
  });

  it("reads words the index knows as one compound as that compound", () => {
    const words = ["helseiarbeid", "helse", "arbeid", "muskelskjelett"];
    expect(compoundOf("Helse i arbeid", words)).toBe("helseiarbeid");
    expect(compoundOf("muskel skjelett", words)).toBe("muskelskjelett");
    expect(compoundOf("helse og arbeid", words)).toBeUndefined();
    expect(compoundOf("helseiarbeid", words)).toBeUndefined(); // already one word
    expect(compoundOf("  helseiarbeid ", words)).toBeUndefined();
    expect(compoundOf(" Helse  i  arbeid ", words)).toBe("helseiarbeid");
  });
});

describe("reading a built page without a DOM", async () => {
  const { indexedText, metaContent } = await import("../src/pipeline/site/pageText.ts");
  const page = `<html><head><meta name="citation_title" content="Angst &amp; depresjon &#8211; &quot;RT&quot;"></head><body>
    <nav>Meny</nav><main id="innhold" data-pagefind-body=""><div hidden data-pagefind-ignore><span data-pagefind-filter="type:Tilbud"></span></div>
    <h1>Ventetid og <em>sykefravær</em></h1><p>Tekst&nbsp;her</p><script type="module">ignored()</script>
    <details class="cite" data-pagefind-ignore="all"><summary><h2>Sitér denne siden</h2></summary><p>Sitat</p></details></main><footer>Fot</footer></body></html>`;

  it("decodes named, decimal and hexadecimal entities, and leaves an unknown one as it is", async () => {
    const { decodeEntities } = await import("../src/pipeline/site/pageText.ts");
    expect(decodeEntities("&lt;a&gt; &amp; &quot;b&quot; &#39;c&#39;&nbsp;&#8211; &#x2014; &#X41; &hellip;")).toBe(`<a> & "b" 'c' – — A &hellip;`);
  });

  it("decodes meta content", () => {
    expect(metaContent(page, "citation_title")).toBe('Angst & depresjon – "RT"');
    expect(metaContent(page, "citation_public_url")).toBeUndefined();
  });

  it("keeps the indexed body's text and drops navigation, footer, scripts, facet markers and the citation block", () => {
    expect(indexedText(page)).toEqual({ text: "Ventetid og sykefravær Tekst her", heading: "Ventetid og sykefravær", headingWeight: 7 });
  });

  it("reads the weight a page gives its h1, so the words its heading implies weigh the same", () => {
    const demoted = page.replace("<h1>", '<h1 data-pagefind-weight="2">');
    expect(indexedText(demoted).headingWeight).toBe(2);
  });
});

describe("what Pagefind gets of a page", () => {
  it("is the main element without chart drawings, with the added words, and no words run together", async () => {
    const { searchDocument } = await import("../src/pipeline/search/indexSite.ts");
    const html =
      '<html lang="nb"><head><title>T</title><meta name="description" content="Om siden"></head><body><header>Meny</header><main data-pagefind-body><h1>Tittel</h1>' +
      '<table><tr><td>2019</td><td>Psykiske plager</td></tr></table><figure><svg><text>akse</text></svg></figure></main><footer>Bunn</footer></body></html>';
    const doc = searchDocument(html, "<div>ekstra</div>");
    expect(doc).toContain('<html lang="nb">');
    expect(doc).not.toMatch(/Meny|Bunn|akse/);
    expect(doc.replace(/<[^>]+>/g, "")).toMatch(/2019\s+Psykiske plager/);
    // The added words come after a marker, so the search page can keep them out of excerpts.
    expect(doc).toMatch(new RegExp(`<div>${addedWordsMarker}</div><div>ekstra</div></main>`));
    expect(doc).toContain('<span data-pagefind-meta="description" hidden>Om siden</span>');
    expect(searchDocument(html, "")).not.toContain(addedWordsMarker);
  });

  it("leaves out what Pagefind ignores, so a change there gives the same document, but keeps its filters", async () => {
    const { searchDocument } = await import("../src/pipeline/search/indexSite.ts");
    const page = (list: string) =>
      '<html lang="nb"><body><main data-pagefind-body><div hidden data-pagefind-ignore><span data-pagefind-filter="type:Tilbud"></span></div>' +
      `<h1>Psykisk helse</h1><ul><li class="offer" data-text="${list.toLowerCase()}" data-id="a"><h3 data-pagefind-ignore><a href="/tilbud/a/">${list}</a></h3><p>Psykisk helse</p></li></ul></main></body></html>`;
    const doc = searchDocument(page("Poliklinikk for angst"), "");
    expect(doc).not.toContain("Poliklinikk");
    expect(doc).toContain('<span data-pagefind-filter="type:Tilbud">');
    expect(doc).toMatch(/<h1>Psykisk helse<\/h1> <ul><li class="offer"> <p>Psykisk helse<\/p>/);
    expect(searchDocument(page("Poliklinikk for angst (nytt navn)"), "")).toBe(doc);
    // An ignored element holding one of its own name is left to Pagefind, which reads it whole.
    const nested = '<main data-pagefind-body><div data-pagefind-ignore><div>indre</div>ytre</div><p>tekst</p></main>';
    expect(searchDocument(nested, "")).toContain("ytre");
  });

  it("leaves out ignored elements of any name, with attributes on either side and text over several lines", async () => {
    const { searchDocument } = await import("../src/pipeline/search/indexSite.ts");
    const doc = searchDocument(
      '<html class="x" lang="en"><body><main id="innhold" data-pagefind-body><section class="a" data-pagefind-ignore="all" id="b">Første\nandre linje</section>' +
        '<td class="num" data-pagefind-ignore>12</td><p data-id="7" data-text="skjult">Synlig</p></main></body></html>',
      "",
    );
    expect(doc).toContain('<html lang="en">');
    expect(doc).not.toMatch(/Første|andre linje|>12<|skjult|data-id/);
    expect(doc).toContain("<p>Synlig</p>");
    expect(searchDocument("<main data-pagefind-body><p>Uten språk</p></main>", "")).toContain('<html lang="nb">');
  });

  it("keeps the page's order: description, main element, added words last; a page without a main element as it is", async () => {
    const { searchDocument } = await import("../src/pipeline/search/indexSite.ts");
    const doc = searchDocument('<main data-pagefind-body><p>Bosted: <span data-as-printed>Oslo</span></p><svg viewBox="0 0 1 1">\n<text>akse</text>\n</svg></main>', "<div>ekstra</div>");
    expect(doc).toMatch(new RegExp(`<body><span data-pagefind-meta="description" hidden></span><main data-pagefind-body><p>Bosted: <span>Oslo</span> </p> <div>${addedWordsMarker}</div><div>ekstra</div></main></body></html>$`));
    expect(searchDocument("<p>Ingen hoveddel</p>", "<div>ekstra</div>")).toBe("<p>Ingen hoveddel</p>");
  });

  it("adds the words the heading implies at the heading's weight, and the page's other added words at 0.3", async () => {
    const { searchInput } = await import("../src/pipeline/search/indexSite.ts");
    const page = (h1: string) => `<html lang="nb"><body><main class="wrap" data-pagefind-body>${h1}<p>Fastlegen henviser til muskel og skjelettlidelser</p></main></body></html>`;
    const { document } = searchInput(page("<h1>Henvisning</h1>"));
    const added = (weight: string) => new RegExp(`<div data-pagefind-weight="${weight}">([^<]*)</div>`).exec(document!)?.[1]?.split(" ") ?? [];
    expect(document).toContain(`<div>${addedWordsMarker}</div><div data-pagefind-weight="7">`);
    expect(added("7")).toEqual(expect.arrayContaining(["henvise", "viderehenvisning"]));
    expect(added("0.3")).toEqual(expect.arrayContaining(["msk", "fastleger", "skjelett"]));
    expect(added("0.3")).not.toContain("henviser"); // on the page already
    expect(searchInput(page('<h1 data-pagefind-weight="2">Henvisning</h1>')).document).toContain('<div data-pagefind-weight="2">henvisninger');
    // Nothing added: no marker, and no empty divisions.
    const plain = searchInput('<html lang="nb"><body><main data-pagefind-body><h1>Om oss</h1><p>Kontakt</p></main></body></html>').document!;
    expect(plain).not.toContain(addedWordsMarker);
    expect(plain).toMatch(/<p>Kontakt<\/p> <\/main>/);
  });

  it("gives Pagefind nothing of a page not marked for the index, but the words of one that is", async () => {
    const { searchInput } = await import("../src/pipeline/search/indexSite.ts");
    expect(searchInput('<html lang="nb"><body><main><h1>Side ikke funnet</h1></main></body></html>')).toEqual({ words: [] });
    const marked = searchInput('<html lang="nb"><body><main data-pagefind-body><h1>Ventetid og sykefravær</h1><p>Fastlegen henviser</p></main></body></html>');
    expect(marked.document).toContain("Fastlegen henviser");
    expect(marked.words).toEqual(expect.arrayContaining(["ventetid", "sykefravær", "fastlegen", "henviser", "fravær"]));
  });
});

describe("an excerpt a reader can trust", () => {
  const own = Array.from({ length: 60 }, (_, i) => `ord${i}`).join(" ");
  const content = `${own} ${addedWordsMarker}. synonym kompositumdel`;
  it("marks only matches in the page's own text, around the densest run of them", () => {
    const excerpt = honestExcerpt(content, [40, 42, 61, 62], 10)!;
    expect(excerpt).toBe("… ord35 ord36 ord37 ord38 ord39 <mark>ord40</mark> ord41 <mark>ord42</mark> ord43 ord44 …");
    expect(excerpt).not.toMatch(/synonym|kompositumdel|søkeord/);
  });
  it("never runs into the added words, even for a match at the end of the page's text", () => {
    expect(honestExcerpt(content, [59], 6)).toBe("… ord54 ord55 ord56 ord57 ord58 <mark>ord59</mark>");
  });
  it("gives nothing when the page matched only through added words, so the page's description is shown", () => {
    expect(honestExcerpt(content, [61, 62])).toBeUndefined();
  });
  it("centres on the first of the densest runs, counting matches less than half an excerpt away", () => {
    // ord10 has no match within 5 words; ord15 and ord16 have each other: the excerpt centres on ord15.
    expect(honestExcerpt(content, [10, 15, 16], 10)).toBe(
      "… <mark>ord10</mark> ord11 ord12 ord13 ord14 <mark>ord15</mark> <mark>ord16</mark> ord17 ord18 ord19 …",
    );
    // Locations come in any order and more than once; the first of two equal runs wins.
    expect(honestExcerpt(content, [41, 40, 41, 5], 10)).toBe("… ord35 ord36 ord37 ord38 ord39 <mark>ord40</mark> <mark>ord41</mark> ord42 ord43 ord44 …");
  });

  it("has an ellipsis only where the page's own text goes on, and ignores locations outside it", () => {
    expect(honestExcerpt(content, [-1, 1], 6)).toBe("ord0 <mark>ord1</mark> ord2 ord3 ord4 ord5 …");
    expect(honestExcerpt("en to tre", [2], 6)).toBe("en to <mark>tre</mark>");
    expect(honestExcerpt(own, [59, 60], 4)).toBe("… ord56 ord57 ord58 <mark>ord59</mark>");
  });

  it("gives nothing for a page whose own text is empty", () => {
    expect(honestExcerpt(`${addedWordsMarker} synonym`, [0, 1])).toBeUndefined();
  });
});

describe("a query as people write it", () => {
  const everyday = [
    { ord: "ryggsmerter", betyr: "rygg smerter" },
    { ord: "virker det", betyr: "effekt" },
    { ord: "kols", betyr: "åndedrettssystemet" },
  ];
  const questionWords = ["hva", "er", "hvordan", "det"];
  it("drops question words, unless nothing would be left", () => {
    expect(readQuery("Hvordan henvise?", everyday, questionWords).words).toEqual(["henvise"]);
    expect(readQuery("hva er det", everyday, questionWords).words).toEqual(["hva", "er", "det"]);
  });
  it("reads everyday words as the site's words, and says which", () => {
    const read = readQuery("ryggsmerter bergen", everyday, questionWords);
    expect(read.words).toEqual(["ryggsmerter", "bergen"]);
    expect(read.mapped).toEqual(["rygg", "smerter", "bergen"]);
    expect(read.used).toEqual([everyday[0]]);
    expect(readQuery("virker det?", everyday, questionWords).mapped).toEqual(["effekt"]);
  });
  it("leaves a query without everyday words as it is", () => {
    expect(readQuery("angst bergen", everyday, questionWords)).toEqual({ words: ["angst", "bergen"], mapped: undefined, used: [] });
  });
  it("reads a query in lower case, with punctuation as single spaces", () => {
    expect(normalizeQuery("  Slik henviser -- du?! ")).toBe("slik henviser du");
    expect(normalizeQuery("Covid-19")).toBe("covid 19");
  });

  it("reads the longest everyday phrase first, and does not map the words a mapping gave", () => {
    const entries = [
      { ord: "ryggen", betyr: "rygg" },
      { ord: "vondt i ryggen", betyr: "rygg smerter" },
      { ord: "smerter", betyr: "smerte" },
    ];
    const read = readQuery("Vondt i ryggen", entries, questionWords);
    expect(read.mapped).toEqual(["rygg", "smerter"]);
    expect(read.used).toEqual([entries[1]]);
    expect(readQuery("ryggen  og smerter", entries, questionWords).mapped).toEqual(["rygg", "og", "smerte"]);
  });

  it("gives no mapped query when the mapping changes nothing", () => {
    const same = { ord: "angst", betyr: "angst" };
    expect(readQuery("angst", [same], questionWords)).toEqual({ words: ["angst"], mapped: undefined, used: [same] });
  });

  it("finds the best bet for a common question, with or without question words", () => {
    const bets = [{ søk: ["henvise", "slik henviser du"], side: "/tilbud/slik-henviser-du/", tittel: "Slik henviser du", tekst: "" }];
    expect(bestBetFor("Hvordan henvise?", bets, questionWords)?.side).toBe("/tilbud/slik-henviser-du/");
    expect(bestBetFor("henvise kreft", bets, questionWords)).toBeUndefined();
    const ips = [{ søk: ["hva er ips"], side: "/kunnskap/ips/", tittel: "IPS", tekst: "" }];
    expect(bestBetFor("Hva er IPS?", ips, questionWords)?.side).toBe("/kunnskap/ips/");
    expect(bestBetFor("IPS", ips, questionWords)).toBeUndefined();
  });
});
