import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { z } from "astro/zod";

const page = z.object({
  title: z.string(),
  /** For the browser tab and search results where the title is too long (the tab shows at most 70 characters). */
  shortTitle: z.string().max(48).optional(),
  description: z.string(),
  /** Which section the page belongs to, for navigation and (later) search facets. */
  section: z.enum(["tilbud", "statistikk", "kunnskap", "kilder", "om"]),
});

// Hand-written pages (about, method, statistics texts) and pages generated from data/ share one
// shape and one route, so both can embed the same components.
export const collections = {
  pages: defineCollection({ loader: glob({ pattern: "**/*.mdx", base: "./src/content/pages" }), schema: page }),
  generated: defineCollection({ loader: glob({ pattern: "**/*.mdx", base: "./src/generated/pages" }), schema: page }),
};
