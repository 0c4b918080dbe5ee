import { createHash } from "node:crypto";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

/** Written into the built site: the inputs' hash and how long the full build took. */
export const stampFile = ".build-stamp.json";

export interface BuildStamp {
  hash: string;
  ms: number;
}

async function filesUnder(dir: string, skip: (rel: string) => boolean): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .filter((f) => !skip(path.relative(dir, f)))
    .sort();
}

/**
 * One hash over everything a build reads: the CSV files and archived releases, the code and pages (not the generated folder,
 * which the build rewrites), static files and the locked dependencies. Equal hash, equal site.
 */
export async function inputHash(root: string, dataDir: string): Promise<string> {
  const files = [
    ...(await filesUnder(dataDir, (rel) => !rel.endsWith(".csv") && !rel.endsWith(".json.gz"))),
    ...(await filesUnder(path.join(root, "src"), (rel) => rel.startsWith("generated"))),
    ...(await filesUnder(path.join(root, "scripts"), () => false)),
    ...(await filesUnder(path.join(root, "public"), () => false)),
    ...["astro.config.mjs", "package-lock.json", "tsconfig.json"].map((f) => path.join(root, f)),
  ];
  const hash = createHash("sha256");
  for (const file of files) {
    hash.update(path.relative(root, file));
    hash.update(await readFile(file).catch(() => Buffer.alloc(0)));
  }
  return hash.digest("hex").slice(0, 16);
}

export async function readStamp(outDir: string): Promise<BuildStamp | undefined> {
  try {
    return JSON.parse(await readFile(path.join(outDir, stampFile), "utf8")) as BuildStamp;
  } catch {
    return undefined;
  }
}

export const writeStamp = (dir: string, stamp: BuildStamp) => writeFile(path.join(dir, stampFile), JSON.stringify(stamp) + "\n");
