// Reading the built pages quickly: the post-build stages read every page, and a DOM parse of each one cost
// more than the Astro build itself at 10× data (bench/RESULTS.md). Astro's output is regular enough for this.

/**
 * A copy of a piece of a page that does not keep the whole page in memory. V8 makes a cut-out string a view into
 * the string it came from, so keeping a title or a word per page kept every page alive: 0.9 GB at 30× data.
 */
export const detached = (piece: string): string => Buffer.from(piece, "utf8").toString("utf8");

const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", nbsp: " " };
export const decodeEntities = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) =>
    e[0] === "#" ? String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (entities[e] ?? m),
  );

/** The content of a <meta name|property="…" content="…"> tag, decoded. */
export function metaContent(html: string, name: string): string | undefined {
  const tag = new RegExp(`<meta (?:name|property)="${name}" content="([^"]*)"`).exec(html);
  return tag ? decodeEntities(tag[1]!) : undefined;
}

/**
 * `html` without the elements marked data-pagefind-ignore, each replaced by a space. An element that holds a filter,
 * meta or sort of Pagefind's, or an element of its own name (where the match would end too early), stays: Pagefind
 * reads it whole.
 */
export function withoutIgnored(html: string): string {
  return html.replace(/<([a-z][a-z0-9]*)\b[^>]*\sdata-pagefind-ignore\b[^>]*>([\s\S]*?)<\/\1>/g, (element, name: string, inner: string) =>
    inner.includes("data-pagefind-") || new RegExp(`<${name}\\b`).test(inner) ? element : " ",
  );
}

/**
 * The text search indexes: inside the element marked data-pagefind-body, without the parts marked
 * data-pagefind-ignore (the facet markers, the citation block, text repeated on every page of a kind), tags removed.
 * Also the h1.
 */
export function indexedText(html: string): { text: string; heading: string; headingWeight: number } {
  const body = /<main[^>]*data-pagefind-body[^>]*>([\s\S]*)<\/main>/.exec(html)?.[1];
  if (body === undefined) return { text: "", heading: "", headingWeight: 7 };
  const kept = withoutIgnored(body.replace(/<script[\s\S]*?<\/script>/g, " "));
  const strip = (s: string) => decodeEntities(s.replace(/<[^>]+>/g, " ")).replace(/\s+/g, " ").trim();
  const h1 = /<h1([^>]*)>([\s\S]*?)<\/h1>/.exec(kept);
  // Pagefind weighs an h1 7 unless the page sets its own data-pagefind-weight on it.
  const headingWeight = Number(/data-pagefind-weight="([\d.]+)"/.exec(h1?.[1] ?? "")?.[1] ?? 7);
  return { text: strip(kept), heading: strip(h1?.[2] ?? ""), headingWeight };
}
