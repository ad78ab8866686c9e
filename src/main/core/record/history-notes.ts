// The notes the use cases write on a ticket's history. A note is stored as
// data (a code and its parameters: ids, amounts, versions, and what staff or the
// customer typed, verbatim) and its words are rendered when shown, in the shop's
// language at that moment; the text in the shop's language of the day it was
// written is kept beside the data for older readers. Notes written before the
// data was kept are shown as they were written.
import type { CollectionIdentity, PaymentMethod } from '../../../shared/collection-contract';
import { formatDate } from '../../../shared/dates';
import type { Language } from '../../../shared/domain';
import { translate } from '../../../shared/i18n/translate';
import { formatMoney } from '../../../shared/money';
import type { ApprovalDecision, ApprovalMethod, FaultCategory, NotificationMethod, NotificationOutcome, SeverityLevel } from '../../../shared/workflow';

/** The part of the settings a note needs. */
export interface NoteLanguage {
  language: Language;
  currency: string;
}

type Discount = { kind: 'percent' | 'amount'; value: number; reason: string } | null;

/** What a note says, as data: rendered in whichever language the shop uses when it is read. */
export type NoteData =
  | { code: 'diagnosis'; category: FaultCategory; severity: SeverityLevel; userCaused: boolean; cause: string; withdrawnVersions: number[] }
  | { code: 'quote'; currency: string; version: number; discount: Discount; note: string }
  | { code: 'approval'; version: number; decision: ApprovalDecision; method: ApprovalMethod; contactName: string; note: string }
  | { code: 'notification'; method: NotificationMethod; outcome: NotificationOutcome; note: string }
  | { code: 'payment'; currency: string; method: PaymentMethod; tenderedMinor: number | null; changeMinor: number; reference: string | null }
  | { code: 'refund'; method: PaymentMethod; reason: string }
  | { code: 'void'; paymentId: number; method: PaymentMethod; reason: string }
  | { code: 'identity'; identity: CollectionIdentity; checked: string }
  | { code: 'collected'; repaired: boolean; identity: CollectionIdentity; checked: string; accessoriesReturned: string[] }
  | { code: 'typed'; head: string; text: string }
  | { code: 'promised_date'; from: string | null; to: string | null; reason: string }
  | { code: 'part'; qty: number; name: string; specification: string; note: string; fittedPartRestocked?: boolean }
  | { code: 'loaner'; name: string; serial: string; note: string };

/** A note as it is written: its data, and its text in the shop's language of the day. */
export interface WrittenNote {
  text: string;
  data: NoteData;
}

export function written(language: Language, data: NoteData): WrittenNote {
  return { text: renderNote(language, data), data };
}

/** The text of a stored note: rendered from its data when it has some, as written otherwise. */
export function noteText(language: Language, note: string, noteData: string | null): string {
  if (noteData === null) return note;
  try {
    return renderNote(language, JSON.parse(noteData) as NoteData);
  } catch {
    return note;
  }
}

function words(language: Language) {
  const t = (key: string, vars?: Record<string, string | number>) => translate(language, key, vars);
  return {
    t,
    parts: (...parts: (string | null | false)[]) => parts.filter((p): p is string => Boolean(p)).join(t('historyNotes.separator')),
    /** `head: typed` — or just `head` when nothing was typed. */
    typed: (head: string, text: string | null | undefined) => (text ? `${head}${t('historyNotes.colon')}${text}` : head),
  };
}

export function formatNoteAmount(minor: number, { language, currency }: NoteLanguage): string {
  return formatMoney(minor, currency, language === 'zh-CN' ? 'zh-CN' : 'en');
}

/** An intake accessory id in the language; free text as typed. */
function accessoryName(language: Language, item: string): string {
  const key = `accessory.${item}`;
  const name = translate(language, key);
  return name === key ? item : name;
}

export function paymentMethodName(language: Language, method: PaymentMethod): string {
  return translate(language, `receipt.method.${method}`);
}

