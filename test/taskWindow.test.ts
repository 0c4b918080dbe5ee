import { describe, expect, it } from "vitest";
import { taskWindow } from "../src/pipeline/taskWindow.ts";

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
});
