/** Norwegian number and date formats, in one place (a space as thousands separator, a decimal comma). */
const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * The Norwegian number format with `minDecimals` to `maxDecimals` decimals, made once: making an Intl.NumberFormat
 * costs far more than using one, and a build formats some 80 000 table cells at 10× data.
 */
export function numberFormat(minDecimals: number, maxDecimals: number): Intl.NumberFormat {
  const key = `${minDecimals} ${maxDecimals}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat("nb-NO", { minimumFractionDigits: minDecimals, maximumFractionDigits: maxDecimals })));
  return format;
}

const integerFormat = numberFormat(0, 0);
const decimalFormat = numberFormat(1, 1);
const upToOneDecimalFormat = numberFormat(0, 1);
const dateFormat = new Intl.DateTimeFormat("nb-NO", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** e.g. 481927000 → "481 927 000" (with a non-breaking space, so a number never wraps). */
export const formatInteger = (n: number): string => integerFormat.format(n);

/** e.g. 12.34 → "12,3", 12 → "12": as many decimals as needed, at most one. */
export const formatNumber = (n: number): string => upToOneDecimalFormat.format(n);

/** e.g. 12.34 → "12,3" */
export const formatDecimal = (n: number): string => decimalFormat.format(n);

/** e.g. 616700000 → "616,7 mill." for chart axes where full numbers would crowd. */
export function formatMillions(n: number): string {
  return `${upToOneDecimalFormat.format(n / 1e6)} mill.`;
}

/** e.g. "2026-11-23" → "23. november 2026" */
export const formatDate = (isoDate: string): string => dateFormat.format(new Date(`${isoDate}T00:00:00Z`));

/** Text inside XML (the feed, the sitemap, an SVG): &, < and > as entities. */
export const escapeXml = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

const smallNumberWords = ["null", "én", "to", "tre", "fire", "fem", "seks", "sju", "åtte", "ni", "ti", "elleve", "tolv"];

/**
 * A count the way Norwegian prose writes it: a word up to twelve ("fem"), digits above ("13", "1 200").
 * One is "ett" before a neuter noun (ett dokument) and "én" otherwise (én oversikt).
 */
export function numberWord(n: number, gender: "common" | "neuter" = "common"): string {
  if (!Number.isInteger(n) || n < 0 || n >= smallNumberWords.length) return formatInteger(n);
  return n === 1 && gender === "neuter" ? "ett" : smallNumberWords[n]!;
}

/** e.g. (5, "forskningsdokument", "forskningsdokumenter", "neuter") → "fem forskningsdokumenter"; 1 → "ett forskningsdokument". */
export const countInWords = (n: number, singular: string, plural: string, gender: "common" | "neuter" = "common"): string =>
  `${numberWord(n, gender)} ${n === 1 ? singular : plural}`;

/** A list in running text: "A", "A og B", "A, B og C" ("" for none; the caller words the empty case). */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} og ${items.at(-1)!}`;
}

/** A sentence that may start with a number word: "fem …" → "Fem …". */
export const capitalized = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
