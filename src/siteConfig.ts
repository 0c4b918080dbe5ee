// The site's published address, in one place: read from the environment by src/site.ts (pages, citations, site files)
// and astro.config.mjs (Astro's `site`), and checked by scripts/build.ts before anything is built.
//
//   SITE_URL             the address the site is published at: https://…, or http://localhost… for a local server.
//                        Not set: the build is a local preview at the placeholder address below, marked as such.
//   SITE_FEEDBACK_EMAIL  where «Meld fra om feil» sends its e-mail; by default redaksjonen@<the host of SITE_URL>.

/** The address of a preview build. `.example` names are reserved: it can never be mistaken for the live site. */
export const placeholderUrl = "https://helseogarbeid.example.no/";
/** The mailbox name the feedback address has at the site's host, unless SITE_FEEDBACK_EMAIL says otherwise. */
const feedbackMailbox = "redaksjonen";

export interface SiteConfig {
  /** Absolute, ending in "/", e.g. "https://helseogarbeid.example.no/". */
  url: string;
  /** Where «Meld fra om feil» sends its e-mail. */
  feedbackEmail: string;
  /** false when the address is a stand-in (no SITE_URL, or SITE_FEEDBACK_EMAIL unset in a preview), so pages say it is not set. */
  feedbackEmailSet: boolean;
  /** A preview: the address is not a real public one (not set, a reserved example name, or this machine). Pages are marked so. */
  preview: boolean;
}

/** A wrong or missing configuration: the message says what to set. */
export class SiteConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SiteConfigError";
  }
}

const isLocalHost = (host: string) => host === "localhost" || host.endsWith(".localhost") || /^127\.\d+\.\d+\.\d+$/.test(host) || host === "[::1]";

/**
 * SITE_URL's value as the site's address, e.g. "https://Helse.no" → "https://helse.no/". Throws SiteConfigError when it is
 * not an absolute https address of a host (http only for this machine), or has a path, query, fragment or user name:
 * every link of the site starts at the root of its host.
 */
export function parseSiteUrl(value: string, name = "SITE_URL"): string {
  const shown = JSON.stringify(value);
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new SiteConfigError(`${name}=${shown} is not an absolute address; expected e.g. ${name}=https://helseogarbeid.no/`);
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && isLocalHost(url.hostname))) {
    throw new SiteConfigError(`${name}=${shown} must start with https:// (http:// only for localhost)`);
  }
  if (!url.hostname || !/^https?:\/\/[^/]/i.test(value.trim())) throw new SiteConfigError(`${name}=${shown} has no host name after ${url.protocol}//`);
  if (url.username || url.password) throw new SiteConfigError(`${name}=${shown} must not hold a user name or password`);
  if (url.search || url.hash || value.includes("?") || value.includes("#")) throw new SiteConfigError(`${name}=${shown} must not have a query (?…) or fragment (#…)`);
  if (url.pathname !== "/") {
    throw new SiteConfigError(`${name}=${shown} has a path (${url.pathname}); the site is served from the root of its host, e.g. ${url.origin}/`);
  }
  return `${url.origin}/`;
}

/**
 * Why an address is not one to publish at, or undefined when it is: the placeholder and other reserved example names
 * (RFC 2606: example, .test, .invalid, .localhost; any "example" label, as in helseogarbeid.example.no), and this machine.
 */
export function unpublishableReason(url: string): string | undefined {
  const host = new URL(url).hostname;
  if (isLocalHost(host)) return `${url} is this machine, not a public address`;
  const labels = host.split(".");
  if (labels.includes("example") || ["test", "invalid", "localhost"].includes(labels.at(-1)!)) {
    return `${url} is a reserved example address (the preview placeholder is ${placeholderUrl}), not the published one`;
  }
  return undefined;
}

/** SITE_FEEDBACK_EMAIL's value, checked: one plain address, nothing that could add recipients or headers to the mailto: link. */
export function parseEmail(value: string, name = "SITE_FEEDBACK_EMAIL"): string {
  const email = value.trim();
  if (!/^[A-Za-z0-9.!$%&'*+/=^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/.test(email)) {
    throw new SiteConfigError(`${name}=${JSON.stringify(value)} is not an e-mail address such as redaksjonen@helseogarbeid.no`);
  }
  return email;
}

/** The feedback address a site at this address has when none is set: redaksjonen@<host without "www.">. */
export const defaultFeedbackEmail = (url: string) => `${feedbackMailbox}@${new URL(url).hostname.replace(/^www\./, "")}`;

/** The configuration in `env` (SITE_URL, SITE_FEEDBACK_EMAIL); an empty value counts as not set. Throws SiteConfigError on a bad value. */
export function resolveSiteConfig(env: Record<string, string | undefined> = process.env): SiteConfig {
  const given = env.SITE_URL?.trim() ? parseSiteUrl(env.SITE_URL) : undefined;
  const url = given ?? placeholderUrl;
  const preview = unpublishableReason(url) !== undefined;
  const email = env.SITE_FEEDBACK_EMAIL?.trim() ? parseEmail(env.SITE_FEEDBACK_EMAIL) : undefined;
  return {
    url,
    // A preview's host has no mailbox: the placeholder's address stands in, and the page says it is not set.
    feedbackEmail: email ?? (preview ? defaultFeedbackEmail(placeholderUrl) : defaultFeedbackEmail(url)),
    feedbackEmailSet: email !== undefined || !preview,
    preview,
  };
}

/** What stops a publishing build (`npm run build -- --publish`), or undefined: SITE_URL must be set to a real public address. */
export function publishProblem(env: Record<string, string | undefined> = process.env): string | undefined {
  const how = "Set it to the address the site is published at, e.g. SITE_URL=https://… npm run build -- --publish (a plain `npm run build` makes a local preview).";
  if (!env.SITE_URL?.trim()) return `--publish needs the published address, and SITE_URL is not set. ${how}`;
  const reason = unpublishableReason(parseSiteUrl(env.SITE_URL));
  return reason ? `--publish needs the published address, and SITE_URL=${env.SITE_URL.trim()} is not one: ${reason}. ${how}` : undefined;
}
