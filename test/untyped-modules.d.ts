// Test-only libraries that ship no type declarations: used to parse what the site publishes.
declare module "@citation-js/core" {
  export class Cite {
    constructor(data: string, options?: { forceType?: string });
    data: { title?: string; URL?: string }[];
  }
}
declare module "@citation-js/plugin-bibtex";
declare module "@citation-js/plugin-ris";
declare module "datapackage" {
  interface Resource {
    name: string;
    descriptor: { path: string };
    read(options?: { relations?: boolean; keyed?: boolean }): Promise<unknown[]>;
  }
  export class Package {
    static load(descriptor: unknown, options?: { basePath?: string }): Promise<Package>;
    valid: boolean;
    errors: Error[];
    resources: Resource[];
  }
}
