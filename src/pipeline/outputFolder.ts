// The output folder a build replaces: a lock so only one build writes it, cleanup of what stopped builds left beside it,
// and the swap that puts a finished site in its place without ever leaving it half-written.
import { access, mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { spawn } from "node:child_process";
import path from "node:path";

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
const codeOf = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code;

/** The new site could not be put in place; `lastSiteKept` says whether the last built site is still in outDir. */
export class SwapError extends Error {
  readonly lastSiteKept: boolean;
  constructor(message: string, lastSiteKept: boolean, cause: unknown) {
    super(message, { cause });
    this.name = "SwapError";
    this.lastSiteKept = lastSiteKept;
  }
}

/** Another build holds the lock on outDir; nothing was done. */
export class BuildLockedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BuildLockedError";
  }
}

/** A path as a reader finds it: relative to the working folder when inside it, else absolute. */
export function shownPath(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : p;
}

/** True while a process of that id exists (EPERM: it exists but belongs to another user). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return codeOf(error) === "EPERM";
  }
}

export interface BuildLock {
  file: string;
  /** The process whose stale lock was taken over, if one was. */
  takenOverFrom?: number;
  /** Removes the lock file if it is still this process's. */
  release: () => Promise<void>;
}

/**
 * Takes `<outDir>.lock`, holding this process's id, so a second build into the same folder is refused instead of
 * both writing it. A lock whose process has ended is stale and taken over. Throws BuildLockedError when it is held.
 */
export async function acquireBuildLock(outDir: string): Promise<BuildLock> {
  const file = `${outDir}.lock`;
  const own = `${process.pid}\n`;
  let takenOverFrom: number | undefined;
  // --out may name a folder whose parent does not exist yet (the build creates it).
  await mkdir(path.dirname(outDir), { recursive: true });
  for (let attempt = 0; ; attempt++) {
    try {
      await writeFile(file, own, { flag: "wx" });
      break;
    } catch (error) {
      if (codeOf(error) !== "EEXIST") throw error;
    }
    const text = await readFile(file, "utf8").catch(() => undefined);
    if (text === undefined && attempt < 3) continue; // removed in between: try again
    const pid = Number(text?.trim());
    const valid = Number.isInteger(pid) && pid > 0;
    // An empty lock may be one being written this instant; only an old one is taken as stale.
    const young = !valid && (await stat(file).then((s) => Date.now() - s.mtimeMs < 10_000, () => false));
    const held = valid ? processAlive(pid) : young;
    if (held || attempt > 0) {
      throw new BuildLockedError(
        `Another build is writing ${shownPath(outDir)}/ (${valid ? `process ${pid}` : "a process"} holds ${shownPath(file)}); this build was not started. ` +
          `Wait for it to end, or remove ${shownPath(file)} if no build is running.`,
      );
    }
    await rm(file, { force: true });
    if (valid) takenOverFrom = pid;
  }
  return {
    file,
    takenOverFrom,
    release: async () => {
      if ((await readFile(file, "utf8").catch(() => undefined)) === own) await rm(file, { force: true });
    },
  };
}

/**
 * Removes `<outDir>.tmp-<pid>` and `<outDir>.old-<pid>` folders of earlier builds whose process has ended (stopped,
 * crashed, or a disk that filled). If outDir itself is missing, such a build died between the two renames of its swap:
 * its old copy is the last built site, and is put back instead. Returns what it did, one line each.
 */
