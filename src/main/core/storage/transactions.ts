// Read and write transactions are different types: a use case run by
// `Database.read` gets a ReadTx, which has no ORM write methods and cannot be
// handed to anything that writes (every writer takes a WriteTx). A WriteTx is
// everything a ReadTx is, so readers serve both. Raw statements still go
// through `query`; whatever writes with one takes a WriteTx.
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

/** A transaction that only reads: one consistent snapshot. */
export type ReadTx = Omit<EntityManager, WriteMethods> & { readonly [readable]: true };

/** A transaction that may change data; also a ReadTx. */
export type WriteTx = EntityManager & { readonly [readable]: true; readonly [writable]: true };

/** The one place a driver's EntityManager becomes a transaction of either kind (the Database opens both). */
export function asWriteTx(manager: EntityManager): WriteTx {
  return manager as WriteTx;
}

export function asReadTx(manager: EntityManager): ReadTx {
  return manager as unknown as ReadTx;
}
