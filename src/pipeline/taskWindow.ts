/**
 * Keeps at most `max` started tasks unfinished: `await window.add(task)` returns at once while there is room,
 * and otherwise when one of them has finished. For work handed to other threads or processes (sharp, Pagefind),
 * so they stay busy without the build queueing thousands of tasks, and their data, at once.
 */
export function taskWindow(max: number) {
  const running = new Set<Promise<unknown>>();
  return {
    async add(task: Promise<unknown>): Promise<void> {
      const tracked: Promise<unknown> = task.finally(() => running.delete(tracked));
      running.add(tracked);
      if (running.size >= max) await Promise.race(running);
    },
    /** Waits for every task still running. */
    done: () => Promise.all(running),
  };
}
