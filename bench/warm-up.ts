/**
 * Unmeasured lookups of other sampled rows before an exact kind is timed, through the desk and the baseline
 * alike. An exact lookup costs tens of microseconds, so ten warm-up calls would time the desk's JavaScript
 * before the JIT has compiled it (the baseline is the driver's native code), not a desk that has served
 * the counter for an hour; both connections also get the upper pages of the indexes a day's lookups keep.
 */
export const EXACT_WARM_UP = 300;
