/**
 * Near-linear checks for big inputs (issue #7), for the cases where the work cannot be counted from outside (inside
 * the YAML library, JSON.parse, V8's own maps): how the CPU time grows when the input grows tenfold.
 */
import process from "node:process";

/**
 * The least CPU time of `rounds` runs at size `10 n` over the least at size `n`, after one warm-up run at `n`; `n`
 * is doubled (at most twice) while a run at `n` takes under 2 ms, too little to measure well.
 * Linear work gives about 10 (less when fixed costs weigh), quadratic work about 100; tests assert a generous bound
 * (40), and never an absolute time. CPU time of this process, not wall-clock time, so that other processes on the
 * machine weigh less. `make(size)` builds the input (not timed) and returns the work to time.
 *
 * @param make builds the input of a size and returns the work to time
 * @param n the smaller size
 * @returns the ratio of the CPU times
 */
export function growth(make: (size: number) => () => unknown, n: number, rounds = 3): number {
  make(n)();
  let size = n;
  let small = least(make(size), rounds);
  while (small < 2000 && size < 4 * n) {
    size *= 2;
    small = least(make(size), rounds);
  }
  const large = least(make(10 * size), rounds);
  return large / Math.max(small, 1);
}

/** The least CPU time, in microseconds, of `rounds` runs of `work`. */
function least(work: () => unknown, rounds: number): number {
  let best = Infinity;
  for (let i = 0; i < rounds; i++) {
    const start = process.cpuUsage();
    work();
    const used = process.cpuUsage(start);
    best = Math.min(best, used.user + used.system);
  }
  return best;
}

/** The bound tests assert on {@linkcode growth}: 10x the input may take at most 40x the time. */
export const nearLinear = 40;
