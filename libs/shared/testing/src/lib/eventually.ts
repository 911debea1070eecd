/**
 * Polls until `check` passes or the deadline is reached: waits for a condition, never for a
 * fixed time. The last assertion error is rethrown, so a failure says what was not reached.
 */
export async function eventually<T>(check: () => Promise<T> | T, { timeoutMs = 30000, intervalMs = 50 } = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      return await check();
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) throw lastError;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
