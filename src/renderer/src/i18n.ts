// i18next over the shared string tables. The language is the shop's setting,
// applied at run time whenever settings load or change.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../shared/domain';
import type { en } from '../../shared/i18n/en';
import { MESSAGES } from '../../shared/i18n/translate';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}

void i18next.use(initReactI18next).init({
  resources: {
    en: { translation: MESSAGES.en },
    'zh-CN': { translation: MESSAGES['zh-CN'] },
  },
  lng: 'en',
  fallbackLng: 'en',
  initAsync: false,
  // React escapes what it renders.
  interpolation: { escapeValue: false },
});

/** The computer's language, for what is shown before the shop's own setting can be read. */
export function systemLanguage(): Language {
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function applyLanguage(language: Language): void {
  document.documentElement.lang = language;
  if (i18next.language !== language) void i18next.changeLanguage(language);
}

export { i18next };
