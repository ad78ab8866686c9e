// Dates and money in the interface language (dates in the language's one format,
// the same as on paper), money in the shop's currency.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { asLanguage, formatDate, formatDateTime } from '../../../shared/dates';
import { formatMoney } from '../../../shared/money';
import { useDesk } from './desk-context';

export interface Formatters {
  day(isoDay: string): string;
  instant(iso: string): string;
  money(minor: number, currency?: string): string;
}

export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  const { settings } = useDesk();
  const locale = i18n.language;
  return useMemo(() => {
    const language = asLanguage(locale);
    return {
      day: (isoDay) => formatDate(isoDay, language),
      instant: (iso) => formatDateTime(iso, language),
      money: (minor, currency = settings.currency) => formatMoney(minor, currency, locale),
    };
  }, [locale, settings.currency]);
}
