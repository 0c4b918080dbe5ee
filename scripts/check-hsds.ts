// Checks the built HSDS export (dist/data/hsds/) against Open Referral's own HSDS 3.0 datapackage.json, which
// this project cannot ship: `npm run check:hsds -- <path to HSDS's datapackage.json> [export folder, default dist/data/hsds]`. Each of our files must
// have the columns of HSDS's table of the same name, in HSDS's order, and every row must pass HSDS's field
// types, formats, enums, required fields and keys (read with Frictionless).
import { readFile } from "node:fs/promises";
import path from "node:path";
import { Package } from "datapackage";

const official = process.argv[2];
if (!official) {
  console.error("No HSDS schema given: pass the path of Open Referral's HSDS 3.0 datapackage.json. Nothing was checked.");
  process.exit(2);
}
const dir = path.resolve(process.argv[3] ?? path.join(import.meta.dirname, "../dist/data/hsds"));
const ours = JSON.parse(await readFile(path.join(dir, "datapackage.json"), "utf8")) as { resources: { name: string; path: string }[] };
const hsds = JSON.parse(await readFile(official, "utf8")) as { resources: { name: string; path: string; schema: { fields: { name: string }[]; foreignKeys?: { reference: { resource: string } }[] } }[] };
const problems: string[] = [];
const names = new Set(ours.resources.map((r) => r.name));
const resources = [];
for (const resource of ours.resources) {
  const theirs = hsds.resources.find((r) => r.name === resource.name);
  if (!theirs) {
    problems.push(`${resource.path}: HSDS has no table named ${resource.name}`);
    continue;
  }
  if (theirs.path !== resource.path) problems.push(`${resource.path}: HSDS names this table's file ${theirs.path}`);
  const header = (await readFile(path.join(dir, resource.path), "utf8")).split("\n")[0]!.split(",");
  const expected = theirs.schema.fields.map((f) => f.name);
  if (header.join(",") !== expected.join(",")) problems.push(`${resource.path}: columns ${header.join(",")}; HSDS expects ${expected.join(",")}`);
  // Keys to tables we do not publish (e.g. program) cannot be checked, and are not required.
  const foreignKeys = theirs.schema.foreignKeys?.filter((k) => names.has(k.reference.resource));
  const { foreignKeys: _all, ...schema } = theirs.schema;
  resources.push({ ...theirs, path: resource.path, schema: foreignKeys?.length ? { ...schema, foreignKeys } : schema });
}
const pkg = await Package.load({ ...hsds, resources }, { basePath: dir });
problems.push(...pkg.errors.map((e: Error) => `datapackage: ${e.message}`));
for (const resource of pkg.resources) {
  try {
    const rows = await resource.read({ relations: true });
    console.log(`${resource.descriptor.path}: ${rows.length} rows pass HSDS's schema`);
  } catch (error) {
    const errors = (error as { errors?: Error[] }).errors ?? [error as Error];
    problems.push(...errors.map((e) => `${resource.descriptor.path}: ${e.message}`));
  }
}
if (problems.length) {
  console.error(`The HSDS export does not match ${official}:\n- ${problems.join("\n- ")}`);
  process.exit(1);
}
console.log(`The HSDS export matches ${official}.`);
