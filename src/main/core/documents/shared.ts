// Wording, formatting and small building blocks shared by the documents.
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { TicketDetail } from '../../../shared/contract';
import { formatDate, formatDateTime as sharedDateTime, formatDay } from '../../../shared/dates';
import type { Language } from '../../../shared/domain';
import { translate } from '../../../shared/i18n/translate';
import { formatMoney } from '../../../shared/money';
import type { PageGeometry } from './layout';
import type { DocumentInput } from './types';

/** The font family the renderer registers; regular and bold faces of Noto Sans SC. */
export const FONT_FAMILY = 'NotoSansSC';

export type Wording = (key: string, vars?: Record<string, string | number>) => string;

/** Document wording in the document's language (the `docs` section of the i18n tables). */
export function wording(language: Language): Wording {
  return (key, vars) => translate(language, `docs.${key}`, vars);
}

/** A vocabulary label (deviceType, accessory, condition, dataAnswer, ...) in the document's language. */
export function vocabulary(language: Language, table: string, id: string): string {
  return translate(language, `${table}.${id}`);
}

/** How a list of short items is joined in the language: 充电器、数据线 / Charger, Cable. */
export function joinList(language: Language, items: string[]): string {
  return items.join(language === 'zh-CN' ? '、' : ', ');
}

/** A moment (ISO text or Date) as the shop's local date and time, in the language's one date format (src/shared/dates). */
export function formatDateTime(at: string | Date, language: Language): string {
  return sharedDateTime(at, language);
}

/** A calendar date (YYYY-MM-DD, no time zone) in the language's one date format. */
export function formatCalendarDate(day: string, language: Language): string {
  return formatDate(day, language);
}

/** The local day of a moment, for labels: the same format as every other date in the language. */
export function formatLocalDay(at: string | Date, language: Language): string {
  return formatDay(at, language);
}

export function formatAmount(minor: number, currency: string, language: Language): string {
  return formatMoney(minor, currency, language === 'zh-CN' ? 'zh-CN' : 'en');
}

/** The last four digits of a phone number. */
export function phoneLast4(phone: string): string {
  return phone.replace(/\D/g, '').slice(-4);
}

/** Every digit but the last four as '*': "138 0013 8000" -> "*******8000". */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  const shown = digits.slice(-4);
  return '*'.repeat(Math.max(0, digits.length - shown.length)) + shown;
}

/** Brand and model, without repeating a brand the model already starts with. */
export function deviceName(ticket: Pick<TicketDetail, 'brand' | 'model'>): string {
  const brand = ticket.brand.trim();
  const model = ticket.model.trim();
  if (!brand) return model;
  if (model.toLowerCase().startsWith(brand.toLowerCase())) return model;
  return `${brand} ${model}`;
}

/** The clauses of a terms text: one a line, blank lines dropped. */
export function termLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

export function intakeTerms(input: DocumentInput): string[] {
  const text = input.terms?.trim() ? input.terms : wording(input.language)('defaultTerms');
  return termLines(text);
}

export function claimTerms(input: DocumentInput): string {
  const text = input.claimTerms?.trim() ? input.claimTerms : wording(input.language)('defaultClaimTerms');
  return termLines(text).join(' ');
}

/** The parts every document definition shares: page, font, metadata. */
export function baseDefinition(geometry: PageGeometry, input: DocumentInput, title: string, content: Content, fontSize: number): TDocumentDefinitions {
  return {
    pageSize: geometry.pageSize,
    pageMargins: geometry.pageMargins,
    info: {
      title: `${title} ${input.ticket.displayNumber}`,
      author: input.shop.name || undefined,
      creator: 'Repair Desk',
      producer: 'Repair Desk',
      creationDate: input.printedAt,
    },
    language: input.language,
    defaultStyle: { font: FONT_FAMILY, fontSize: geometry.pt(fontSize), lineHeight: 1.15 },
    content,
  };
}
