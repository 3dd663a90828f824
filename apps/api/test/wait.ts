import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Polls `probe` until it returns something other than `undefined`, for up to `timeoutMs` of wall
 * time (not a number of tries: on a busy 2-core machine a try can take much longer than usual).
 * The test's own timeout must be longer than the waits it makes.
 */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  { timeoutMs = 60_000, everyMs = 25 }: { timeoutMs?: number; everyMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}
