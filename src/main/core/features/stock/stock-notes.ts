// The notes the desk itself writes on a stock move, stored as data (a code and
// its parameters) and worded when read, in the shop's language at that moment.
// What staff typed has no data and is shown as typed; so are moves written
// before the data was kept.
import type { Language } from '../../../../shared/domain';
import { translate } from '../../../../shared/i18n/translate';

/** What a desk-written stock note says, as data. */
export type StockNoteData = { code: 'fitted_part_restocked' };

export function renderStockNote(language: Language, data: StockNoteData): string {
  switch (data.code) {
    case 'fitted_part_restocked':
      return translate(language, 'historyNotes.fittedPartRestocked');
  }
}

/** The text of a stored stock note: worded from its data when it has some, as written otherwise. */
export function stockNoteText(language: Language, note: string, noteData: string | null): string {
  if (noteData === null) return note;
  try {
    return renderStockNote(language, JSON.parse(noteData) as StockNoteData);
  } catch {
    return note;
  }
}
