// An instant in the interface language (date and time), outside the desk's provider too (the recovery screen).
import { useTranslation } from 'react-i18next';

export function useInstant(): (iso: string) => string {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (iso) => format.format(new Date(iso));
}