/** The words of a note in the language. */
export function renderNote(language: Language, d: NoteData): string {
  const { t, parts, typed } = words(language);
  switch (d.code) {
    case 'diagnosis': {
      const head = parts(
        t(`workflow.faultCategory.${d.category}`),
        t('historyNotes.severity', { level: d.severity }),
        d.userCaused && t('historyNotes.userCaused'),
      );
      return parts(typed(head, d.cause), ...d.withdrawnVersions.map((version) => t('historyNotes.quoteWithdrawn', { version })));
    }
    case 'quote': {
      const shop = { language, currency: d.currency };
      const discount =
        d.discount &&
        typed(
          d.discount.kind === 'percent'
            ? t('historyNotes.discountPercent', { value: d.discount.value })
            : t('historyNotes.discountAmount', { amount: formatNoteAmount(d.discount.value, shop) }),
          d.discount.reason,
        );
      return parts(t('historyNotes.quoteVersion', { version: d.version }), discount, d.note);
    }
    case 'approval': {
      const decision = t(`historyNotes.decision.${d.decision}`);
      const head =
        d.method === 'phone'
          ? t('historyNotes.approvalByPhone', { version: d.version, decision, contact: d.contactName })
          : t('historyNotes.approvalInPerson', { version: d.version, decision });
      return typed(head, d.note);
    }
    case 'notification':
      return typed(parts(t(`workflow.notificationMethod.${d.method}`), t(`workflow.notificationOutcome.${d.outcome}`)), d.note);
    case 'payment': {
      const shop = { language, currency: d.currency };
      const change =
        d.tenderedMinor !== null &&
        t('historyNotes.tenderedChange', { tendered: formatNoteAmount(d.tenderedMinor, shop), change: formatNoteAmount(d.changeMinor, shop) });
      return parts(paymentMethodName(language, d.method), change, d.reference);
    }
    case 'refund':
      return typed(paymentMethodName(language, d.method), d.reason);
    case 'void':
      return typed(t('historyNotes.voided', { id: d.paymentId, method: paymentMethodName(language, d.method) }), d.reason);
    case 'identity':
      return d.identity === 'claim_ticket' ? t('historyNotes.identityClaimTicket') : typed(t('historyNotes.identityPhoneAndName'), d.checked);
    case 'collected': {
      const items = d.accessoriesReturned.map((item) => accessoryName(language, item)).join(t('historyNotes.listSeparator'));
      return parts(
        t(d.repaired ? 'historyNotes.repaired' : 'historyNotes.returnedUnrepaired'),
        renderNote(language, { code: 'identity', identity: d.identity, checked: d.checked }),
        d.accessoriesReturned.length > 0 && t('historyNotes.returnedItems', { items }),
      );
    }
    case 'typed':
      return typed(d.head, d.text);
    case 'promised_date': {
      const day = (iso: string | null) => (iso === null ? '—' : formatDate(iso, language));
      return typed(`${day(d.from)} → ${day(d.to)}`, d.reason);
    }
    case 'part':
      return typed(
        `${d.qty} × ${d.name}${d.specification ? ` (${d.specification})` : ''}`,
        d.fittedPartRestocked ? t('historyNotes.fittedPartRestocked') : d.note,
      );
    case 'loaner':
      return typed(`${d.name}${d.serial ? ` (${d.serial})` : ''}`, d.note);
  }
}

export function diagnosisNote(
  language: Language,
  d: { category: FaultCategory; severity: SeverityLevel; userCaused: boolean; cause: string; withdrawnVersions: number[] },
): WrittenNote {
  return written(language, { code: 'diagnosis', ...d });
}

export function quoteNote(shop: NoteLanguage, q: { version: number; discount: Discount; note: string }): WrittenNote {
  return written(shop.language, { code: 'quote', currency: shop.currency, ...q });
}

export function approvalNote(
  language: Language,
  a: { version: number; decision: ApprovalDecision; method: ApprovalMethod; contactName: string; note: string },
): WrittenNote {
  return written(language, { code: 'approval', ...a });
}

export function notificationNote(language: Language, n: { method: NotificationMethod; outcome: NotificationOutcome; note: string }): WrittenNote {
  return written(language, { code: 'notification', ...n });
}

export function paymentNote(
  shop: NoteLanguage,
  p: { method: PaymentMethod; tenderedMinor: number | null; changeMinor: number; reference: string | null | undefined },
): WrittenNote {
  return written(shop.language, { code: 'payment', currency: shop.currency, ...p, reference: p.reference ?? null });
}

export function refundNote(language: Language, r: { method: PaymentMethod; reason: string }): WrittenNote {
  return written(language, { code: 'refund', ...r });
}

export function voidNote(language: Language, v: { paymentId: number; method: PaymentMethod; reason: string }): WrittenNote {
  return written(language, { code: 'void', ...v });
}

/** How the customer proved the device is theirs; also the note of the move to collected. */
export function identityNote(language: Language, identity: CollectionIdentity, checked: string): WrittenNote {
  return written(language, { code: 'identity', identity, checked });
}

export function collectedNote(
  language: Language,
  c: { repaired: boolean; identity: CollectionIdentity; checked: string; accessoriesReturned: string[] },
): WrittenNote {
  return written(language, { code: 'collected', ...c });
}

/** `names: reason` with the language's colon (hand-over, loaner override). */
export function typedNote(language: Language, head: string, text: string): WrittenNote {
  return written(language, { code: 'typed', head, text });
}

/** `2026-12-02 → 2026-12-05: reason`, the dates in the language's format. */
export function promisedDateNote(language: Language, p: { from: string | null; to: string | null; reason: string }): WrittenNote {
  return written(language, { code: 'promised_date', ...p });
}

/** `2 × LCD screen (6.7" OLED): note` — a part drawn, returned to stores, or taken back off a cancelled repair. */
export function partNote(
  language: Language,
  p: { qty: number; name: string; specification: string; note: string; fittedPartRestocked?: boolean },
): WrittenNote {
  return written(language, { code: 'part', ...p });
}

/** `iPhone 11 (SN123): note` — a loaner lent or back. */
export function loanerNote(language: Language, l: { name: string; serial: string; note: string }): WrittenNote {
  return written(language, { code: 'loaner', ...l });
}
