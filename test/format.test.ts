// Norwegian number and date formats, with the exact characters a reader gets.
import { describe, expect, it } from "vitest";
import { escapeXml, formatDate, formatDecimal, formatInteger, formatMillions, formatNumber } from "../src/format.ts";

const nbsp = "\u00A0";

describe("Norwegian formats", () => {
  it("write thousands with a non-breaking space, so a number never wraps", () => {
    expect(formatInteger(481927000)).toBe(`481${nbsp}927${nbsp}000`);
    expect(formatInteger(616)).toBe("616");
    expect(formatInteger(2.6)).toBe("3");
  });

  it("write decimals with a comma: at most one where needed, exactly one where asked", () => {
    expect(formatNumber(12.34)).toBe("12,3");
    expect(formatNumber(12)).toBe("12");
    expect(formatNumber(11771)).toBe(`11${nbsp}771`);
    expect(formatDecimal(12.34)).toBe("12,3");
    expect(formatDecimal(12)).toBe("12,0");
  });

  it("write large amounts in millions for chart axes", () => {
    expect(formatMillions(616700000)).toBe("616,7 mill.");
    expect(formatMillions(5746911000)).toBe(`5${nbsp}746,9 mill.`);
    expect(formatMillions(1000000)).toBe("1 mill.");
  });

  it("write a date with the day, the month in words and the year", () => {
    expect(formatDate("2026-11-23")).toBe("23. november 2026");
    expect(formatDate("2026-01-01")).toBe("1. januar 2026");
  });

  it("escape the XML specials of text", () => {
    expect(escapeXml(`Tom & Jerry <b>"x"</b>`)).toBe(`Tom &amp; Jerry &lt;b&gt;"x"&lt;/b&gt;`);
    expect(escapeXml("&amp;")).toBe("&amp;amp;");
  });
});
