// The offer directory as Open Referral HSDS 3.0, from the records the generate stage wrote from data/ (src/generated).
// Expected values come from the shipped CSV files, read here with d3-dsv, and from HSDS's own field lists; the UUIDs
// were computed apart from this code, with Python's uuid.uuid5(UUID("8f0c2d9e-4b7a-4e61-a3c5-d2f1e0b9a876"), "kind:id").
import { readFile } from "node:fs/promises";
import path from "node:path";
import { csvParse, csvParseRows } from "d3-dsv";
import { describe, expect, it } from "vitest";
import { hsdsCsv, hsdsDataPackage, hsdsTables, uuidFor } from "../src/hsds.ts";
import { shippedData } from "./helpers.ts";

const shipped = async (file: string) => csvParse(await readFile(path.join(shippedData, file), "utf8"));
const table = (name: string) => hsdsTables.find((t) => t.name === name)!;
const rowsOf = (name: string) => table(name).rows();

describe("HSDS ids", () => {
  it("are name-based UUIDs (version 5) in our own namespace, from the kind and the id", () => {
    // Made apart from the code: Python's uuid.uuid5(uuid.UUID("8f0c2d9e-4b7a-4e61-a3c5-d2f1e0b9a876"), "service:diakonhjemmet-angst-depresjon"), etc.
    expect(uuidFor("service", "diakonhjemmet-angst-depresjon")).toBe("1fe11764-4dcf-5aa7-92ad-30b151c0b6eb");
    expect(uuidFor("organization", "diakonhjemmet-sykehus")).toBe("6895dbdb-c803-56a2-ab6d-a4e5b064ace4");
    expect(uuidFor("location", "oslo")).toBe("b4102910-4d5c-5098-a566-253e3c12bf83");
    expect(uuidFor("service_at_location", "diakonhjemmet-angst-depresjon@oslo")).toBe("cc54a741-c2ec-5501-ae77-f16c0b00274e");
    expect(uuidFor("service_area", "diakonhjemmet-angst-depresjon")).toBe("a49ad49f-7eca-5e50-bfd5-84ca83beac22");
  });
});

describe("the HSDS tables", () => {
  it("give a service its page, its provider, its region and where it is given", () => {
    const service = rowsOf("service").find((s) => s.id === "1fe11764-4dcf-5aa7-92ad-30b151c0b6eb")!;
    expect(service).toMatchObject({
      organization_id: "6895dbdb-c803-56a2-ab6d-a4e5b064ace4",
      name: "Poliklinikk for angst og depresjon",
      url: "https://helseogarbeid.example.no/tilbud/diakonhjemmet-angst-depresjon/",
      status: "active",
      eligibility_description: "Målgruppe: Psykiske plager (angst, depresjon).",
    });
    expect(rowsOf("service_at_location")).toContainEqual({
      id: "cc54a741-c2ec-5501-ae77-f16c0b00274e",
      service_id: "1fe11764-4dcf-5aa7-92ad-30b151c0b6eb",
      location_id: "b4102910-4d5c-5098-a566-253e3c12bf83",
    });
    expect(rowsOf("service_area")).toContainEqual({
      id: "a49ad49f-7eca-5e50-bfd5-84ca83beac22",
      service_id: "1fe11764-4dcf-5aa7-92ad-30b151c0b6eb",
      name: "Helse Sør-Øst",
      description: "Regionalt helseforetak (RHF)",
    });
    expect(rowsOf("location")).toContainEqual(
      expect.objectContaining({ id: "b4102910-4d5c-5098-a566-253e3c12bf83", location_type: "physical", name: "Oslo", latitude: 59.913, longitude: 10.739 }),
    );
  });

  it("name every target group of a service in its eligibility", () => {
    expect(rowsOf("service").find((s) => s.id === uuidFor("service", "friskgarden-rehabilitering"))!.eligibility_description).toBe(
      "Målgruppe: Muskel- og skjelettplager, Psykiske plager (angst, depresjon).",
    );
  });

  it("mark a service inactive where a 2020/21 description says it is being wound down, and only there", async () => {
    const woundDown = new Set((await shipped("offer_updates.csv")).filter((u) => u.change === "avvikles").flatMap((u) => u.offer_ids!.split(";")));
    expect(woundDown.has("sunnaas-vurderingspoliklinikk")).toBe(true);
    const offers = await shipped("offers.csv");
    const statusById = new Map(rowsOf("service").map((s) => [s.id, s.status]));
    for (const offer of offers) expect(statusById.get(uuidFor("service", offer.id!)), offer.id).toBe(woundDown.has(offer.id!) ? "inactive" : "active");
    expect(statusById.get("7dc58ee3-32a9-5a5a-bab4-98039f2868e8")).toBe("inactive"); // sunnaas-vurderingspoliklinikk
  });

  it("describe each provider by its ownership and its offers, with their regions", async () => {
    const offers = (await shipped("offers.csv")).filter((o) => o.provider_id === "diakonhjemmet-sykehus");
    const regions = [...new Set(offers.map((o) => o.region))].join(", ");
    const organization = rowsOf("organization").find((o) => o.id === "6895dbdb-c803-56a2-ab6d-a4e5b064ace4")!;
    expect(organization).toEqual({
      id: "6895dbdb-c803-56a2-ab6d-a4e5b064ace4",
      name: "Diakonhjemmet Sykehus",
      description: `Offentlig sykehus. Gir ${offers.length} Helse og arbeid-tilbud (${regions}).`,
    });
  });

  it("have one row per provider, offer, place, offer and place named by an offer", async () => {
    const offers = await shipped("offers.csv");
    expect(rowsOf("organization")).toHaveLength((await shipped("providers.csv")).length);
    expect(rowsOf("service")).toHaveLength(offers.length);
    expect(rowsOf("service_area")).toHaveLength(offers.length);
    expect(rowsOf("location")).toHaveLength((await shipped("places.csv")).length);
    expect(rowsOf("service_at_location")).toHaveLength(offers.flatMap((o) => (o.place_ids ? o.place_ids.split(";") : [])).length);
  });

  it("are written as CSV with HSDS's columns in HSDS's order, a missing value as an empty cell", () => {
    const [header, ...rows] = csvParseRows(hsdsCsv(table("organization")));
    expect(header).toEqual([
      "id", "name", "alternate_name", "description", "email", "website", "tax_status", "tax_id", "year_incorporated", "legal_status", "logo", "uri",
      "parent_organization_id",
    ]);
    const row = rows.find((r) => r[0] === "6895dbdb-c803-56a2-ab6d-a4e5b064ace4")!;
    expect(row.slice(0, 2)).toEqual(["6895dbdb-c803-56a2-ab6d-a4e5b064ace4", "Diakonhjemmet Sykehus"]);
    expect(row.slice(4)).toEqual(["", "", "", "", "", "", "", "", ""]);
    const [locationHeader, ...locations] = csvParseRows(hsdsCsv(table("location")));
    const oslo = locations.find((r) => r[0] === "b4102910-4d5c-5098-a566-253e3c12bf83")!;
    expect(oslo[locationHeader!.indexOf("latitude")]).toBe("59.913");
  });
});

