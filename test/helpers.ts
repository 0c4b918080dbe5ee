import { spawnSync } from "node:child_process";
import { cp, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

export const projectRoot = path.resolve(import.meta.dirname, "..");
export const shippedData = path.join(projectRoot, "data");

/** A temporary copy of the shipped data/ folder (named data/, so messages read as in the project), to change files in. */
export async function copyOfShippedData(): Promise<string> {
  const dir = path.join(await mkdtemp(path.join(os.tmpdir(), "hoa-")), "data");
  await cp(shippedData, dir, { recursive: true });
  return dir;
}

/** Removes a folder made by copyOfShippedData, with its temporary parent. */
export async function removeDataCopy(dir: string): Promise<void> {
  await rm(path.dirname(dir), { recursive: true, force: true });
}

/** After a test built from other data: write src/generated from the shipped data again (for `npm run dev`). */
export function regenerateFromShippedData(): void {
  spawnSync(process.execPath, ["scripts/build.ts", "--generate-only"], { cwd: projectRoot });
}
