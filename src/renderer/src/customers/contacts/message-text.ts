// A message template filled in with the ticket's data, in the language the
// customer reads (which may differ from the screen's).
import { formatDate } from '../../../../shared/dates';
import i18next from 'i18next';
import type { MessageTemplate } from '../../../../shared/customer-care-contract';
import type { Language } from '../../../../shared/domain';
import { formatMoney } from '../../../../shared/money';

export interface MessageFacts {
  customerName: string;
  device: string;
  displayNumber: string;
  shopName: string;
  shopPhone: string;
  currency: string;
  /** The quote waiting for the customer's decision, if any. */
  quoteTotalMinor: number | null;
  /** The local day the device became ready (YYYY-MM-DD), if it did. */
  readySince: string | null;
}

export function messageText(template: MessageTemplate, language: Language, facts: MessageFacts): string {
  const t = i18next.getFixedT(language);
  const readySince = facts.readySince ? formatDate(facts.readySince, language) : '';
  return t(`care.message.${template}`, {
    name: facts.customerName,
    device: facts.device,
    number: facts.displayNumber,
    // A shop that has not entered its name yet is "our repair shop", not a gap.
    shop: facts.shopName || t('care.templates.ourShop'),
    phone: facts.shopPhone,
    amount: facts.quoteTotalMinor === null ? '' : formatMoney(facts.quoteTotalMinor, facts.currency, language),
    date: readySince,
  })
    .replace(/\s+/g, ' ')
    .trim();
}
