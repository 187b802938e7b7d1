/**
 * Measures operations per second of `fn`: warms up, then runs batches until `ms` milliseconds of CPU time have passed.
 * CPU time of the process (not wall time), so a busy machine slows the figures less; all benchmarks here are
 * single-threaded.
 */
export function measure(fn: () => unknown, ms = 400): number {
  for (let i = 0; i < 200; i++) fn();
  let ops = 0;
  const start = cpuMs();
  let elapsed = 0;
  let batch = 16;
  while (elapsed < ms) {
    for (let i = 0; i < batch; i++) fn();
    ops += batch;
    elapsed = cpuMs() - start;
    if (elapsed < ms / 20) batch *= 2;
  }
  return (ops * 1000) / elapsed;
}

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Formats a rate as `1.23M/s`. */
export function rate(opsPerSecond: number): string {
  if (opsPerSecond >= 1e6) return `${(opsPerSecond / 1e6).toFixed(2)}M/s`;
  if (opsPerSecond >= 1e3) return `${(opsPerSecond / 1e3).toFixed(1)}k/s`;
  return `${opsPerSecond.toFixed(0)}/s`;
}
