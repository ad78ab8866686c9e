// A statement's row limit written into its text instead of bound as `?`.
//
// SQLite reads the value bound to a LIMIT while it plans the statement
// (sqlite3ExprIsInteger marks the parameter in the statement's variable mask),
// so every new binding of it sends the statement back to be prepared again:
// measured on the counter's lookups, 7 µs on an index probe that otherwise
// takes 3 µs, and 15-40 µs on a statement that sorts. Written in, the text varies only with the few limits the contract
// allows, and each text stays prepared.

/** The largest limit a lookup writes in (the search's own limit of 100, times the model search's 10). */
export const MAX_ROW_LIMIT = 1_000;

/** `LIMIT n` for a whole number from 1 to MAX_ROW_LIMIT; anything else is refused, never written into SQL. */
export function rowLimit(limit: number): string {
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_ROW_LIMIT) {
    throw new RangeError(`a row limit is a whole number from 1 to ${MAX_ROW_LIMIT}, not ${String(limit)}`);
  }
  return `LIMIT ${limit}`;
}

/** A statement text ending in its written-in limit, built once per limit: the same string object each call. */
export function limitedText<T extends string>(base: string): (limit: number) => T {
  const texts = new Map<number, T>();
  return (limit) => {
    let text = texts.get(limit);
    if (text === undefined) {
      text = `${base} ${rowLimit(limit)}` as T;
      texts.set(limit, text);
    }
    return text;
  };
}
