/**
 * A value as a message shows it: in quotes, shortened, with characters a reader cannot see or tell apart written
 * as code points, so "12\u200B345" reads as "12<U+200B>345" and a minus sign (U+2212) does not pass for a hyphen.
 */
export function showValue(value: string): string {
  const short = value.length > 60 ? `${value.slice(0, 57)}…` : value;
  return JSON.stringify(short.replace(hardToSee, (ch) => `<U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}>`));
}

/** Controls, format characters (zero-width, direction marks, BOM), spaces other than the plain one, and look-alikes of the hyphen-minus. */
const hardToSee = /[\p{Cc}\p{Cf}\p{Co}\p{Zl}\p{Zp}\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\u2010-\u2012\u2212\uFE63\uFF0D]/gu;
