// Lighthouse CI on key pages of the built dist/ (run by `npm run test:e2e`). Scores are printed in the log.
const { chromiumPath, chromiumFlags } = require("./test/e2e/chromium.cjs");
const chromeFlags = ["--headless=new", ...chromiumFlags].join(" ");

module.exports = {
  ci: {
    collect: {
      staticDistDir: "./dist",
      url: ["/", "/tilbud/", "/tilbud/ous-kreft-dagrehabilitering/", "/statistikk/bevilgninger/"],
      chromePath: chromiumPath,
      numberOfRuns: 1,
      settings: { chromeFlags },
    },
    assert: {
      assertions: {
        "categories:performance": ["error", { minScore: 0.95 }],
        "categories:accessibility": ["error", { minScore: 0.95 }],
        "categories:best-practices": ["error", { minScore: 0.95 }],
        "categories:seo": ["error", { minScore: 0.95 }],
      },
    },
    upload: { target: "filesystem", outputDir: "./test-results/lighthouse" },
  },
};
