// An instant in the interface language (date and time), outside the desk's provider too (the recovery screen).
import { useTranslation } from 'react-i18next';
import { asLanguage, formatDateTime } from '../../../shared/dates';

export function useInstant(): (iso: string) => string {
  const { i18n } = useTranslation();
  const language = asLanguage(i18n.language);
  return (iso) => formatDateTime(iso, language);
}
