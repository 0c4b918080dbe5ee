/** Norwegian number and date formats, in one place (a space as thousands separator, a decimal comma). */
const integerFormat = new Intl.NumberFormat("nb-NO", { maximumFractionDigits: 0 });
const decimalFormat = new Intl.NumberFormat("nb-NO", { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const dateFormat = new Intl.DateTimeFormat("nb-NO", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** e.g. 481927000 → "481 927 000" (with a non-breaking space, so a number never wraps). */
export const formatInteger = (n: number): string => integerFormat.format(n);

/** e.g. 12.34 → "12,3", 12 → "12": as many decimals as needed, at most one. */
export const formatNumber = (n: number): string => new Intl.NumberFormat("nb-NO", { maximumFractionDigits: 1 }).format(n);

/** e.g. 12.34 → "12,3" */
export const formatDecimal = (n: number): string => decimalFormat.format(n);

/** e.g. 616700000 → "616,7 mill." for chart axes where full numbers would crowd. */
export function formatMillions(n: number): string {
  return `${new Intl.NumberFormat("nb-NO", { maximumFractionDigits: 1 }).format(n / 1e6)} mill.`;
}

/** e.g. "2026-11-23" → "23. november 2026" */
export const formatDate = (isoDate: string): string => dateFormat.format(new Date(`${isoDate}T00:00:00Z`));

/** Text inside XML (the feed, the sitemap, an SVG): &, < and > as entities. */
export const escapeXml = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
