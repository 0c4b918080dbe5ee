// @ts-check
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import { fileURLToPath } from "node:url";
import { resolveSiteConfig } from "./src/siteConfig.ts";
import { dataDependenciesPlugin } from "./src/pipeline/astro/dataDependencies.ts";

const srcDir = fileURLToPath(new URL("./src", import.meta.url));

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
  // A rebuild renders again only the pages whose code or data changed, and copies the others from the last build
  // (kept in cacheDir: scripts/build.ts gives each output folder its own, astroCacheOf in src/pipeline/astro/astroCache.ts);
  // src/pipeline/astro/dataDependencies.ts makes the data a page reads part of the hash of its code.
  experimental: { incrementalBuild: true },
  vite: {
    plugins: [dataDependenciesPlugin(srcDir)],
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
