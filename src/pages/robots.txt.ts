import type { APIRoute } from "astro";
import { site } from "../site.ts";
import { sitePages } from "../addresses.ts";

/** robots.txt, naming the sitemap at the configured address (SITE_URL). A preview build asks crawlers to keep out altogether. */
export const GET: APIRoute = () => {
  const rules = site.preview
    ? ["# Forhåndsvisning: ikke det publiserte nettstedet (SITE_URL er ikke en publisert adresse).", "User-agent: *", "Disallow: /"]
    : ["User-agent: *", "Allow: /"];
  const body = [...rules, "", `Sitemap: ${new URL(sitePages.sitemap, site.url).href}`, ""].join("\n");
  return new Response(body, { headers: { "Content-Type": "text/plain; charset=utf-8" } });
};
