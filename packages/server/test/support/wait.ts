export interface WaitOptions {
  /** Give up after this long (default 10 s). */
  timeoutMs?: number;
  /** Pause between checks (default 25 ms). */
  intervalMs?: number;
  /** What was awaited, for the error on timeout (a function is called then, to show the latest state). */
  message?: string | (() => string);
}

/**
 * The tests' one polling helper: calls `check` until it returns a truthy value and resolves
 * with that value. On timeout it throws, naming `message`, the last value and the last error
 * `check` threw; it never resolves with a falsy value.
 */
export async function waitUntil<T>(check: () => T | Promise<T>, opts: WaitOptions = {}): Promise<NonNullable<Exclude<T, false | 0 | "">>> {
  const { timeoutMs = 10_000, intervalMs = 25, message = "condition" } = opts;
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  let lastError: unknown;
  for (;;) {
    try {
      last = await check();
      lastError = undefined;
      if (last) return last as NonNullable<Exclude<T, false | 0 | "">>;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() >= deadline) {
      const what = typeof message === "function" ? message() : message;
      const detail =
        lastError !== undefined
          ? `last error: ${lastError instanceof Error ? lastError.message : String(lastError)}`
          : `last value: ${JSON.stringify(last)?.slice(0, 500)}`;
      throw new Error(`waitUntil timed out after ${timeoutMs} ms waiting for ${what} (${detail})`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
