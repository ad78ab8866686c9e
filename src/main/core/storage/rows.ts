// Queries that always answer a row (an aggregate, an INSERT ... RETURNING, a
// row the use case has just checked or written) still come back as arrays.

/** The row such a query answers; none at all is a broken invariant, not the user's mistake. */
export function onlyRow<T>(rows: readonly T[]): T {
  const row = rows[0];
  if (row === undefined) throw new Error('the query answered no row');
  return row;
}
