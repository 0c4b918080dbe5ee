// schema.org JSON-LD for a page: the page itself (its type follows the section) and, where given, what it is about.
import { dataRelease, site } from "./site.ts";

export type PageType = "WebPage" | "CollectionPage" | "MedicalWebPage" | "Dataset";

/** Properties a page's JSON-LD must have, by type; the tests hold every page to these. */
export const requiredProperties: Record<string, string[]> = {
  WebPage: ["name", "url", "inLanguage", "dateModified", "publisher", "isPartOf"],
  CollectionPage: ["name", "url", "inLanguage", "dateModified", "publisher", "isPartOf"],
  MedicalWebPage: ["name", "url", "inLanguage", "dateModified", "publisher", "isPartOf", "lastReviewed"],
  Dataset: ["name", "description", "url", "license", "creator", "version", "isAccessibleForFree"],
  MedicalClinic: ["name", "address", "parentOrganization"],
};

export const pageTypeOfSection: Record<string, PageType> = {
  statistikk: "Dataset",
  kunnskap: "MedicalWebPage",
  tilbud: "CollectionPage",
};

const publisher = { "@type": "Organization", name: site.publisher, url: site.url };

export function pageJsonLd(options: { type: PageType; name: string; description: string; url: string; about?: Record<string, unknown> }) {
  const common = {
    "@context": "https://schema.org",
    "@type": options.type,
    name: options.name,
    description: options.description,
    url: options.url,
    inLanguage: "nb",
    dateModified: dataRelease.date,
    publisher,
    isPartOf: { "@type": "WebSite", name: site.name, url: publisher.url },
    ...(options.about ? { about: options.about } : {}),
  };
  if (options.type === "Dataset") {
    return {
      ...common,
      license: site.licence.url,
      creator: publisher,
      version: dataRelease.version,
      isAccessibleForFree: true,
    };
  }
  if (options.type === "MedicalWebPage") return { ...common, lastReviewed: dataRelease.date };
  return common;
}

/** JSON in a <script> element: "<" is escaped so text from the data can never close the element. */
export const jsonForScript = (value: unknown): string => JSON.stringify(value).replace(/</g, "\\u003c");
