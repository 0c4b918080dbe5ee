import { readdirSync } from "node:fs";
import path from "node:path";

/**
 * Every HTML page of a built site, as paths relative to it with "/" separators, sorted: "tilbud/index.html".
 * Listed synchronously: the asynchronous listing waits on the thread pool once per folder, and a page is a folder
 * (at 10×, 28 000 entries took 0.22 s so, 0.13 s synchronously).
 */
export async function builtHtmlFiles(siteDir: string): Promise<string[]> {
  const entries = readdirSync(siteDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(".html"))
    .map((e) => path.relative(siteDir, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .sort();
}
