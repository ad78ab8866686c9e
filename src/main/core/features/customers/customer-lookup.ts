// The intake's as-you-type lookup of a returning customer: the phone field's
// digits (anywhere in the number) or the name field's text (any part, any case).
// Exact matches first, then those starting with the text, then the rest; within
// each, the most recent visit first. Merged duplicates are left out.
//
// Index-only, as the archive search it shares its statements with: the phone
// and name indexes for exact and prefix matches, the FTS5 trigram tables for
// 3+ characters anywhere, the name gram index for 1-2 characters. Each matcher
// brings its newest customers; only those are read and ranked. On SQLite it runs
// on the driver's prepared statements; on PostgreSQL in the read transaction.
import { engineNamed, engineOf, type StorageEngine } from '../../storage/engine';
import { idsOf, runInTx, runOnReader, type Lookup } from '../../storage/lookup';
import { isSqliteTx, sqlReaderOf, type SqlReader } from '../../storage/sql-reader';
import type { ReadTx } from '../../storage/transactions';
import type { CustomerSummary } from '../../../../shared/contract';
import { customerIdsWithPhonePrefix, NAME, PHONE_DIGITS, phoneLike, startingWith, TRIGRAM } from '../tickets';
import { customerSummariesWithIds } from './queries/customers';
import { phoneDigits, toSummary } from './customers';

const EXACT = 0;
const PREFIX = 1;
const ANYWHERE = 2;

/** The lookup on SQLite's driver reader, inside a transaction its caller holds. */
export function searchCustomers(sql: SqlReader, query: string, limit: number): CustomerSummary[] {
  return runOnReader(customerLookup(engineNamed('sqlite'), query, limit), sql);
}

/** The lookup inside a use case's transaction, on either engine. */
export function searchCustomersIn(tx: ReadTx, query: string, limit: number): Promise<CustomerSummary[]> {
  const lookup = customerLookup(engineOf(tx), query, limit);
  return isSqliteTx(tx) ? Promise.resolve(runOnReader(lookup, sqlReaderOf(tx))) : runInTx(lookup, tx);
}

function* customerLookup(engine: StorageEngine, query: string, limit: number): Lookup<CustomerSummary[]> {
  const text = query.normalize('NFKC').trim();
  if (text === '') return [];
  const rank = new Map<number, number>();
  const add = (ids: number[], at: number) => {
    for (const id of ids) if (!rank.has(id)) rank.set(id, at);
  };
  let isExact: (summary: CustomerSummary) => boolean;
  if (phoneLike(text)) {
    const digits = phoneDigits(text);
    if (digits.length < TRIGRAM) return [];
    // The prefix range holds the exact number too; it is told apart once read.
    add(yield* customerIdsWithPhonePrefix(digits, limit), PREFIX);
    add(yield* idsOf(engine.newestContaining(PHONE_DIGITS, [digits], limit)), ANYWHERE);
    isExact = (summary) => phoneDigits(summary.phone) === digits;
  } else {
    add(yield* startingWith(engine, 'customer', 'name', text, limit), PREFIX);
    add(
      [...text].length >= TRIGRAM
        ? yield* idsOf(engine.newestContaining(NAME, [text], limit))
        : // One or two characters (a Chinese surname or given name) anywhere in the name.
          yield* idsOf(engine.newestWithNamePart(text, false, limit)),
      ANYWHERE,
    );
    const folded = text.toLowerCase();
    isExact = (summary) => summary.name.toLowerCase() === folded;
  }
  if (rank.size === 0) return [];
  // Each summary's rank is worked out once, not in every comparison of the sort.
  const ranked = (yield* customerSummariesWithIds([...rank.keys()])).map((row) => {
    const summary = toSummary(row);
    return { summary, rank: isExact(summary) ? EXACT : (rank.get(summary.id) ?? ANYWHERE), lastVisit: summary.lastVisitAt ?? '' };
  });
  // ISO timestamps compare as plain strings; a customer never seen (no ticket) comes last.
  return ranked
    .sort((a, b) => a.rank - b.rank || (a.lastVisit > b.lastVisit ? -1 : a.lastVisit < b.lastVisit ? 1 : 0) || b.summary.id - a.summary.id)
    .slice(0, limit)
    .map(({ summary }) => summary);
}
