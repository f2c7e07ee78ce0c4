/** One dependency's state, as health endpoints report it (the contracts' ZDependencyHealth). */
export type DependencyHealth = { status: 'up'; latencyMs: number } | { status: 'down'; error: string };

/**
 * Runs a health check with a deadline: a dependency that hangs (half-open socket,
 * saturated pool) must read as down quickly, not hold the health endpoint hostage.
 */
export async function probe(check: () => Promise<unknown>, timeoutMs: number): Promise<DependencyHealth> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { status: 'up', latencyMs: Math.round((performance.now() - started) * 10) / 10 };
  } catch (e) {
    return { status: 'down', error: e instanceof Error ? e.message : String(e) };
  } finally {
    clearTimeout(timer);
  }
}
