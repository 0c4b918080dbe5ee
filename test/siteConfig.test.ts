// The site's address as configuration (SITE_URL, SITE_FEEDBACK_EMAIL): parsed, checked and normalised in src/siteConfig.ts.
import { describe, expect, it } from "vitest";
import { parseEmail, parseSiteUrl, placeholderUrl, publishProblem, resolveSiteConfig, SiteConfigError, unpublishableReason } from "../src/siteConfig.ts";

describe("SITE_URL", () => {
  it("is normalised to an origin ending in /", () => {
    expect(parseSiteUrl("https://helse-og-arbeid.test.no")).toBe("https://helse-og-arbeid.test.no/");
    expect(parseSiteUrl("https://helse-og-arbeid.test.no/")).toBe("https://helse-og-arbeid.test.no/");
    expect(parseSiteUrl("  HTTPS://Helse-Og-Arbeid.TEST.no  ")).toBe("https://helse-og-arbeid.test.no/");
    expect(parseSiteUrl("https://helse-og-arbeid.test.no:8443")).toBe("https://helse-og-arbeid.test.no:8443/");
    expect(parseSiteUrl("https://blåbær.no")).toBe("https://xn--blbr-roah.no/"); // (its ASCII form)
    // http only for this machine
    expect(parseSiteUrl("http://localhost:4321")).toBe("http://localhost:4321/");
    expect(parseSiteUrl("http://127.0.0.1:8080/")).toBe("http://127.0.0.1:8080/");
  });

  it.each([
    ["helse-og-arbeid.test.no", "is not an absolute address"],
    ["/tilbud/", "is not an absolute address"],
    ["http://helse-og-arbeid.test.no", "must start with https:// (http:// only for localhost)"],
    ["ftp://helse-og-arbeid.test.no", "must start with https://"],
    ["https:helse-og-arbeid.test.no", "has no host name"],
    ["https://helse-og-arbeid.test.no/helse/", "has a path (/helse/); the site is served from the root of its host, e.g. https://helse-og-arbeid.test.no/"],
    ["https://helse-og-arbeid.test.no/?a=1", "must not have a query"],
    ["https://helse-og-arbeid.test.no/#top", "must not have a query (?…) or fragment (#…)"],
    ["https://user:pw@helse-og-arbeid.test.no/", "must not hold a user name or password"],
  ])("refuses %s: %s", (value, message) => {
    expect(() => parseSiteUrl(value)).toThrow(SiteConfigError);
    expect(() => parseSiteUrl(value)).toThrow(`SITE_URL=${JSON.stringify(value)} ${message}`);
  });

  it("tells a real public address from the placeholder, other reserved example names and this machine", () => {
    expect(unpublishableReason("https://helse-og-arbeid.test.no/")).toBeUndefined();
    expect(unpublishableReason("https://helseogarbeid.no/")).toBeUndefined();
    expect(unpublishableReason(placeholderUrl)).toContain("reserved example address");
    for (const url of ["https://example.com/", "https://nettsted.example/", "https://helse.test/", "https://x.invalid/"]) expect(unpublishableReason(url), url).toContain("reserved example");
    for (const url of ["http://localhost:4321/", "https://app.localhost/", "http://127.0.0.1/"]) expect(unpublishableReason(url), url).toContain("this machine");
  });
});

describe("the configuration", () => {
  it("without SITE_URL is a preview at the placeholder, whose feedback address is not set", () => {
    expect(resolveSiteConfig({})).toEqual({ url: placeholderUrl, feedbackEmail: "redaksjonen@helseogarbeid.example.no", feedbackEmailSet: false, preview: true });
    // An empty value (an unset CI variable) counts as not set.
    expect(resolveSiteConfig({ SITE_URL: " ", SITE_FEEDBACK_EMAIL: "" }).preview).toBe(true);
    expect(resolveSiteConfig({ SITE_URL: "http://localhost:4321" })).toMatchObject({ url: "http://localhost:4321/", preview: true, feedbackEmailSet: false });
  });

  it("with SITE_URL names that address, and the feedback address at its host unless SITE_FEEDBACK_EMAIL says another", () => {
    expect(resolveSiteConfig({ SITE_URL: "https://www.helse-og-arbeid.test.no" })).toEqual({
      url: "https://www.helse-og-arbeid.test.no/",
      feedbackEmail: "redaksjonen@helse-og-arbeid.test.no",
      feedbackEmailSet: true,
      preview: false,
    });
    expect(resolveSiteConfig({ SITE_URL: "https://helse-og-arbeid.test.no", SITE_FEEDBACK_EMAIL: "post@nav.test.no" }).feedbackEmail).toBe("post@nav.test.no");
    expect(resolveSiteConfig({ SITE_FEEDBACK_EMAIL: "post@nav.test.no" })).toMatchObject({ preview: true, feedbackEmail: "post@nav.test.no", feedbackEmailSet: true });
  });

  it("refuses a bad value instead of building with it", () => {
    expect(() => resolveSiteConfig({ SITE_URL: "helseogarbeid.no" })).toThrow('SITE_URL="helseogarbeid.no" is not an absolute address');
    expect(() => parseEmail("a@b.no?cc=c@d.no")).toThrow("is not an e-mail address");
    expect(() => resolveSiteConfig({ SITE_URL: "https://helse-og-arbeid.test.no", SITE_FEEDBACK_EMAIL: "redaksjonen" })).toThrow(
      'SITE_FEEDBACK_EMAIL="redaksjonen" is not an e-mail address',
    );
  });

  it("lets a publishing build (--publish) run only at a real public address, and says how to set it", () => {
    expect(publishProblem({ SITE_URL: "https://helse-og-arbeid.test.no" })).toBeUndefined();
    expect(publishProblem({})).toMatch(/^--publish needs the published address, and SITE_URL is not set\. .*SITE_URL=https:\/\/… npm run build -- --publish/);
    expect(publishProblem({ SITE_URL: "https://helseogarbeid.example.no" })).toContain("is a reserved example address");
    expect(publishProblem({ SITE_URL: "http://localhost:4321" })).toContain("is this machine");
    expect(() => publishProblem({ SITE_URL: "http://helse-og-arbeid.test.no" })).toThrow(SiteConfigError);
  });
});
