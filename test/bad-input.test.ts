import { cp, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseAst } from "vitest/node";
import { DataError } from "../src/pipeline/dataError.ts";
import { loadData } from "../src/pipeline/loadData.ts";
import { applySetup, copyOfShippedData, projectRoot, removeDataCopy } from "./helpers.ts";

/**
 * Each folder in test/fixtures/bad/ replaces one or two files of the shipped data with a broken
 * version; expected.txt holds the exact messages the run must print, in order, and nothing else.
 * setup.txt may instead change the shipped files in place (see applySetup).
 */
const badDir = path.join(projectRoot, "test/fixtures/bad");
const cases = (await readdir(badDir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name);
const tempDirs: string[] = [];
afterAll(async () => Promise.all(tempDirs.map(removeDataCopy)));

/** Runs the read and validate stages on data/ with the case's files put in, as if they were in data/. */
async function errorsFor(caseName: string): Promise<string[]> {
  const dir = await copyOfShippedData();
  tempDirs.push(dir);
  for (const file of await readdir(path.join(badDir, caseName))) {
    if (file.endsWith(".csv")) await cp(path.join(badDir, caseName, file), path.join(dir, file));
  }
  await applySetup(dir, await readFile(path.join(badDir, caseName, "setup.txt"), "utf8").catch(() => ""));
  try {
    await loadData(dir, { relativeTo: path.dirname(dir) });
    return [];
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    return error.message.split("\n");
  }
}

/**
 * Messages that no data can trigger, with the reason; each needs a unit test elsewhere instead. Keep this tiny.
 * Keys are templates as messageTemplates() writes them (`${…}` for each interpolation).
 */
const withoutFixture = new Map<string, string>([
  [
    "was read as ${…} rows by the CSV parser but has ${…}; expected both to read the same rows (they first differ on this line)",
    "guard in compareWithParser: scanCsv refuses every input d3-dsv would read differently first (unit test in read.test.ts)",
  ],
  [
    "was read by the CSV parser as ${…} but is ${…}; expected both to read the same values",
    "same guard, for rows read with different values (unit test in read.test.ts)",
  ],
]);

interface MessageTemplate {
  /** e.g. "${…} is out of range; expected ${…} to ${…}" */
  template: string;
  /** The whole message: literal parts in order, anything for each `${…}`. */
  matcher: RegExp;
  literalLength: number;
  /** Source files it was found in, relative to the project. */
  files: string[];
}

/**
 * The message templates of every source file loadData runs: loadData.ts and the files it imports, followed through
 * relative imports and re-exports (so the scan follows the schema wherever its files move). In each file's syntax tree
 * a message is a string or template literal (or either branch of a `cond ? … : …` of them) that is
 *   - the value of a property `message: …` (a DataIssue, a row rule's { column, message }),
 *   - the value of a variable `const message = …`,
 *   - the argument of a call `invalid(…)` (a column refusing a cell), the second of `fail(line, …)` (the CSV scanner),
 *   - returned by a function whose name ends in `Issue` (e.g. offerIdIssue, whose result a rule passes on as message).
 * Messages built otherwise (from a variable or a call) are not seen; they pass on a message found here. A template
 * without literal text (formatIssue's `${where}${…}${message}`) is a formatter and is left out.
 */
async function messageTemplates(entry: string): Promise<MessageTemplate[]> {
  const byTemplate = new Map<string, MessageTemplate>();
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const ast = parseAst(await readFile(file, "utf8"), { lang: "ts" }) as unknown as SyntaxNode;
    const shown = path.relative(projectRoot, file);
    const add = (node: SyntaxNode | undefined) => {
      for (const parts of literalParts(node)) {
        if (parts.join("").trim() === "") continue; // no literal text: a formatter such as formatIssue, not a message
        const template = parts.join("${…}");
        const existing = byTemplate.get(template);
        if (existing) {
          if (!existing.files.includes(shown)) existing.files.push(shown);
          continue;
        }
        const escaped = parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
        byTemplate.set(template, { template, matcher: new RegExp(`^${escaped.join(".*?")}$`), literalLength: parts.join("").length, files: [shown] });
      }
    };
    walk(ast, undefined, (node, fn) => {
      if (node.type === "Property" && !node.shorthand && keyName(node.key) === "message") add(node.value);
      else if (node.type === "VariableDeclarator" && keyName(node.id) === "message") add(node.init);
      else if (node.type === "CallExpression" && keyName(node.callee) === "fail") add(node.arguments?.[1]);
      else if (node.type === "CallExpression" && keyName(node.callee) === "invalid") add(node.arguments?.[0]);
      else if (node.type === "ReturnStatement" && fn?.endsWith("Issue")) add(node.argument);
      else if (/^(Import|ExportNamed|ExportAll)Declaration$/.test(node.type) && typeof node.source?.value === "string" && node.source.value.startsWith(".")) {
        queue.push(path.resolve(path.dirname(file), node.source.value));
      }
    });
  }
  return [...byTemplate.values()];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type SyntaxNode = { type: string; [key: string]: any };

/** Visits every node, with the name of the nearest enclosing function declaration. */
function walk(node: unknown, fn: string | undefined, visit: (node: SyntaxNode, fn: string | undefined) => void): void {
  if (Array.isArray(node)) return node.forEach((n) => walk(n, fn, visit));
  if (!node || typeof node !== "object") return;
  const n = node as SyntaxNode;
  if (typeof n.type === "string") {
    visit(n, fn);
    if (n.type === "FunctionDeclaration") fn = n.id?.name;
  }
  for (const value of Object.values(n)) if (value && typeof value === "object") walk(value, fn, visit);
}

function keyName(node: SyntaxNode | undefined): string | undefined {
  return node?.type === "Identifier" ? node.name : node?.type === "Literal" ? String(node.value) : undefined;
}

/** The literal parts of each message an expression can be: ["a ", " b"] for `a ${x} b`. */
function literalParts(node: SyntaxNode | undefined): string[][] {
  if (!node) return [];
  if (node.type === "Literal" && typeof node.value === "string") return [[node.value]];
  if (node.type === "TemplateLiteral") return [node.quasis.map((q: SyntaxNode) => q.value.cooked as string)];
  if (node.type === "ConditionalExpression") return [...literalParts(node.consequent), ...literalParts(node.alternate)];
  if (node.type === "ParenthesizedExpression") return literalParts(node.expression);
  return [];
}

/** The message of a printed line: "data/offers.csv:2:id: \"x\" is not valid…" → "\"x\" is not valid…". */
function messageOf(line: string): string {
  return line.replace(/^[^:]*:(?:\d+:)?(?:[^ :]*: | )/, "");
}

describe("bad input is refused with file, line, column and what was expected", () => {
  it("has a fixture for every message the read and validate stages can print", async () => {
    const templates = await messageTemplates(path.join(projectRoot, "src/pipeline/loadData.ts"));
    // A floor, so a change that hides the messages from the scan cannot pass as full coverage.
    expect(templates.length).toBeGreaterThanOrEqual(50);
    const lines: string[] = [];
    for (const name of cases) lines.push(...(await readFile(path.join(badDir, name, "expected.txt"), "utf8")).trimEnd().split("\n"));
    const covered = new Set<MessageTemplate>();
    for (const message of lines.map(messageOf)) {
      // Credit a line to the matching template with the most literal text, so that `${n} is out of range; expected
      // ${min} to ${max}` (decimal) is not covered by a line of the longer integer template.
      const matching = templates.filter((t) => t.matcher.test(message));
      const most = Math.max(...matching.map((t) => t.literalLength));
      for (const t of matching) if (t.literalLength === most) covered.add(t);
    }
    const missing = templates.filter((t) => !covered.has(t) && !withoutFixture.has(t.template)).map((t) => `${t.template}  (${t.files.join(", ")})`);
    expect(missing, "messages without a fixture in test/fixtures/bad/").toEqual([]);
    const stale = [...withoutFixture.keys()].filter((k) => !templates.some((t) => t.template === k));
    expect(stale, "allow-list entries no longer in the code").toEqual([]);
  });

  for (const name of cases) {
    it(name, async () => {
      const expected = (await readFile(path.join(badDir, name, "expected.txt"), "utf8")).trimEnd().split("\n");
      expect(await errorsFor(name)).toEqual(expected);
    });
  }
});
