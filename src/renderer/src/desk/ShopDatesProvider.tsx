// The date pickers' calendar (month names, first day of the week) in the shop's
// language, switched with it.
import { DatesProvider } from '@mantine/dates';
import 'dayjs/locale/zh-cn';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { asLanguage, DAYJS_LOCALE } from '../../../shared/dates';

export function ShopDatesProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return <DatesProvider settings={{ locale: DAYJS_LOCALE[asLanguage(i18n.language)], firstDayOfWeek: 1 }}>{children}</DatesProvider>;
}
