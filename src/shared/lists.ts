// Index access where the code itself guarantees the item exists (parallel
// lists built from one another, a slot found in a fixed table).

/** The item at `index`; a missing one is a broken invariant, never the user's mistake. */
export function itemAt<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`no item at ${index} of ${items.length}`);
  return item;
}
