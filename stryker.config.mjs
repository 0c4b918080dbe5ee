// Mutation testing (npm run test:mutation): StrykerJS changes the code one small way at a time (a condition
// flipped, a string emptied, a call removed) and runs the unit tests that cover it; a change no test notices
// "survives". What is mutated and left out, and the last score, are in test/MUTATION.md.
import path from "node:path";

// The seed texts sit beside the project; the tests find them relative to their own file, which in Stryker's
// sandbox (.stryker-tmp/sandbox-…/) is two folders deeper. The test workers inherit this.
process.env.SEEDS_DIR ??= path.resolve(import.meta.dirname, "../shared/seeds");

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutation.config.ts" },
  plugins: ["@stryker-mutator/vitest-runner"],
  mutate: [
    "src/pipeline/**/*.ts",
    "src/model/**/*.ts",
    "src/{addresses,citation,format,hsds,offers,statistics,evidence,prose,csvFile,excelCsv,sourceLocation,siteConfig}.ts",
    "src/deploy/*.ts",
    // Search on the reader's side, pure functions: typo correction, query reading, honest excerpts.
    "src/client/{typos,queryRewrite,excerpt}.ts",
  ],
  // Code that only a real build runs (child processes and signals in build.ts, Pagefind in indexSite.ts, sharp in
  // previewImage.ts) is marked in the source with "// Stryker disable all" and a reason.
  // src/generated/ is not in git: write it in the sandbox from data/, as `npm run dev` does.
  buildCommand: "node scripts/build.ts --generate-only",
  ignorePatterns: ["dist", "dist.*", ".astro", "test-results", ".lighthouseci", "src/generated"],
  // Stryker rewrites tsconfig.json's extends and references for the sandbox through TypeScript's JavaScript API,
  // which TypeScript 7 (the native compiler) does not have. Nothing here needs the rewrite (tsconfig.json only extends
  // a package), so Stryker is pointed at a file that does not exist and leaves tsconfig.json as it is.
  tsconfigFile: "tsconfig.not-rewritten.json",
  coverageAnalysis: "perTest",
  // Code run only while a module loads (dataset definitions, word lists, regular expressions at the top of a file)
  // would need the whole suite once per mutant; those mutants are reported as ignored.
  ignoreStatic: true,
  incremental: true,
  incrementalFile: "reports/stryker-incremental.json",
  concurrency: 2,
  timeoutMS: 10_000,
  timeoutFactor: 2,
  dryRunTimeoutMinutes: 15,
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/mutation.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  thresholds: { high: 90, low: 80, break: null },
  cleanTempDir: "always",
};
