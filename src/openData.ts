// The open-data section: every dataset of data/ with its data dictionary, described as a Frictionless
// Tabular Data Package. Everything here is derived from the schemas in src/model/datasets.ts.
import { csvParseRows } from "d3-dsv";
import type { Column } from "./model/columns.ts";
import type { Dataset } from "./model/dataset.ts";
import { datasets } from "./model/datasets.ts";
import { dataRelease, site } from "./site.ts";
import { sitePages } from "./addresses.ts";
import { csvHeaderTextOf } from "./generatedFiles.ts";

/** Single-value references only: a list cell ("a; b") is checked by the build instead. Frictionless wants none rather than []. */
function foreignKeys(d: Dataset) {
  const keys = Object.entries(d.columns)
    .filter(([, column]) => column.references && column.kind === "reference")
    .map(([name, column]) => {
      const target = datasets.find((t) => t.name === column.references)!;
      return { fields: [name], reference: { resource: resourceName(target), fields: [target.key] } };
    });
  return keys.length ? { foreignKeys: keys } : {};
}

/** Frictionless resource names allow lower case, digits and -._ only. */
const resourceName = (d: Dataset) => d.name.replace(/_/g, "-");

/** The CSV file's header row. Frictionless reads columns by position (the build reads them by name). */
const headerOf = (d: Dataset) => csvParseRows(csvHeaderTextOf(d).replace(/^\uFEFF/, ""))[0]!.map((h) => h.trim());

/** What every Frictionless tabular data package of the site says of itself: release, date, licence. */
export function packageDescriptor(about: { name: string; title: string; description: string; homepage: string }) {
  return {
    profile: "tabular-data-package",
    ...about,
    version: dataRelease.version,
    created: `${dataRelease.date}T00:00:00Z`,
    licenses: [{ name: "CC-BY-4.0", title: "Creative Commons Attribution 4.0", path: "https://creativecommons.org/licenses/by/4.0/" }],
  };
}

/** A UTF-8 CSV file as a Frictionless tabular data resource. */
export const csvResource = (about: { name: string; path: string; title?: string; description: string }) => ({
  profile: "tabular-data-resource",
  ...about,
  format: "csv",
  mediatype: "text/csv",
  encoding: "utf-8",
});

export function dataPackage() {
  return {
    ...packageDescriptor({ name: "helse-og-arbeid", title: site.name, description: site.description, homepage: new URL(sitePages.data, site.url).href }),
    resources: datasets.map((d) => ({
      ...csvResource({ name: resourceName(d), path: `${d.name}.csv`, title: d.title, description: d.description }),
      schema: {
        // In the order the file has them.
        fields: headerOf(d).map((name) => {
          const column = (d.columns as Record<string, Column<unknown>>)[name];
          if (!column) throw new Error(`${d.file} has a column ${name} that its schema does not describe`);
          return { name, description: column.description || undefined, ...column.field, constraints: { ...column.field.constraints, required: column.required } };
        }),
        primaryKey: [d.key],
        missingValues: [""],
        ...foreignKeys(d),
      },
    })),
  };
}
