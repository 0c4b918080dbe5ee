import { readdir } from "node:fs/promises";
import path from "node:path";

export const distDir = path.resolve(import.meta.dirname, "../../dist");
export const screenshotDir = path.resolve(import.meta.dirname, "../../test-results/screenshots");

/** Every built page as a URL path, e.g. "/kilder/snf-2008-implementering/" (404.html stays as it is). */
export async function builtPages(): Promise<string[]> {
  const entries = await readdir(distDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(".html"))
    .map((e) => "/" + path.relative(distDir, path.join(e.parentPath, e.name)).replace(/index\.html$/, ""))
    .sort();
}
