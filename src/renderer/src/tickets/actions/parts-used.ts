// The parts drawn for a ticket and how many replaced parts may still go back
// to the stores or to the customer (one old part for each new one fitted).
// Pure, unit-tested.
import type { OldPartHandedBack, StockMoveView } from '../../../../shared/repair-contract';

export interface ReturnablePart {
  partId: number;
  partName: string;
  /** Fitted under warranty and not yet returned. */
  returnable: number;
}

/** Parts fitted under warranty whose replaced part has not all gone back to the stores yet. */
export function returnableParts(moves: readonly StockMoveView[]): ReturnablePart[] {
  const byPart = new Map<number, ReturnablePart & { warranty: boolean }>();
  for (const move of moves) {
    const entry = byPart.get(move.partId) ?? { partId: move.partId, partName: move.partName, returnable: 0, warranty: false };
    if (move.reason === 'used') {
      entry.returnable += -move.qtyDelta;
      entry.warranty ||= move.underWarranty;
    }
    if (move.reason === 'returned_to_stores') entry.returnable -= move.qtyDelta;
    byPart.set(move.partId, entry);
  }
  return [...byPart.values()].filter((p) => p.warranty && p.returnable > 0).map(({ partId, partName, returnable }) => ({ partId, partName, returnable }));
}

/** Parts fitted whose replaced part is neither back in the stores nor already handed back to the customer. */
export function handBackableParts(moves: readonly StockMoveView[], handedBack: readonly OldPartHandedBack[]): ReturnablePart[] {
  const byPart = new Map<number, ReturnablePart>();
  for (const move of moves) {
    const entry = byPart.get(move.partId) ?? { partId: move.partId, partName: move.partName, returnable: 0 };
    if (move.reason === 'used') entry.returnable += -move.qtyDelta;
    if (move.reason === 'returned_to_stores') entry.returnable -= move.qtyDelta;
    byPart.set(move.partId, entry);
  }
  for (const back of handedBack) {
    const entry = byPart.get(back.partId);
    if (entry) entry.returnable -= back.qty;
  }
  return [...byPart.values()].filter((p) => p.returnable > 0);
}
