// The ticket search's statements on devices: a whole serial, the brand and
// model pairs in use (device_model), a pair's newest devices, and devices
// whose brand or model holds long words.
import type { StorageEngine, TextColumns } from '../../../storage/engine';
import { ids, rowsOf, type Lookup } from '../../../storage/lookup';
import type { ReadSql } from '../../../storage/transactions';
import { rowLimit } from '../../../storage/row-limit';
import { escapeLike } from '../../../record/ticket-record';

/** The devices with that whole serial / IMEI, case ignored: the serial index alone. */
export function* deviceIdsWithSerial(engine: StorageEngine, serial: string, limit: number): Lookup<number[]> {
  return yield* ids(`SELECT id FROM device WHERE ${engine.compareNoCase('serial', '=')} ORDER BY id DESC ${rowLimit(limit)}`, [serial]);
}

export interface ModelPair {
  brand: string;
  model: string;
}

/** The brand and model pairs in use holding every word (short ones, too short for the trigram index). */
export function* modelPairsWithWords(engine: StorageEngine, words: string[]): Lookup<ModelPair[]> {
  const like = words.map(() => engine.likeNoCase(`(brand || ' ' || model)`)).join(' AND ');
  return yield* rowsOf<ModelPair>(
    `SELECT brand, model FROM device_model WHERE ${like}`,
    words.map((w) => `%${escapeLike(w)}%`),
  );
}

/** A brand and model pair's newest devices, from the model index. */
export function* deviceIdsOfModel(engine: StorageEngine, { brand, model }: ModelPair, limit: number): Lookup<number[]> {
  const sql: ReadSql = `SELECT id FROM device WHERE ${engine.compareNoCase('model', '=')} AND brand = ? ORDER BY id DESC ${rowLimit(limit)}`;
  return yield* ids(sql, [model, brand]);
}

/** The newest devices whose brand or model holds each long word, with their brand and model to check the rest against. */
export function* devicesContaining(engine: StorageEngine, target: TextColumns, words: string[], limit: number): Lookup<(ModelPair & { id: number })[]> {
  const { sql, params } = engine.newestContaining(target, words, limit, ['brand', 'model']);
  return yield* rowsOf<ModelPair & { id: number }>(sql, params);
}
