import type { LoadedData } from "../loadData.ts";
import type { Source } from "../../model/datasets.ts";
import { frontmatter, paragraphs, prop, text } from "./mdx.ts";
import { contentEntryOf, sourceHref } from "../../addresses.ts";

/** e.g. "kilder/snf-2008-implementering.mdx" → its MDX text. */
export type GeneratedPages = Map<string, string>;

function sourcePage(source: Source): string {
  const description = `${source.title}: dokumentets opplysninger og hvilke tall på nettstedet som er hentet fra det.`;
  return [
    frontmatter({ title: source.title, shortTitle: source.short_title, description, section: "kilder" }),
    `# ${text(source.title)}`,
    "",
    `<SourceFacts ${prop("id", source.id)} />`,
    "",
    "## Om studien",
    "",
    paragraphs(source.method),
    "",
    "## Hovedfunn",
    "",
    `<SourceFindings ${prop("id", source.id)} />`,
    "",
    "## Slik har vi funnet referansen",
    "",
    paragraphs(source.reference_basis),
    "",
    ...(source.note ? ["## Merknad", "", paragraphs(source.note), ""] : []),
    "## Data fra denne kilden",
    "",
    `<SourceData ${prop("id", source.id)} />`,
    "",
  ].join("\n");
}

/** Generate stage for the sources dataset: one MDX page per document. */
export function generateSourcePages(data: LoadedData): GeneratedPages {
  const pages: GeneratedPages = new Map();
  for (const { record } of data.sources.rows) pages.set(`${contentEntryOf(sourceHref(record.id))}.mdx`, sourcePage(record));
  return pages;
}
