// The bench's queries are picked from the generated file on a connection of
// their own: picking them reads their rows, and a baseline whose connection had
// just read them would answer from its page cache while the desk's went to the file.
import BetterSqlite3 from 'better-sqlite3';

/** Work on a short-lived read-only connection to the file, closed after. */
export function withSampler<T>(file: string, work: (sampler: BetterSqlite3.Database) => T): T {
  const sampler = new BetterSqlite3(file, { readonly: true });
  try {
    return work(sampler);
  } finally {
    sampler.close();
  }
}
