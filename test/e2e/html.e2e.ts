import path from "node:path";
import { HtmlValidate, FileSystemConfigLoader, formatterFactory } from "html-validate";
import { describe, expect, it } from "vitest";
import { builtPages, distDir } from "./helpers.ts";

describe("valid HTML (html-validate, recommended preset)", () => {
  it("every page in dist/ has 0 errors", async () => {
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const pages = await builtPages();
    const reports = [];
    for (const page of pages) {
      const file = path.join(distDir, page.endsWith(".html") ? page : `${page}index.html`);
      reports.push(await validator.validateFile(file));
    }
    const failed = reports.filter((r) => !r.valid);
    const text = failed.length ? formatterFactory("text")(failed.flatMap((r) => r.results)) : "";
    expect(text).toBe("");
    expect(pages.length).toBeGreaterThan(10);
  });
});
