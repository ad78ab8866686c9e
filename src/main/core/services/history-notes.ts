// The notes the use cases write on a ticket's history, composed in the shop's
// language (settings.language). The history shows a note as it was written, so
// a Chinese shop must not get internal ids ("software", "no_answer", "cash").
// Vocabulary comes from the shared string tables; what staff or the customer
// typed (a cause, a reason, a name, a reference) is kept verbatim.
import type { CollectionIdentity, PaymentMethod } from '../../../shared/collection-contract';
import type { Language } from '../../../shared/domain';
import { translate } from '../../../shared/i18n/translate';
import { formatMoney } from '../../../shared/money';
import type { ApprovalDecision, ApprovalMethod, FaultCategory, NotificationMethod, NotificationOutcome, SeverityLevel } from '../../../shared/workflow';

/** The part of the settings a note needs. */
export interface NoteLanguage {
  language: Language;
  currency: string;
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

export function diagnosisNote(
  language: Language,
  d: { category: FaultCategory; severity: SeverityLevel; userCaused: boolean; cause: string; withdrawnVersions: number[] },
): string {
  const { t, parts, typed } = words(language);
  const head = parts(t(`workflow.faultCategory.${d.category}`), t('historyNotes.severity', { level: d.severity }), d.userCaused && t('historyNotes.userCaused'));
  return parts(typed(head, d.cause), ...d.withdrawnVersions.map((version) => t('historyNotes.quoteWithdrawn', { version })));
}

export function quoteNote(
  shop: NoteLanguage,
  q: { version: number; discount: { kind: 'percent' | 'amount'; value: number; reason: string } | null; note: string },
): string {
  const { t, parts, typed } = words(shop.language);
  const discount =
    q.discount &&
    typed(
      q.discount.kind === 'percent'
        ? t('historyNotes.discountPercent', { value: q.discount.value })
        : t('historyNotes.discountAmount', { amount: formatNoteAmount(q.discount.value, shop) }),
      q.discount.reason,
    );
  return parts(t('historyNotes.quoteVersion', { version: q.version }), discount, q.note);
}

export function approvalNote(
  language: Language,
  a: { version: number; decision: ApprovalDecision; method: ApprovalMethod; contactName: string; note: string },
): string {
  const { t, typed } = words(language);
  const decision = t(`historyNotes.decision.${a.decision}`);
  const head =
    a.method === 'phone'
      ? t('historyNotes.approvalByPhone', { version: a.version, decision, contact: a.contactName })
      : t('historyNotes.approvalInPerson', { version: a.version, decision });
  return typed(head, a.note);
}

export function notificationNote(language: Language, n: { method: NotificationMethod; outcome: NotificationOutcome; note: string }): string {
  const { t, parts, typed } = words(language);
  return typed(parts(t(`workflow.notificationMethod.${n.method}`), t(`workflow.notificationOutcome.${n.outcome}`)), n.note);
}

export function paymentMethodName(language: Language, method: PaymentMethod): string {
  return translate(language, `receipt.method.${method}`);
}

export function paymentNote(
  shop: NoteLanguage,
  p: { method: PaymentMethod; tenderedMinor: number | null; changeMinor: number; reference: string | null | undefined },
): string {
  const { t, parts } = words(shop.language);
  const change =
    p.tenderedMinor !== null &&
    t('historyNotes.tenderedChange', { tendered: formatNoteAmount(p.tenderedMinor, shop), change: formatNoteAmount(p.changeMinor, shop) });
  return parts(paymentMethodName(shop.language, p.method), change, p.reference ?? null);
}

export function refundNote(language: Language, r: { method: PaymentMethod; reason: string }): string {
  return words(language).typed(paymentMethodName(language, r.method), r.reason);
}

export function voidNote(language: Language, v: { paymentId: number; method: PaymentMethod; reason: string }): string {
  const { t, typed } = words(language);
  return typed(t('historyNotes.voided', { id: v.paymentId, method: paymentMethodName(language, v.method) }), v.reason);
}

/** How the customer proved the device is theirs; also the note of the move to collected. */
export function identityNote(language: Language, identity: CollectionIdentity, checked: string): string {
  const { t, typed } = words(language);
  return identity === 'claim_ticket' ? t('historyNotes.identityClaimTicket') : typed(t('historyNotes.identityPhoneAndName'), checked);
}

/** An intake accessory id in the language; free text as typed. */
function accessoryName(language: Language, item: string): string {
  const key = `accessory.${item}`;
  const name = translate(language, key);
  return name === key ? item : name;
}

export function collectedNote(language: Language, c: { repaired: boolean; identityText: string; accessoriesReturned: string[] }): string {
  const { t, parts } = words(language);
  const items = c.accessoriesReturned.map((item) => accessoryName(language, item)).join(t('historyNotes.listSeparator'));
  return parts(
    t(c.repaired ? 'historyNotes.repaired' : 'historyNotes.returnedUnrepaired'),
    c.identityText,
    c.accessoriesReturned.length > 0 && t('historyNotes.returnedItems', { items }),
  );
}

/** `names: reason` with the language's colon (loaner override). */
export function typedNote(language: Language, head: string, text: string): string {
  return words(language).typed(head, text);
}

/** `2 × LCD screen (6.7" OLED): note` — a part drawn or returned to stores. */
export function partNote(language: Language, p: { qty: number; name: string; specification: string; note: string }): string {
  return typedNote(language, `${p.qty} × ${p.name}${p.specification ? ` (${p.specification})` : ''}`, p.note);
}

/** `iPhone 11 (SN123): note` — a loaner lent or back. */
export function loanerNote(language: Language, l: { name: string; serial: string; note: string }): string {
  return typedNote(language, `${l.name}${l.serial ? ` (${l.serial})` : ''}`, l.note);
}
