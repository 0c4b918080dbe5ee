import type { APIRoute } from "astro";
import { escapeXml as escape } from "../format.ts";
import { releases, site } from "../site.ts";
import { releaseHref, sitePages } from "../addresses.ts";


/** An Atom feed of the data releases, so readers who cite the site learn when figures change. */
export const GET: APIRoute = ({ site: siteUrl }) => {
  const base = siteUrl!.href.replace(/\/$/, "");
  const entries = releases.map(
    (r) => `  <entry>
    <id>${base}${releaseHref(r.version)}</id>
    <title>Datautgave ${escape(r.version)}: ${escape(r.title)}</title>
    <updated>${r.date}T00:00:00Z</updated>
    <link href="${base}${releaseHref(r.version)}" />
    <content type="html">${escape(`<ul>${r.changes.map((c) => `<li>${escape(c)}</li>`).join("")}</ul>`)}</content>
  </entry>`,
  );
  const body = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="nb">
  <id>${base}${sitePages.changesFeed}</id>
  <title>${escape(site.name)}: dataendringer</title>
  <updated>${releases[0].date}T00:00:00Z</updated>
  <author><name>${escape(site.publisher)}</name></author>
  <link rel="self" href="${base}${sitePages.changesFeed}" />
  <link href="${base}${sitePages.changes}" />
${entries.join("\n")}
</feed>
`;
  return new Response(body, { headers: { "Content-Type": "application/atom+xml; charset=utf-8" } });
};
