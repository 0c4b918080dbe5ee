// What a reader of the published report can look up: the document's chapter, section or table. Line numbers of our
// text extraction stay in data/ and the downloads, for the provenance check; they mean nothing in the report itself.

/** Whether a clause points into our text extraction (a line, the text edition) rather than the document itself. */
const aboutExtraction = /\blinje|\blinjene\b|\blinjer\b|\bL\d{2,}|\bl\.\s?\d|tekstutgave|uttrekk|\.txt\b|linjeskift/i;

/**
 * Where in the published document a fact stands, in words a reader can follow: "Tabell 4.20" → "tabell 4.20",
 * "4.10.13.1 Sykmeldingsdiagnoser og …" → "avsnitt 4.10.13.1", "10. Hovedkonklusjoner" → "kapittel 10",
 * "Sammendrag" → "sammendraget". A section's number is enough to find it, and its title would repeat the source.
 */
export function readerLocation(sourceLocation: string): string {
  const numbered = /^(?:(avsnitt|kapittel)\s+)?(\d+(?:\.\d+)*)\.?(?:\s|$)(.*)$/i.exec(sourceLocation.trim());
  if (numbered) {
    const [, word, number, rest] = numbered as unknown as [string, string | undefined, string, string];
    const parts = number.replace(/\.0$/, "").split(".");
    const kind = word?.toLowerCase() ?? (parts.length === 1 ? "kapittel" : "avsnitt");
    // Our own gloss in brackets, such as "(liste over private avtaler i 2020)", helps a reader; a printed title does not.
    const gloss = word && /^\(.*\)$/.test(rest.trim()) ? ` ${rest.trim()}` : "";
    return `${kind} ${parts.join(".")}${gloss}`;
  }
  const named: Record<string, string> = {
    sammendrag: "sammendraget",
    "sammendrag (konklusjon)": "sammendraget (konklusjonen)",
    diskusjon: "diskusjonen",
    "results (engelsk sammendrag)": "det engelske sammendraget (Results)",
    "conclusion (engelsk sammendrag)": "det engelske sammendraget (Conclusion)",
  };
  // A bracket about our text extraction ("tabelltekst mangler i tekstutgaven") means nothing to a reader of the report.
  const location = sourceLocation.replace(/\s*\(([^()]*)\)/g, (bracket, inner: string) => (aboutExtraction.test(inner) ? "" : bracket)).trim();
  return named[location.toLowerCase()] ?? location.charAt(0).toLowerCase() + location.slice(1);
}

/** Splits at "; " and sentence ends outside brackets, so a bracket keeps its clauses together. */
function topLevelClauses(text: string): string[] {
  const clauses: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "(") depth++;
    else if (c === ")") depth = Math.max(0, depth - 1);
    else if (depth === 0 && (c === ";" || c === ".") && /\s/.test(text[i + 1] ?? "") && (c === ";" || /[A-ZÆØÅ«"(]/.test(text[i + 2] ?? ""))) {
      clauses.push(text.slice(start, i));
      start = i + 1;
    }
  }
  clauses.push(text.slice(start));
  return clauses.map((clause) => clause.trim().replace(/[.;]$/, "")).filter(Boolean);
}

/** The clauses of a text a reader needs, each bracket within them treated the same way. */
function readerClauses(text: string): string[] {
  return topLevelClauses(text)
    .map((clause) => clause.replace(/\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)/g, (_, inner: string) => {
      const kept = readerClauses(inner);
      return kept.length ? ` (${kept.join("; ")})` : "";
    }))
    .filter((clause) => !aboutExtraction.test(clause));
}

const capitalized = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/** The clauses of a note a reader needs, each on its own ("Avrundet; Anslag (kilden)" → ["Avrundet", "Anslag (kilden)"]). */
export const readerNoteClauses = (note: string | undefined): string[] => (note ? readerClauses(note).map(capitalized) : []);

/**
 * The part of an editors' note a reader needs: errors or gaps in the source, rounding, estimates. Clauses that point
 * into our text extraction (line numbers, extraction order) are for editors only. Undefined when nothing is left.
 */
export function readerNote(note: string | undefined): string | undefined {
  if (!note) return undefined;
  const kept = readerClauses(note);
  if (kept.length === 0) return undefined;
  return `${capitalized(kept.join("; "))}.`;
}
