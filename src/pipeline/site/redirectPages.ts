import { access, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { escapeXml } from "../../format.ts";
import type { Redirect } from "../../redirects.ts";
import { site } from "../../site.ts";
import { fileOfHref } from "../../addresses.ts";

/** A page at the old address that sends the reader on at once, says where to, and is kept out of search. */
export function redirectPageHtml(r: Redirect): string {
  const to = escapeXml(r.to);
  return `<!DOCTYPE html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Siden er flyttet – ${escapeXml(site.shortName)}</title>
<meta name="robots" content="noindex">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="canonical" href="${escapeXml(new URL(r.to, site.url).href)}">
<meta http-equiv="refresh" content="0; url=${to}">
</head>
<body>
<main>
<h1>Siden er flyttet</h1>
<p>Siden du ba om, ligger nå på <a href="${to}">${escapeXml(new URL(r.to, site.url).href)}</a>.</p>
</main>
</body>
</html>
`;
}

/** Writes a redirect page for each moved address; stops when an old address is still a page or a new one is not. */
export async function writeRedirectPages(siteDir: string, redirects: readonly Redirect[]): Promise<number> {
  const exists = (rel: string) => access(path.join(siteDir, rel)).then(() => true, () => false);
  const problems: string[] = [];
  for (const [i, r] of redirects.entries()) {
    const where = `src/redirects.ts, redirect ${i + 1} (${r.from} → ${r.to})`;
    if (!/^\/([a-z0-9-]+\/)+$/.test(r.from) || !/^\/([a-z0-9-]+\/)*$/.test(r.to)) {
      problems.push(`${where}: both addresses must be site paths like /tilbud/x/ (lower-case, ending in /)`);
    } else if (await exists(fileOfHref(r.from))) {
      problems.push(`${where}: ${r.from} is still a page; remove the redirect or the page`);
    } else if (!(await exists(fileOfHref(r.to)))) {
      problems.push(`${where}: ${r.to} is not a page of the built site; expected the page's new address`);
    }
  }
  if (problems.length) throw new Error(`Redirects that cannot be written:\n- ${problems.join("\n- ")}`);
  for (const r of redirects) {
    const file = path.join(siteDir, fileOfHref(r.from));
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, redirectPageHtml(r));
  }
  return redirects.length;
}