export async function removeStaleTempFolders(outDir: string): Promise<string[]> {
  const parent = path.dirname(outDir);
  const base = path.basename(outDir);
  const pattern = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.(tmp|old)-(\\d+)$`);
  const stale = (await readdir(parent).catch(() => [] as string[]))
    .map((name) => ({ name, match: pattern.exec(name) }))
    .filter((e): e is { name: string; match: RegExpExecArray } => e.match !== null)
    .map(({ name, match }) => ({ dir: path.join(parent, name), kind: match[1]!, pid: Number(match[2]) }))
    .filter((e) => e.pid !== process.pid && !processAlive(e.pid))
    // Old copies first, so one can be put back before anything is removed.
    .sort((a, b) => (a.kind === b.kind ? 0 : a.kind === "old" ? -1 : 1));
  const done: string[] = [];
  let outExists = await access(outDir).then(() => true, () => false);
  for (const { dir, kind, pid } of stale) {
    if (kind === "old" && !outExists) {
      try {
        await rename(dir, outDir);
        outExists = true;
        done.push(`${shownPath(outDir)}/ was missing: put back the last built site from ${shownPath(dir)}/, left by a build stopped while replacing it (process ${pid} has ended)`);
        continue;
      } catch (error) {
        done.push(`${shownPath(dir)}/ could not be put back as ${shownPath(outDir)}/ (${messageOf(error)})`);
        continue;
      }
    }
    try {
      await rm(dir, { recursive: true, force: true, maxRetries: 2 });
      done.push(`removed ${shownPath(dir)}/, left by an earlier build that did not finish (process ${pid} has ended)`);
    } catch (error) {
      done.push(`could not remove ${shownPath(dir)}/, left by an earlier build (${messageOf(error)})`);
    }
  }
  return done;
}

export interface SwapResult {
  /** The last site's folder, when it could not be removed after the new site was put in place. */
  leftover?: string;
  leftoverError?: unknown;
  /** The last site's folder, handed to a process of its own to remove (removeInBackground). */
  removing?: string;
}

// Stryker disable all: a detached process; the swap tests (test/build-robustness.test.ts) watch the folder go.
/**
 * Removes the last site's folder in a process of its own, which outlives the build: at 10× its 25 000 files took 2 to 3 s
 * to remove, all of it after the new site was in place. The process first renames the folder after itself
 * (`<outDir>.old-<its id>`), so removeStaleTempFolders leaves it alone while it runs, and removes what it left if it
 * stopped half-way. Resolves once the process has started; rejects if it could not be.
 */
export function removeInBackground(oldDir: string): Promise<void> {
  const script = `const fs = require("node:fs"); require("node:os").setPriority(19);
    const dir = process.argv[1], own = dir.replace(/\\.old-\\d+$/, ".old-" + process.pid);
    try { fs.renameSync(dir, own); } catch { process.exit(0); }
    fs.rmSync(own, { recursive: true, force: true, maxRetries: 2 });`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["-e", script, oldDir], { detached: true, stdio: "ignore" });
    child.once("error", reject);
    child.once("spawn", () => {
      child.unref();
      resolve();
    });
  });
}
// Stryker restore all

type SwapIo = { rename: typeof rename; rm: typeof rm; removeLater: (oldDir: string) => Promise<void> };

/**
 * Puts the finished site in tmpDir in place of outDir: outDir → outDir.old-<pid>, tmpDir → outDir, and the old copy
 * handed to a process of its own to remove (or removed here, if no process can be started).
 * Reports truthfully: if the new site is in place but the old copy stays, that is a success with a leftover; if the
 * new site cannot be moved in, the old one is moved back (SwapError says whether that worked). `io` is for tests.
 */
export async function swapIntoPlace(tmpDir: string, outDir: string, io: SwapIo = { rename, rm, removeLater: removeInBackground }): Promise<SwapResult> {
  const oldDir = `${outDir}.old-${process.pid}`;
  let hadOld = true;
  try {
    await io.rename(outDir, oldDir);
  } catch (error) {
    if (codeOf(error) !== "ENOENT") {
      throw new SwapError(`[swap] failed: the last built site in ${shownPath(outDir)}/ could not be moved aside (${messageOf(error)}); it was left as it was.`, true, error);
    }
    hadOld = false;
  }
  try {
    await io.rename(tmpDir, outDir);
  } catch (error) {
    const why = messageOf(error);
    if (!hadOld) throw new SwapError(`[swap] failed: the new site could not be moved to ${shownPath(outDir)}/ (${why}).`, true, error);
    try {
      await io.rename(oldDir, outDir);
    } catch (back) {
      throw new SwapError(
        `[swap] failed: the new site could not be moved to ${shownPath(outDir)}/ (${why}), and the last built site could not be moved back (${messageOf(back)}): it is in ${shownPath(oldDir)}/.`,
        false,
        error,
      );
    }
    throw new SwapError(`[swap] failed: the new site could not be moved to ${shownPath(outDir)}/ (${why}); the last built site was moved back.`, true, error);
  }
  if (!hadOld) return {};
  try {
    await io.removeLater(oldDir);
    return { removing: oldDir };
  } catch {
    // No process to hand it to: removed here, while the build waits.
  }
  try {
    await io.rm(oldDir, { recursive: true, force: true, maxRetries: 2 });
  } catch (error) {
    return { leftover: oldDir, leftoverError: error };
  }
  return {};
}
