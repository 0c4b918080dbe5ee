// Writes deploy/nginx.conf from src/deploy/serverConfig.ts (the headers, cache rules and moved addresses).
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { nginxConfig } from "../src/deploy/serverConfig.ts";

const file = path.resolve(import.meta.dirname, "../deploy/nginx.conf");
await writeFile(file, nginxConfig());
console.log(`Wrote ${path.relative(process.cwd(), file)}`);
