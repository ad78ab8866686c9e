// The deposit as every document prints it: the amount and how it was paid
// (cash, card, WeChat Pay, Alipay), so the paper matches the day's takings.
import type { TicketDetail } from '../../../shared/contract';
import type { Language } from '../../../shared/domain';
import { translate } from '../../../shared/i18n/translate';
import { formatAmount } from './shared';

export function depositText(ticket: Pick<TicketDetail, 'depositMinor' | 'depositMethod' | 'currency'>, language: Language): string {
  const amount = formatAmount(ticket.depositMinor, ticket.currency, language);
  // No deposit, or one taken before the method was asked: the amount alone.
  if (ticket.depositMinor === 0 || ticket.depositMethod === null) return amount;
  const method = translate(language, `receipt.method.${ticket.depositMethod}`);
  return translate(language, 'counter.documents.depositWithMethod', { amount, method });
}
