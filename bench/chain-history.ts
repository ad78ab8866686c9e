// A generated history must be sealed as the desk seals its own: every ticket
// event, payment and audit entry linked into the hash chain. Without the links
// the first write of a desk opened on the file links every row ever generated
// in its own transaction (millions of hashes), so the first start pays for the
// generator and the file grows by the chain after its size was recorded.
import type BetterSqlite3 from 'better-sqlite3';
import { itemAt } from '../src/shared/lists';
import { CHAINED_SOURCES, GENESIS, chainedColumns, linkHash, rowHash } from '../src/main/core/storage/history-chain';

/** Rows read per page: better-sqlite3 cannot write while a statement iterates, so the rows come in pages. */
const PAGE = 20_000;

/** Links every row not yet in the chain, in the order Database.write would (source by source, by id); returns how many. */
export function chainGeneratedHistory(db: BetterSqlite3.Database): number {
  const last = db.prepare(`SELECT hash FROM history_link ORDER BY id DESC LIMIT 1`).get() as { hash: string } | undefined;
  let prev = last?.hash ?? GENESIS;
  const insertLink = db.prepare(`INSERT INTO history_link (source, row_id, row_hash, prev_hash, hash) VALUES (?, ?, ?, ?, ?)`);
  let linked = 0;
  for (const source of CHAINED_SOURCES) {
    const after = db.prepare(`SELECT COALESCE(MAX(row_id), 0) AS id FROM history_link WHERE source = ?`).get(source) as { id: number };
    const page = db.prepare(`SELECT ${chainedColumns(source)} FROM ${source} WHERE id > ? ORDER BY id LIMIT ${PAGE}`);
    let from = after.id;
    for (;;) {
      const rows = page.all(from) as Record<string, unknown>[];
      if (rows.length === 0) break;
      db.transaction(() => {
        for (const row of rows) {
          const id = row.id as number;
          const hashed = rowHash(source, row);
          const hash = linkHash(prev, source, id, hashed);
          insertLink.run(source, id, hashed, prev, hash);
          prev = hash;
        }
      })();
      linked += rows.length;
      from = itemAt(rows, rows.length - 1).id as number;
    }
  }
  return linked;
}
