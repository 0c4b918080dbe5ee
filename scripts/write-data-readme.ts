// Writes data/README.md from the schemas (see src/pipeline/docs/dataReadme.ts).
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { dataReadme } from "../src/pipeline/docs/dataReadme.ts";

const file = path.resolve(import.meta.dirname, "../data/README.md");
await writeFile(file, dataReadme());
console.log(`Wrote ${path.relative(process.cwd(), file)}`);
