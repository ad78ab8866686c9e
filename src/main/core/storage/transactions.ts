// Read and write transactions are different types: a use case run by
// `Database.read` gets a ReadTx, which has no ORM write methods and cannot be
// handed to anything that writes (every writer takes a WriteTx). A WriteTx is
// everything a ReadTx is, so readers serve both. A ReadTx's raw statements are
// typed ReadSql (they start with SELECT or WITH), so an UPDATE written in a read
// does not compile; the Database also runs reads where the engine refuses writes.
import type { EntityManager } from 'typeorm';

declare const readable: unique symbol;
declare const writable: unique symbol;

/** The EntityManager methods that change data or open transactions of their own. */
type WriteMethods =
  | 'save'
  | 'insert'
  | 'update'
  | 'upsert'
  | 'delete'
  | 'remove'
  | 'softRemove'
  | 'softDelete'
  | 'restore'
  | 'recover'
  | 'increment'
  | 'decrement'
  | 'clear'
  | 'transaction'
  | 'getRepository'
  | 'getTreeRepository'
  | 'getMongoRepository'
  | 'withRepository'
  | 'getCustomRepository'
  | 'createQueryBuilder'
  | 'merge'
  | 'preload'
  | 'create';

/**
 * SQL that reads: a statement starting with SELECT or WITH, or the one PRAGMA the desk reads (a read
 * transaction takes no other, so an UPDATE written in a read use case does not compile).
 */
export type SelectSql = `SELECT ${string}` | `WITH ${string}`;
export type ReadSql = SelectSql | 'PRAGMA data_version';

/** A transaction that only reads: one consistent snapshot. Its raw statements are reads. */
export type ReadTx = Omit<EntityManager, WriteMethods | 'query'> & {
  readonly [readable]: true;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as EntityManager.query's own rows
  query<T = any>(sql: ReadSql, parameters?: unknown[]): Promise<T>;
};

/** A transaction that may change data; also a ReadTx. */
export type WriteTx = EntityManager & { readonly [readable]: true; readonly [writable]: true };

/** The one place a driver's EntityManager becomes a transaction of either kind (the Database opens both). */
export function asWriteTx(manager: EntityManager): WriteTx {
  return manager as WriteTx;
}

export function asReadTx(manager: EntityManager): ReadTx {
  return manager as unknown as ReadTx;
}
