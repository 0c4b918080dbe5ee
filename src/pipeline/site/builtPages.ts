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
