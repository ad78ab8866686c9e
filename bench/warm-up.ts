/**
 * Unmeasured lookups of other sampled rows before an exact kind is timed, through the desk and the baseline
 * alike: an exact lookup costs tens of microseconds, so what ten warm-up calls leave cold decides its time.
 * The desk's JavaScript would run before the JIT compiled it (the baseline is the driver's native code), and
 * each connection's page cache would still be reading the upper pages of the indexes and tables from the
 * file: at a million tickets that took about 2,000 lookups here (after 300, either side still took 85-125 µs
 * a lookup, after 2,000 about 25-40 µs). A desk that has served the counter for an hour is past both.
 */
export const EXACT_WARM_UP = 2000;

/**
 * Measured lookups of each exact kind, for `queriesPerKind` of the others. An exact lookup costs tens of
 * microseconds, so its p95 out of 200 is the tenth slowest, which one scheduler hiccup on either side moves
 * (the same code gave 1.3x and 2.4x in two runs); five times as many cost well under a second more.
 */
export const exactSamples = (queriesPerKind: number) => queriesPerKind * 5;
