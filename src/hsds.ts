// The offer directory as an Open Referral HSDS 3.0 tabular data package (/data/hsds/): providers become
// organizations, offers services, places locations, and each offer's region its service area.
// Column names, order, types and constraints follow HSDS 3.0's tabular schema; a column the sources say
// nothing about stays empty. HSDS wants UUIDs, so each id is turned into a name-based UUID (version 5)
// that stays the same from build to build.
import { createHash } from "node:crypto";
import { csvFile } from "./csvFile.ts";
import { ownershipLabels, targetGroupLabels, updatesOf } from "./offers.ts";
import { dataSectionHref, offerHref } from "./addresses.ts";
import { offers, places, providers } from "./records.ts";
import { csvResource, packageDescriptor } from "./openData.ts";
import { site } from "./site.ts";
import type { Offer } from "./model/datasets.ts";

/** Our own namespace for the name-based UUIDs (RFC 9562, version 5). */
const namespace = Buffer.from("8f0c2d9e4b7a4e61a3c5d2f1e0b9a876", "hex");

export function uuidFor(kind: string, id: string): string {
  const bytes = createHash("sha1").update(namespace).update(`${kind}:${id}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

type FieldType = "string" | "number" | "date" | "datetime";
interface HsdsField {
  name: string;
  type?: FieldType;
  format?: "uuid" | "email" | "uri";
  required?: boolean;
  enum?: readonly string[];
}
interface HsdsTable {
  name: string;
  path: string;
  description: string;
  fields: HsdsField[];
  foreignKeys: { field: string; resource: string }[];
  rows: () => Record<string, string | number | undefined>[];
}

const uuid = (name: string, required = false): HsdsField => ({ name, format: "uuid", required });
const serviceStatuses = ["active", "inactive", "defunct", "temporarily closed"] as const;
const locationTypes = ["physical", "postal", "virtual"] as const;

/** HSDS 3.0 status: "inactive" where a 2020/21 description says the offer is being wound down, else "active" as of the source. */
const statusOf = (offer: Offer) => (updatesOf(offer).some((u) => u.change === "avvikles") ? "inactive" : "active");

export const hsdsTables: HsdsTable[] = [
  {
    name: "organization",
    path: "organizations.csv",
    description: "Tilbyderne: helseforetak og private institusjoner med avtale.",
    fields: [
      uuid("id", true), { name: "name", required: true }, { name: "alternate_name" }, { name: "description", required: true },
      { name: "email", format: "email" }, { name: "website", format: "uri" }, { name: "tax_status" }, { name: "tax_id" },
      { name: "year_incorporated", type: "number" }, { name: "legal_status" }, { name: "logo" }, { name: "uri", format: "uri" },
      uuid("parent_organization_id"),
    ],
    foreignKeys: [],
    rows: () =>
      providers.map((p) => {
        const own = offers.filter((o) => o.provider_id === p.id);
        const regions = [...new Set(own.map((o) => o.region))].join(", ");
        return {
          id: uuidFor("organization", p.id),
          name: p.name,
          description: `${ownershipLabels[p.ownership]}. Gir ${own.length} Helse og arbeid-tilbud (${regions}).`,
        };
      }),
  },
  {
    name: "service",
    path: "services.csv",
    description: "Tilbudene. status gjelder tidspunktet kilden beskriver (våren 2019 eller 2020/21), ikke i dag.",
    fields: [
      uuid("id", true), uuid("organization_id", true), uuid("program_id"), { name: "name", required: true }, { name: "alternate_name" },
      { name: "description" }, { name: "url", format: "uri" }, { name: "email", format: "email" },
      { name: "status", required: true, enum: serviceStatuses }, { name: "interpretation_services" }, { name: "application_process" },
      { name: "fees_description" }, { name: "wait_time" }, { name: "fees" }, { name: "accreditations" }, { name: "eligibility_description" },
      { name: "minimum_age", type: "number" }, { name: "maximum_age", type: "number" }, { name: "assured_date", type: "date" },
      { name: "assurer_email", format: "email" }, { name: "licenses" }, { name: "alert" }, { name: "last_modified", type: "datetime" },
    ],
    foreignKeys: [{ field: "organization_id", resource: "organization" }],
    rows: () =>
      offers.map((o) => ({
        id: uuidFor("service", o.id),
        organization_id: uuidFor("organization", o.provider_id),
        name: o.name,
        description: o.description,
        // The service's page in this directory: the sources give no web address of their own.
        url: new URL(offerHref(o.id), site.url).href,
        status: statusOf(o),
        eligibility_description: `Målgruppe: ${o.target_groups.map((g) => targetGroupLabels[g]).join(", ")}.`,
      })),
  },
  {
    name: "service_at_location",
    path: "service_at_location.csv",
    description: "Hvor hvert tilbud gis, der kilden nevner stedet.",
    fields: [uuid("id", true), uuid("service_id", true), uuid("location_id", true), { name: "description" }],
    foreignKeys: [
      { field: "service_id", resource: "service" },
      { field: "location_id", resource: "location" },
    ],
    rows: () =>
      offers.flatMap((o) =>
        (o.place_ids ?? []).map((placeId) => ({
          id: uuidFor("service_at_location", `${o.id}@${placeId}`),
          service_id: uuidFor("service", o.id),
          location_id: uuidFor("location", placeId),
        })),
      ),
  },
  {
    name: "location",
    path: "locations.csv",
    description: "Stedene (tettsteder). Koordinatene er tettstedets omtrentlige sentrum, ikke tilbudets adresse, og er ikke fra kildene.",
    fields: [
      uuid("id", true), { name: "location_type", required: true, enum: locationTypes }, { name: "url", format: "uri" },
      uuid("organization_id"), { name: "name" }, { name: "alternate_name" }, { name: "description" }, { name: "transportation" },
      { name: "latitude", type: "number" }, { name: "longitude", type: "number" }, { name: "external_identifier" },
      { name: "external_identifier_type" },
    ],
    foreignKeys: [{ field: "organization_id", resource: "organization" }],
    rows: () =>
      places.map((p) => ({
        id: uuidFor("location", p.id),
        location_type: "physical",
        name: p.name,
        description: p.coordinate_source,
        latitude: p.latitude,
        longitude: p.longitude,
      })),
  },
  {
    name: "service_area",
    path: "service_areas.csv",
    description: "Det regionale helseforetaket (RHF) hvert tilbud hører til.",
    fields: [uuid("id", true), uuid("service_id"), { name: "name" }, { name: "description" }, { name: "extent" }, { name: "extent_type" }, { name: "uri" }],
    foreignKeys: [{ field: "service_id", resource: "service" }],
    rows: () =>
      offers.map((o) => ({
        id: uuidFor("service_area", o.id),
        service_id: uuidFor("service", o.id),
        name: o.region,
        description: "Regionalt helseforetak (RHF)",
      })),
  },
];

export function hsdsCsv(table: HsdsTable): string {
  const header = table.fields.map((f) => f.name);
  return csvFile([header, ...table.rows().map((row) => header.map((h) => (row[h] === undefined ? "" : String(row[h]))))]);
}

export function hsdsDataPackage() {
  return {
    ...packageDescriptor({
      name: "helse-og-arbeid-hsds",
      title: `${site.name}: tilbudsoversikten i Open Referral HSDS`,
      description:
        "Helse og arbeid-tilbudene som Open Referral Human Services Data Specification (HSDS) 3.0, tabellform. Bare tabellene kildene har opplysninger til er med; tomme felt betyr at kildene ikke sier det.",
      homepage: new URL(dataSectionHref("hsds"), site.url).href,
    }),
    resources: hsdsTables.map((t) => ({
      ...csvResource({ name: t.name, path: t.path, description: t.description }),
      schema: {
        fields: t.fields.map((f) => ({
          name: f.name,
          type: f.type ?? "string",
          ...(f.format ? { format: f.format } : {}),
          constraints: { required: f.required ?? false, ...(f.name === "id" ? { unique: true } : {}), ...(f.enum ? { enum: [...f.enum] } : {}) },
        })),
        primaryKey: "id",
        missingValues: [""],
        ...(t.foreignKeys.length
          ? { foreignKeys: t.foreignKeys.map((k) => ({ fields: k.field, reference: { resource: k.resource, fields: "id" } })) }
          : {}),
      },
    })),
  };
}
