// html-validate over every page in dist/ (test/e2e/html.e2e.ts). No rule is disabled; justify any you turn off here.
export default {
  extends: ["html-validate:recommended"],
};
