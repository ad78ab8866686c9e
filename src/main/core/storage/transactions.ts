// Read and write transactions are different types: a use case run by
// `Database.read` gets a ReadTx, which has no ORM write methods and cannot be
// handed to anything that writes (every writer takes a WriteTx). A WriteTx is
// everything a ReadTx is, so readers serve both. A ReadTx's raw statements are
// typed ReadSql (they start with SELECT or WITH), so an UPDATE written in a read
// does not compile; the Database also runs reads where the engine refuses writes.
// Neither kind can open a transaction of its own inside the Database's one, and
// neither answers `any`: a raw statement's rows are typed where they are read.
import type { EntityManager } from 'typeorm';

declare const readable: unique symbol;
declare const writable: unique symbol;

/**
 * The EntityManager methods that open a transaction of their own when they find none open (the persistence
 * executor behind save and remove), or hand out repositories and query builders that can. The Database opens
 * each use case's transaction itself, with the statements its engine needs, so a use case has none of them.
 */
type TransactionOpeningMethods =
  | 'save'
  | 'remove'
  | 'softRemove'
  | 'recover'
  | 'transaction'
  | 'getRepository'
  | 'getTreeRepository'
  | 'getMongoRepository'
  | 'withRepository'
  | 'getCustomRepository'
  | 'createQueryBuilder';

/** The EntityManager methods that change data. */
type WriteMethods =
  | TransactionOpeningMethods
  | 'insert'
  | 'update'
  | 'upsert'
  | 'delete'
  | 'softDelete'
  | 'restore'
  | 'increment'
  | 'decrement'
  | 'clear'
  | 'merge'
  | 'preload'
  | 'create';

/**
 * SQL that reads: a statement starting with SELECT or WITH (a read transaction takes no other, so an
 * UPDATE written in a read use case does not compile).
 */
export type SelectSql = `SELECT ${string}` | `WITH ${string}`;
export type ReadSql = SelectSql;

/** A transaction that only reads: one consistent snapshot. Its raw statements are reads, their rows typed by the caller. */
export type ReadTx = Omit<EntityManager, WriteMethods | 'query'> & {
  readonly [readable]: true;
  query<T = unknown>(sql: ReadSql, parameters?: unknown[]): Promise<T>;
};

/** A transaction that may change data; also a ReadTx. */
export type WriteTx = Omit<EntityManager, TransactionOpeningMethods | 'query'> & {
  readonly [readable]: true;
  readonly [writable]: true;
  query<T = unknown>(sql: string, parameters?: unknown[]): Promise<T>;
};

/** The one place a driver's EntityManager becomes a transaction of either kind (the Database opens both). */
export function asWriteTx(manager: EntityManager): WriteTx {
  return manager as unknown as WriteTx;
}

export function asReadTx(manager: EntityManager): ReadTx {
  return manager as unknown as ReadTx;
}
