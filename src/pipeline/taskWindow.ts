/**
 * Keeps at most `max` started tasks unfinished: `await window.add(task)` returns at once while there is room,
 * and otherwise when one of them has finished. For work handed to other threads or processes (sharp, Pagefind),
 * so they stay busy without the build queueing thousands of tasks, and their data, at once.
 * A task's failure is kept and thrown by the next add() or by done(), never left as an unhandled rejection.
 */
export function taskWindow(max: number) {
  const running = new Set<Promise<void>>();
  const failures: unknown[] = [];
  const throwFirstFailure = () => {
    if (failures.length) throw failures[0];
  };
  return {
    async add(task: Promise<unknown>): Promise<void> {
      const tracked: Promise<void> = task.then(
        () => undefined,
        (error: unknown) => void failures.push(error),
      ).finally(() => running.delete(tracked));
      running.add(tracked);
      if (running.size >= max) await Promise.race(running);
      throwFirstFailure();
    },
    /** Waits for every task still running; throws the first failure of any task. */
    async done(): Promise<void> {
      await Promise.all(running);
      throwFirstFailure();
    },
  };
}

/**
 * Runs `task` for every item, at most `max` at a time, and waits for them all. On a failure it first waits for the
 * tasks already started, so none goes on writing into a folder the build is about to remove, then throws it.
 */
export async function forEachInWindow<T>(items: Iterable<T>, max: number, task: (item: T) => Promise<unknown>): Promise<void> {
  const window = taskWindow(max);
  try {
    for (const item of items) await window.add(task(item));
  } finally {
    await window.done().catch(() => undefined);
  }
  await window.done();
}
