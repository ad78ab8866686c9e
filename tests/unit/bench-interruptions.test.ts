import { describe, expect, it } from 'vitest';
import { interruptedShare, measureInterruptions, p95Threshold } from '../../bench/interruptions';

/** A clock that advances 1 us a read, and stalls `stallUs` once every `everyUs` of reads. */
function stallingClock(everyUs: number, stallUs: number): () => number {
  let nowUs = 0;
  let sinceStall = 0;
  return () => {
    nowUs += 1;
    sinceStall += 1;
    if (sinceStall >= everyUs) {
      nowUs += stallUs;
      sinceStall = 0;
    }
    return nowUs / 1000;
  };
}

describe("the bench's measure of a machine's stops", () => {
  it('counts the stalls of the clock, their length and their share of the time', () => {
    // A 20 us stall after every 980 us of reads: 1,000 stops a second, 2% of the time.
    const stops = measureInterruptions(100, stallingClock(980, 20));
    expect(stops.perSecond).toBeGreaterThan(990);
    expect(stops.perSecond).toBeLessThan(1010);
    expect(stops.medianUs).toBeCloseTo(21, 5);
    expect(stops.p90Us).toBeCloseTo(21, 5);
    expect(stops.share).toBeGreaterThan(0.02);
    expect(stops.share).toBeLessThan(0.0215);
  });

  it('sees no stops on a clock that never stalls', () => {
    const stops = measureInterruptions(10, stallingClock(Number.POSITIVE_INFINITY, 0));
    expect(stops).toEqual({ perSecond: 0, medianUs: 0, p90Us: 0, share: 0 });
    expect(p95Threshold(stops)).toBe(Number.POSITIVE_INFINITY);
  });

  it('puts the p95 of calls longer than 1/20 of the gap between stops on an interrupted run', () => {
    const stops = { perSecond: 2000, medianUs: 18, p90Us: 36, share: 0.04 };
    expect(p95Threshold(stops)).toBeCloseTo(25, 5);
    expect(interruptedShare(30, stops)).toBeCloseTo(0.06, 5);
    expect(interruptedShare(20, stops)).toBeCloseTo(0.04, 5);
    expect(interruptedShare(1e6, stops)).toBe(1);
  });
});
