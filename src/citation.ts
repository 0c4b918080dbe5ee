// How a page is cited: one record per page, written as APA 7, Vancouver, BibTeX and RIS.
// The same functions serve the page's citation block and the .bib/.ris files written after the build.
import { dataRelease, site } from "./site.ts";
import { pageSlug } from "./addresses.ts";

export interface PageCitation {
  title: string;
  /** Absolute URL of the page. */
  url: string;
  /** Date of the data release the page shows, YYYY-MM-DD. */
  date: string;
  version: string;
  author: string;
}

export function citationOf(title: string, url: string): PageCitation {
  return { title, url, date: dataRelease.date, version: dataRelease.version, author: site.publisher };
}

/** "2026-11-23" → [2026, 11, 23] */
const y = (date: string) => date.split("-").map(Number) as [number, number, number];
const monthsNb = ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"];

/** APA 7, web page by a group author: Author. (2026, 23. november). Title (Datautgave x). URL */
export function apa(c: PageCitation): string {
  const [year, month, day] = y(c.date);
  return `${c.author}. (${year}, ${day}. ${monthsNb[month - 1]}). ${c.title} (Datautgave ${c.version}). ${c.url}`;
}

/** Vancouver (ICMJE/NLM style for web pages, in Norwegian). */
export function vancouver(c: PageCitation): string {
  const [year, month, day] = y(c.date);
  return `${c.author}. ${c.title} [Internett]. Datautgave ${c.version}. ${year} [sitert ${day}. ${monthsNb[month - 1]} ${year}]. Tilgjengelig fra: ${c.url}`;
}

/** A BibTeX key from the URL path: "/tilbud/x/" → "helseogarbeid-tilbud-x". */
export const citationKey = (c: PageCitation): string => `helseogarbeid-${pageSlug(new URL(c.url).pathname)}`;

/** A figure's short citation; its address is the page's with the figure's anchor. */
export function figureCitation(chartTitle: string, figureUrl: string): string {
  return `${site.publisher} (${dataRelease.date.slice(0, 4)}). ${chartTitle} [figur]. Datautgave ${dataRelease.version}. ${figureUrl}`;
}

/** BibTeX cannot take "{", "}" or "\" unescaped; a title could contain them. */
const bibEscape = (s: string) => s.replace(/[\\{}]/g, (ch) => `\\${ch}`).replace(/[%&$#_]/g, (ch) => `\\${ch}`);

export function bibtex(c: PageCitation): string {
  const [year, month] = y(c.date);
  return [
    `@misc{${citationKey(c)},`,
    // Double braces keep a group author as one name.
    `  author = {{${bibEscape(c.author)}}},`,
    `  title = {${bibEscape(c.title)}},`,
    `  year = {${year}},`,
    `  month = {${month}},`,
    `  howpublished = {\\url{${c.url}}},`,
    `  url = {${c.url}},`,
    `  note = {Datautgave ${c.version}},`,
    `  urldate = {${c.date}},`,
    `  language = {norsk},`,
    "}",
    "",
  ].join("\n");
}

/** RIS (tagged format for reference managers); ELEC is the type for a web page. */
export function ris(c: PageCitation): string {
  const [year, month, day] = y(c.date);
  const pad = (n: number) => String(n).padStart(2, "0");
  return [
    "TY  - ELEC",
    `AU  - ${c.author}`,
    `TI  - ${c.title.replace(/\s+/g, " ")}`,
    `PY  - ${year}`,
    `DA  - ${year}/${pad(month)}/${pad(day)}`,
    `ET  - Datautgave ${c.version}`,
    `UR  - ${c.url}`,
    `Y2  - ${year}/${pad(month)}/${pad(day)}`,
    "LA  - nb",
    `PB  - ${c.author}`,
    "ER  - ",
    "",
  ].join("\r\n");
}
