// @ts-check
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import { resolveSiteConfig } from "./src/siteConfig.ts";

// The build script (scripts/build.ts) passes outDir, so a failed build never touches dist/.
export default defineConfig({
  // SITE_URL, checked and normalised (src/siteConfig.ts); without it, the preview's placeholder address.
  site: resolveSiteConfig(process.env).url,
  trailingSlash: "always",
  build: { format: "directory" },
  integrations: [mdx()],
  // No page shows code, so the highlighter (and its WebAssembly start-up) is not loaded.
  markdown: { syntaxHighlight: false },
  devToolbar: { enabled: false },
  vite: {
    build: {
      rollupOptions: {
        // Astro's own MDX output carries a "use astro:head-inject" directive that the bundler warns about on every page.
        onwarn(warning, warn) {
          if (warning.code === "MODULE_LEVEL_DIRECTIVE" && warning.message.includes("astro:head-inject")) return;
          warn(warning);
        },
      },
    },
  },
});
