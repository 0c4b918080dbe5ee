import { readdirSync } from "node:fs";
import path from "node:path";

/**
 * Every file of a built site, as paths relative to it with "/" separators, sorted: "tilbud/index.html".
 * Listed synchronously: the asynchronous listing waits on the thread pool once per folder, and a page is a folder
 * (at 10×, 28 000 entries took 0.22 s so, 0.13 s synchronously).
 */
export function builtFiles(siteDir: string): string[] {
  return readdirSync(siteDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(siteDir, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .sort();
}

/** Every HTML page of a built site (builtFiles). */
export async function builtHtmlFiles(siteDir: string): Promise<string[]> {
  return builtFiles(siteDir).filter((file) => file.endsWith(".html"));
}