describe("the HSDS data package", () => {
  const descriptor = hsdsDataPackage();
  const resource = (name: string) => descriptor.resources.find((r) => r.name === name)!;

  it("lists the five tables with their files", () => {
    expect(descriptor.resources.map((r) => [r.name, r.path])).toEqual([
      ["organization", "organizations.csv"],
      ["service", "services.csv"],
      ["service_at_location", "service_at_location.csv"],
      ["location", "locations.csv"],
      ["service_area", "service_areas.csv"],
    ]);
    expect(descriptor.name).toBe("helse-og-arbeid-hsds");
    expect(descriptor.homepage).toBe("https://helseogarbeid.example.no/data/#hsds");
  });

  it("types each field: ids are unique required UUIDs, a status one of HSDS's four, numbers numbers", () => {
    const fields = resource("service").schema.fields;
    expect(fields.find((f) => f.name === "id")).toEqual({ name: "id", type: "string", format: "uuid", constraints: { required: true, unique: true } });
    expect(fields.find((f) => f.name === "organization_id")).toEqual({ name: "organization_id", type: "string", format: "uuid", constraints: { required: true } });
    expect(fields.find((f) => f.name === "program_id")).toEqual({ name: "program_id", type: "string", format: "uuid", constraints: { required: false } });
    expect(fields.find((f) => f.name === "status")).toEqual({
      name: "status",
      type: "string",
      constraints: { required: true, enum: ["active", "inactive", "defunct", "temporarily closed"] },
    });
    expect(fields.find((f) => f.name === "minimum_age")).toEqual({ name: "minimum_age", type: "number", constraints: { required: false } });
    expect(resource("location").schema.fields.find((f) => f.name === "location_type")!.constraints).toEqual({
      required: true,
      enum: ["physical", "postal", "virtual"],
    });
  });

  it("makes id the primary key, an empty cell a missing value, and names each foreign key", () => {
    expect(resource("service_at_location").schema).toMatchObject({
      primaryKey: "id",
      missingValues: [""],
      foreignKeys: [
        { fields: "service_id", reference: { resource: "service", fields: "id" } },
        { fields: "location_id", reference: { resource: "location", fields: "id" } },
      ],
    });
    expect(resource("organization").schema).not.toHaveProperty("foreignKeys");
  });
});
