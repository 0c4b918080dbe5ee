// The figures policymakers cite first, as data/key_figures.csv gives them: shown on /statistikk/nokkeltall/ and,
// where marked, on the home page.
import type { KeyFigure } from "./model/datasets.ts";
import { keyFigures } from "./records.ts";
import { numberFormat } from "./format.ts";

export const homeKeyFigures = (): KeyFigure[] => keyFigures.filter((f) => f.on_home);

const nb = (digits: number) => numberFormat(0, digits);

/**
 * A key figure the way a Norwegian reader says it: "5,75 mrd. kroner", "233 610", "−8,64 dager".
 * Kroner above a billion are shortened, since every figure links to its exact amount.
 */
export function formatKeyFigure(f: KeyFigure): string {
  if (f.unit === "kroner") {
    if (Math.abs(f.value) >= 1e9) return `${nb(2).format(f.value / 1e9)} mrd. kroner`;
    if (Math.abs(f.value) >= 1e6) return `${nb(1).format(f.value / 1e6)} mill. kroner`;
    return `${nb(0).format(f.value)} kroner`;
  }
  if (f.unit === "dager") return `${nb(2).format(f.value)} dager`;
  if (f.unit === "prosent") return `${nb(1).format(f.value)} %`;
  return nb(2).format(f.value);
}
