// Lighthouse CI on key pages of the built dist/ (run by `npm run test:e2e`). Scores are printed in the log.
const chromeFlags = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
].join(" ");

module.exports = {
  ci: {
    collect: {
      staticDistDir: "./dist",
      url: ["/", "/tilbud/", "/tilbud/ous-kreft-dagrehabilitering/", "/statistikk/bevilgninger/"],
      chromePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
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
