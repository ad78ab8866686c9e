// The figures' statements on the collections (table collection, with the accepted quotes of the tickets
// collected): how many, what was charged for them, diagnosis fees and discounts.
import type { ReadTx } from '../../../storage/transactions';
import type { QuoteLineKind } from '../../../../../shared/workflow';
import type { Period } from '../../../rules/money-booking';
import { onlyRow } from '../../../storage/rows';

interface CountRow {
  n: number;
}

/** Devices collected in the period. */
export async function countCollections(tx: ReadTx, period: Period): Promise<number> {
  const rows = await tx.query<CountRow[]>(`SELECT COUNT(*) AS n FROM collection WHERE at >= ? AND at < ?`, [period.from, period.to]);
  return onlyRow(rows).n;
}

export interface DiscountsGivenRow {
  n: number;
  amount: number | null;
}

/** How many repaired devices collected in the period had a discount, and how much (NULL for none). */
export async function selectDiscountsGiven(tx: ReadTx, period: Period): Promise<DiscountsGivenRow> {
  const rows = await tx.query<DiscountsGivenRow[]>(
    `SELECT COUNT(*) AS n, SUM(q.discount_minor) AS amount FROM collection c
       JOIN quote q ON q.ticket_id = c.ticket_id AND q.status = 'accepted'
     WHERE c.at >= ? AND c.at < ? AND c.repaired = 1 AND q.discount_minor > 0`,
    [period.from, period.to],
  );
  return onlyRow(rows);
}

export interface ChargedByKindRow {
  kind: QuoteLineKind;
  /** 1 for the lines of the diagnosis fee, else 0. */
  diagnosis: number;
  amount: number;
}

/** What the accepted quotes of the repaired devices collected in the period charged, by line kind, diagnosis fee apart. */
export async function selectChargedByKind(tx: ReadTx, diagnosisFeeCode: string, period: Period): Promise<ChargedByKindRow[]> {
  return tx.query<ChargedByKindRow[]>(
    `SELECT ql.kind, COALESCE(fi.code = ?, 0) AS diagnosis, SUM(ql.charged_minor) AS amount
     FROM collection c JOIN quote q ON q.ticket_id = c.ticket_id AND q.status = 'accepted' JOIN quote_line ql ON ql.quote_id = q.id
       LEFT JOIN fee_item fi ON fi.id = ql.fee_item_id
     WHERE c.at >= ? AND c.at < ? AND c.repaired = 1 GROUP BY ql.kind, diagnosis`,
    [diagnosisFeeCode, period.from, period.to],
  );
}

interface AmountRow {
  amount: number | null;
}

/** The diagnosis fees of the last quotes of the devices returned unrepaired in the period (NULL for none). */
export async function sumUnrepairedDiagnosisFees(tx: ReadTx, diagnosisFeeCode: string, period: Period): Promise<number | null> {
  const rows = await tx.query<AmountRow[]>(
    `SELECT SUM(ql.charged_minor) AS amount FROM collection c
       JOIN quote q ON q.id = (SELECT id FROM quote WHERE ticket_id = c.ticket_id AND status <> 'superseded' ORDER BY version DESC LIMIT 1)
       JOIN quote_line ql ON ql.quote_id = q.id AND ql.kind = 'labour' JOIN fee_item fi ON fi.id = ql.fee_item_id AND fi.code = ?
     WHERE c.at >= ? AND c.at < ? AND c.repaired = 0`,
    [diagnosisFeeCode, period.from, period.to],
  );
  return onlyRow(rows).amount;
}

/** The discounts of the accepted quotes of the repaired devices collected in the period (NULL for none). */
export async function sumRepairedDiscounts(tx: ReadTx, period: Period): Promise<number | null> {
  const rows = await tx.query<AmountRow[]>(
    `SELECT SUM(q.discount_minor) AS amount FROM collection c JOIN quote q ON q.ticket_id = c.ticket_id AND q.status = 'accepted'
     WHERE c.at >= ? AND c.at < ? AND c.repaired = 1`,
    [period.from, period.to],
  );
  return onlyRow(rows).amount;
}
