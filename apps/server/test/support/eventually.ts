/** How often the helpers look again. */
const POLL_MS = 50;

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Waits until `check` returns a value other than `undefined`, `null` or `false` (or stops
 * throwing), and returns that value; after `timeout` ms it fails with the last reason. `what`
 * names the condition; a function is asked only on failure (to show a process's output, say).
 * The one way tests wait for something they expect.
 */
export async function eventually<T>(
  check: () => T | Promise<T>,
  { timeout = 20_000, what = 'the condition' }: { timeout?: number; what?: string | (() => string) } = {},
): Promise<Exclude<T, undefined | null | false>> {
  const deadline = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== null && value !== false) return value as Exclude<T, undefined | null | false>;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() >= deadline) {
      const reason = last instanceof Error ? last.message : JSON.stringify(last);
      const subject = typeof what === 'function' ? what() : what;
      throw new Error(`${subject} did not hold within ${timeout} ms (last: ${reason})`);
    }
    await pause(POLL_MS);
  }
}

/**
 * Proves that something does not happen: `check` must stay true for the whole of `forMs` ms,
 * looked at every few milliseconds; fails at the first look where it is false.
 */
export async function staysTrue(
  check: () => boolean | Promise<boolean>,
  { forMs, what = 'the condition' }: { forMs: number; what?: string },
): Promise<void> {
  const end = Date.now() + forMs;
  for (;;) {
    if (!(await check())) throw new Error(`${what} stopped holding before ${forMs} ms had passed`);
    if (Date.now() >= end) return;
    await pause(Math.min(POLL_MS, Math.max(1, end - Date.now())));
  }
}
