// Debian's chromium and the flags every browser tool here starts it with (Playwright tests and Lighthouse CI).
// CommonJS, so lighthouserc.cjs can require it; no test tool downloads a browser.
const chromiumPath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

const chromiumFlags = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

module.exports = { chromiumPath, chromiumFlags };
