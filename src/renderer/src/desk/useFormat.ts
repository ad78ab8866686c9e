// Dates and money in the interface language, money in the shop's currency.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../shared/money';
import { useDesk } from './desk-context';

/** "YYYY-MM-DD" is a calendar day, not an instant: read it in local time. */
function calendarDay(text: string): Date {
  const [y, m, d] = text.split('-').map(Number);
  return new Date(y, m - 1, d);
}

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
    const dayFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    const instantFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    return {
      day: (isoDay) => dayFormat.format(calendarDay(isoDay)),
      instant: (iso) => instantFormat.format(new Date(iso)),
      money: (minor, currency = settings.currency) => formatMoney(minor, currency, locale),
    };
  }, [locale, settings.currency]);
}
