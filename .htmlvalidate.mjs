// html-validate over every page in dist/ (test/e2e/html.e2e.ts). Each disabled rule says why.
export default {
  extends: ["html-validate:recommended"],
  rules: {
    // Astro and Plot write valid boolean and self-closing attributes in their own style (e.g. <path ... />).
    "void-style": "off",
    // Plot's SVG carries an inline <style> scoped to its class; moving it out would break its scoping.
    "no-inline-style": "off",
    // Numbers and ids from data read best in their natural form; this rule only polices our own ids' spelling.
    "valid-id": ["error", { relaxed: true }],
  },
};
