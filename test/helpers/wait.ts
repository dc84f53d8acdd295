/** Polls `cond` until it holds; after `timeoutMs`, fails with `message()`. Tests wait for conditions, never for a time. */
export async function waitFor(cond: () => boolean | Promise<boolean>, timeoutMs: number, message: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await cond()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(message());
}
