import { writeFile } from "node:fs/promises";
import path from "node:path";
import { headersFile, redirectsFile } from "../../deploy/serverConfig.ts";

/** `_headers` and `_redirects` for static hosts (Cloudflare Pages, Netlify), from the definitions deploy/nginx.conf is made from. */
export async function writeHostFiles(siteDir: string): Promise<string[]> {
  const files: [string, string][] = [
    ["_headers", headersFile()],
    ["_redirects", redirectsFile()],
  ];
  for (const [name, content] of files) await writeFile(path.join(siteDir, name), content);
  return files.map(([name]) => name);
}
