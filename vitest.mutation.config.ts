import { BaseSequencer, type TestSpecification } from "vitest/node";
import { defineConfig } from "vitest/config";

// The unit tests that mutation testing runs (npm run test:mutation, stryker.config.mjs): the fast ones only.
// Left out:
// - test/build.test.ts and test/prose-facts.test.ts build the whole site with Astro, Pagefind and sharp: minutes per run.
// - test/builtSite.test.ts reads the built dist/, which the sandbox does not have.
// - test/bad-input.test.ts reads the whole shipped data once per case (50 cases, 1–2 s each), so every mutant it
//   covers and no test kills cost over a minute; the rules it checks are checked on small tables by
//   test/read.test.ts, test/validate.test.ts, test/columns.test.ts and test/loadData.test.ts.
// - test/layers.test.ts reads the source files as text; in Stryker's sandbox they are the instrumented copies, and
//   no mutant can change an import, so it can kill nothing.

/**
 * The files that read the whole shipped data or build a project from it (a second or more per test), slowest last.
 * Stryker stops a mutant's run at its first failing test, so the quick tests of small inputs run first: most mutants
 * are killed before these start. (Vitest's own order is the opposite: longest first.)
 */
const slowLast = ["offers", "schema", "read", "archive", "provenance", "own-words", "build-robustness"];
const rank = (spec: TestSpecification) => slowLast.indexOf(/([^/]+)\.test\.ts$/.exec(spec.moduleId)?.[1] ?? "");

class QuickFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return [...files].sort((a, b) => rank(a) - rank(b) || a.moduleId.localeCompare(b.moduleId));
  }
}

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/build.test.ts", "test/prose-facts.test.ts", "test/builtSite.test.ts", "test/bad-input.test.ts", "test/layers.test.ts"],
    sequence: { sequencer: QuickFirst },
    // One worker process for all files of a run instead of a new one per file: Stryker starts a run per mutant, and the
    // per-file start-up was most of its time. The tests keep no state between files (each cleans up its folders and
    // the environment variables it sets), and Stryker switches mutants at run time, so sharing the modules is safe.
    isolate: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
