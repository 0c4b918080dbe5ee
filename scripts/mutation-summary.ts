// Writes the last mutation run's score and surviving mutants into test/MUTATION.md (`npm run test:mutation` runs it
// after Stryker). The text above the marker line is kept as written; everything below it is replaced.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const reportFile = path.join(root, "reports/mutation/mutation.json");
const summaryFile = path.join(root, "test/MUTATION.md");
const marker = "<!-- Below this line: written by scripts/mutation-summary.ts from the last run. -->";

interface Mutant {
  mutatorName: string;
  replacement?: string;
  status: string;
  location: { start: { line: number; column: number } };
}
interface Report {
  files: Record<string, { mutants: Mutant[] }>;
}

const report = JSON.parse(await readFile(reportFile, "utf8")) as Report;
const counted = ["Killed", "Timeout", "Survived", "NoCoverage"] as const;
const count = (mutants: Mutant[], status: string) => mutants.filter((m) => m.status === status).length;
const all = Object.values(report.files).flatMap((f) => f.mutants);
const detected = count(all, "Killed") + count(all, "Timeout");
const valid = counted.reduce((n, s) => n + count(all, s), 0);
const percent = (n: number, of: number) => (of === 0 ? "–" : `${((100 * n) / of).toFixed(1)} %`);

const lines = [
  marker,
  "",
  `Mutation score: ${percent(detected, valid)} (${detected} of ${valid} mutants detected; ${new Date().toISOString().slice(0, 10)})`,
  "",
  `Killed ${count(all, "Killed")}, timed out ${count(all, "Timeout")}, survived ${count(all, "Survived")}, no test covers ${count(all, "NoCoverage")}; ` +
    `left out of the score: ignored ${count(all, "Ignored")} (static code and the parts marked \`Stryker disable\`), ` +
    `did not compile ${count(all, "CompileError")}, errors ${count(all, "RuntimeError")}.`,
  "",
  "| file | score | detected | survived | no coverage |",
  "| --- | --- | --- | --- | --- |",
];
const files = Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b));
for (const [file, { mutants }] of files) {
  const d = count(mutants, "Killed") + count(mutants, "Timeout");
  const v = counted.reduce((n, s) => n + count(mutants, s), 0);
  if (v === 0) continue;
  lines.push(`| ${file} | ${percent(d, v)} | ${d} | ${count(mutants, "Survived")} | ${count(mutants, "NoCoverage")} |`);
}
lines.push("", "## Surviving mutants", "", "Each as `line:column mutator → replacement`; the HTML report (reports/mutation/mutation.html) shows them in the code.", "");
for (const [file, { mutants }] of files) {
  const left = mutants.filter((m) => m.status === "Survived" || m.status === "NoCoverage");
  if (!left.length) continue;
  lines.push(`<details><summary>${file}: ${left.length}</summary>`, "");
  for (const m of left.sort((a, b) => a.location.start.line - b.location.start.line || a.location.start.column - b.location.start.column)) {
    const replacement = (m.replacement ?? "").replace(/\s+/g, " ").slice(0, 80).replaceAll("`", "'");
    lines.push(`- ${m.location.start.line}:${m.location.start.column} ${m.mutatorName}${m.status === "NoCoverage" ? " (no test covers it)" : ""} → \`${replacement}\``);
  }
  lines.push("", "</details>", "");
}

const current = await readFile(summaryFile, "utf8").catch(() => "");
const kept = current.includes(marker) ? current.slice(0, current.indexOf(marker)) : current;
await writeFile(summaryFile, `${kept}${lines.join("\n")}\n`);
console.log(`Mutation score: ${percent(detected, valid)}; written to ${path.relative(root, summaryFile)}`);
