/**
 * Writing untrusted text (from CSV) into MDX. Every value goes in as a JavaScript string
 * literal inside a JSX expression, e.g. {"Tekst med {klammer} og <script>"}, so MDX never
 * parses it as markdown, JSX, an import/export or a comment: it renders as literal text,
 * HTML-escaped by Astro. JSON.stringify gives a valid JS string literal for any input.
 */
export function text(value: string): string {
  return `{${JSON.stringify(value)}}`;
}

/** One paragraph per blank-line-separated block, each as a literal text expression. */
export function paragraphs(value: string): string {
  return value
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${text(p)}</p>`)
    .join("\n\n");
}

/** Frontmatter as JSON values, which YAML reads as they are: no quoting rules to get wrong. */
export function frontmatter(fields: Record<string, string | number | boolean>): string {
  const lines = Object.entries(fields).map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
  return `---\n${lines.join("\n")}\n---\n`;
}

/** A JSX attribute value for a component prop, e.g. id={"snf-2008"}. */
export function prop(name: string, value: string | number): string {
  return `${name}={${JSON.stringify(value)}}`;
}
