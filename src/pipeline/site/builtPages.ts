import { readdir } from "node:fs/promises";
import path from "node:path";

/** Every HTML page of a built site, as paths relative to it with "/" separators, sorted: "tilbud/index.html". */
export async function builtHtmlFiles(siteDir: string): Promise<string[]> {
  const entries = await readdir(siteDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(".html"))
    .map((e) => path.relative(siteDir, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .sort();
}

/** The file behind a site address: "/tilbud/x/?a#b" → "tilbud/x/index.html"; "/figurer/a.csv" → "figurer/a.csv". */
export function fileOfHref(href: string): string {
  const pathname = href.replace(/[?#].*$/, "").replace(/^\//, "");
  return pathname === "" || pathname.endsWith("/") ? `${pathname}index.html` : pathname;
}

/** The site address of a built file: "tilbud/x/index.html" → "/tilbud/x/"; "figurer/a.csv" → "/figurer/a.csv". */
export const hrefOfFile = (rel: string): string => `/${rel.replace(/(^|\/)index\.html$/, "$1")}`;
