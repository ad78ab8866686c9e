// Every table the migrations create, as an entity schema, one file per aggregate.
// Left out on purpose, as the engine's own or the search's machinery rather than
// the shop's data (tests/unit/entity-schemas.test.ts holds the same list):
// - migrations (TypeORM's record of applied migrations) and sqlite_sequence (SQLite's AUTOINCREMENT counters);
// - customer_fts and device_fts, SQLite's FTS5 indexes, with their shadow tables (_config, _data, _docsize, _idx);
// - customer_name_gram, the name trigrams of a customer lookup, and search_position, the numbers they are cut with.
// The schema itself always comes from the migrations (never synchronize).
import { EntitySchema } from 'typeorm';
import * as bookkeeping from './bookkeeping';
import * as care from './care';
import * as customers from './customers';
import * as figures from './figures';
import * as money from './money';
import * as repair from './repair';
import * as settings from './settings';
import * as staff from './staff';
import * as stock from './stock';
import * as tickets from './tickets';

/** Every entity schema each aggregate file exports (a new one is registered by being exported there). */
export const ALL_ENTITIES: EntitySchema[] = [staff, settings, customers, tickets, money, stock, repair, care, figures, bookkeeping].flatMap((file) =>
  Object.values(file).filter((value): value is EntitySchema => value instanceof EntitySchema),
);
