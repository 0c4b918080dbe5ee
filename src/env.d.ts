/// <reference types="astro/client" />

// Plain tsc does not read .astro files (astro check does); this lets .ts modules import components.
declare module "*.astro" {
  const Component: (props: Record<string, unknown>) => unknown;
  export default Component;
}
