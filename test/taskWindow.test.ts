import { describe, expect, it } from "vitest";
import { forEachInWindow, taskWindow } from "../src/pipeline/taskWindow.ts";

const after = (ms: number, fail?: string) =>
  new Promise<void>((resolve, reject) => setTimeout(() => (fail ? reject(new Error(fail)) : resolve()), ms));

describe("a window of running tasks", () => {
  it("keeps at most max tasks running", async () => {
    const window = taskWindow(2);
    let running = 0;
    let most = 0;
    const task = async () => {
      running++;
      most = Math.max(most, running);
      await after(5);
      running--;
    };
    for (let i = 0; i < 6; i++) await window.add(task());
    await window.done();
    expect(most).toBe(2);
    expect(running).toBe(0);
  });

  it("throws a task's failure from done() even when the task finished long before", async () => {
    const window = taskWindow(4);
    await window.add(after(1, "image 1 failed"));
    await after(20);
    await expect(window.done()).rejects.toThrow("image 1 failed");
  });

  it("throws a failure from the next add() once the window is full", async () => {
    const window = taskWindow(1);
    await expect(window.add(after(1, "page 3 failed"))).rejects.toThrow("page 3 failed");
  });

  it("runs a task for every item, and on a failure throws it only once the tasks already started have finished", async () => {
    const finished: number[] = [];
    const run = forEachInWindow([1, 2, 3, 4, 5, 6], 3, async (n) => {
      if (n === 2) throw new Error("file 2 failed");
      await after(10 * n);
      finished.push(n);
    });
    await expect(run).rejects.toThrow("file 2 failed");
    // 1 and 3 had started with 2; nothing after the failure was started.
    expect(finished.sort()).toEqual([1, 3]);
    await forEachInWindow([1, 2, 3], 2, async (n) => void finished.push(n * 10));
    expect(finished.slice(2)).toEqual([10, 20, 30]);
  });
});

