// How often this machine stops a running thread, and for how long. A virtual
// machine's timer tick and the host's own work take the CPU away from whatever
// runs, typically for tens of microseconds, hundreds of times a second. A call
// that takes tens of microseconds is hit in a share of its runs that grows with
// its length; once that share passes 5%, the call's p95 is an interrupted run.
// So at p95 a call of 30 us can read twice a call of 20 us on a machine that
// stops 2,000 times a second, whatever their code does: the bench prints this
// next to the exact lookups' ratios, as it prints the load average.

export interface Interruptions {
  /** Stops a second seen by a busy loop. */
  perSecond: number;
  /** The median and 90th percentile stop, in microseconds. */
  medianUs: number;
  p90Us: number;
  /** The share of the loop's time they took. */
  share: number;
}

/** The shortest gap between two clock reads taken as a stop (a read costs well under a microsecond). */
const STOP_US = 8;

/** Spins for `durationMs`, reading the clock (milliseconds), and counts the gaps longer than a few microseconds. */
export function measureInterruptions(durationMs = 1000, clock: () => number = () => performance.now()): Interruptions {
  const stops: number[] = [];
  const start = clock();
  let last = start;
  for (;;) {
    const now = clock();
    const gapUs = (now - last) * 1000;
    if (gapUs > STOP_US) stops.push(gapUs);
    last = now;
    if (now - start >= durationMs) break;
  }
  const elapsedUs = (last - start) * 1000;
  stops.sort((a, b) => a - b);
  const at = (q: number) => (stops.length === 0 ? 0 : (stops[Math.min(stops.length - 1, Math.floor(q * stops.length))] ?? 0));
  return {
    perSecond: (stops.length / elapsedUs) * 1e6,
    medianUs: at(0.5),
    p90Us: at(0.9),
    share: stops.reduce((sum, s) => sum + s, 0) / elapsedUs,
  };
}

/** The share of runs of a call of `callUs` microseconds that a stop lands in. */
export function interruptedShare(callUs: number, { perSecond }: Interruptions): number {
  return Math.min(1, (callUs * perSecond) / 1e6);
}

/** The call length whose runs are hit 5% of the time: longer calls have an interrupted run as their p95. */
export function p95Threshold({ perSecond }: Interruptions): number {
  return perSecond > 0 ? 0.05 / (perSecond / 1e6) : Number.POSITIVE_INFINITY;
}
