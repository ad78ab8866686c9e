// The history's hash chain: every ticket event, payment and audit entry gets a
// link holding the hash of its row and of the link before it, written in the
// same transaction as the row (Database.write chains new rows before COMMIT).
// Changing or removing a row, or a link, behind the desk's back breaks the
// chain at that point; verifyHistory reports the first break.
import { createHash } from 'node:crypto';
import type { ReadTx, SelectSql, WriteTx } from './transactions';
import type { HistoryCheck } from '../../../shared/trust-contract';
import { onlyRow } from './rows';
import { rowReaderOf } from './sql-reader';
import { insertRow } from './row-insert';
import { HistoryLinkEntity } from './entities/bookkeeping';

/** The columns a row is hashed over: the ones that never change once written (a void changes only void columns). */
const CHAINED = {
  ticket_event: ['id', 'ticket_id', 'kind', 'from_status', 'to_status', 'amount_minor', 'note', 'staff_id', 'at'],
  payment: ['id', 'ticket_id', 'kind', 'method', 'amount_minor', 'tendered_minor', 'change_minor', 'reference', 'reason', 'staff_id', 'approved_by', 'at'],
  audit_entry: ['id', 'kind', 'subject_id', 'old_value', 'new_value', 'staff_id', 'at'],
} as const;
/**
 * Columns added after rows were already chained: hashed (name and value) only
 * when set, so the hashes of the rows written before them stay what they were,
 * and setting one on an old row still breaks the chain.
 */
const CHAINED_WHEN_SET: Record<keyof typeof CHAINED, readonly string[]> = {
  ticket_event: ['note_data'],
  payment: [],
  audit_entry: [],
};
type Source = keyof typeof CHAINED;

/** The columns of a source's row that its hash covers, as a SELECT list. */
export function chainedColumns(source: Source): string {
  return [...CHAINED[source], ...CHAINED_WHEN_SET[source]].join(', ');
}
/** The chained tables, in the order a write links their new rows. */
export const CHAINED_SOURCES = Object.keys(CHAINED) as Source[];
const SOURCES = CHAINED_SOURCES;

export const GENESIS = '0'.repeat(64);

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function rowHash(source: Source, row: Record<string, unknown>): string {
  const set = CHAINED_WHEN_SET[source].filter((column) => row[column] !== null && row[column] !== undefined).map((column) => [column, row[column]]);
  return sha256(JSON.stringify([source, ...CHAINED[source].map((column) => row[column] ?? null), ...set]));
}

export function linkHash(prevHash: string, source: string, rowId: number, rowHashValue: string): string {
  return sha256(`${prevHash}|${source}|${rowId}|${rowHashValue}`);
}

interface LinkRow {
  id: number;
  source: Source;
  row_id: number;
  row_hash: string;
  prev_hash: string;
  hash: string;
}

/**
 * One probe for the whole chain: the last link's hash, and per source the last
 * row linked and the last row written. Every write transaction runs it, so a
 * transaction that wrote no chained row costs one indexed read, not one per source.
 */
const CHAIN_STATE: SelectSql = `SELECT (SELECT hash FROM history_link ORDER BY id DESC LIMIT 1) AS last_hash, ${SOURCES.map(
  (source) => `(SELECT MAX(row_id) FROM history_link WHERE source = '${source}') AS ${source}_linked, (SELECT MAX(id) FROM ${source}) AS ${source}_written`,
).join(', ')}`;

/**
 * Links every row written since the last link; called inside the write transaction, before COMMIT.
 * On SQLite its reads and inserts are the connection's prepared statements (every write runs this).
 */
export async function chainNewRows(tx: WriteTx): Promise<void> {
  const read = rowReaderOf(tx);
  const state = onlyRow(await read<Record<string, string | number | null>>(CHAIN_STATE));
  let prev = (state.last_hash as string | null) ?? GENESIS;
  for (const source of SOURCES) {
    const linked = (state[`${source}_linked`] as number | null) ?? 0;
    const written = (state[`${source}_written`] as number | null) ?? 0;
    if (written <= linked) continue;
    const rows = await read<Record<string, unknown>>(`SELECT ${chainedColumns(source)} FROM ${source} WHERE id > ? ORDER BY id`, [linked]);
    for (const row of rows) {
      const rowId = row.id as number;
      const rowHashValue = rowHash(source, row);
      const hash = linkHash(prev, source, rowId, rowHashValue);
      await insertRow(tx, HistoryLinkEntity, { source, rowId, rowHash: rowHashValue, prevHash: prev, hash });
      prev = hash;
    }
  }
}

/** Walks the chain from the start; the first link whose row or hash does not match is reported. */
export async function verifyHistory(tx: ReadTx): Promise<HistoryCheck> {
  const links: LinkRow[] = await tx.query(`SELECT id, source, row_id, row_hash, prev_hash, hash FROM history_link ORDER BY id`);
  let prev = GENESIS;
  let checked = 0;
  for (const link of links) {
    const broken = (reason: 'row_changed' | 'row_missing' | 'link_changed'): HistoryCheck => ({
      ok: false,
      checked,
      firstBroken: { link: link.id, source: link.source, rowId: link.row_id, reason },
    });
    if (!(link.source in CHAINED)) return broken('link_changed');
    if (link.prev_hash !== prev || link.hash !== linkHash(prev, link.source, link.row_id, link.row_hash)) return broken('link_changed');
    const rows: Record<string, unknown>[] = await tx.query(`SELECT ${chainedColumns(link.source)} FROM ${link.source} WHERE id = ?`, [link.row_id]);
    if (rows.length === 0) return broken('row_missing');
    if (rowHash(link.source, onlyRow(rows)) !== link.row_hash) return broken('row_changed');
    prev = link.hash;
    checked += 1;
  }
  return { ok: true, checked, firstBroken: null };
}
