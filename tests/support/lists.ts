// Index access in tests, where a missing item means the code under test is wrong:
// each helper fails with what was missing instead of a TypeError further on.
export { itemAt } from '../../src/shared/lists';

/** The first item; an empty list fails the test here, saying so. */
export function firstItem<T>(items: readonly T[]): T {
  const item = items[0];
  if (item === undefined) throw new Error('expected at least one item, got an empty list');
  return item;
}

/** The one item of a list that must hold exactly one. */
export function onlyItem<T>(items: readonly T[]): T {
  if (items.length !== 1) throw new Error(`expected exactly one item, got ${items.length}`);
  return items[0] as T;
}

/** The last item; an empty list fails the test here. */
export function lastItem<T>(items: readonly T[]): T {
  const item = items[items.length - 1];
  if (item === undefined) throw new Error('expected at least one item, got an empty list');
  return item;
}

/** A record's entry that the test relies on being there. */
export function entryOf<V>(record: Readonly<Record<string, V>>, key: string): V {
  const value = record[key];
  if (value === undefined) throw new Error(`expected an entry for "${key}"`);
  return value;
}
