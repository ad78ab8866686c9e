import type { Language } from '../domain';
import { en } from './en';
import { zhCN } from './zh-CN';

export const MESSAGES = { en, 'zh-CN': zhCN } as const;

/**
 * Looks up a dotted key for main-side text (errors, documents); falls back to English, then the key. A numeric
 * `count` picks the plural form as the screens' i18next does (`key_one`, `key_other`, by the language's rules).
 */
export function translate(language: Language, key: string, vars: Record<string, string | number> = {}): string {
  const find = (root: unknown, path: string): string | undefined => {
    const found = path
      .split('.')
      .reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), root);
    return typeof found === 'string' ? found : undefined;
  };
  const count = vars.count;
  const paths = typeof count === 'number' && Number.isFinite(count) ? [`${key}_${new Intl.PluralRules(language).select(count)}`, `${key}_other`, key] : [key];
  const inLanguage = (root: unknown) => paths.map((path) => find(root, path)).find((found) => found !== undefined);
  const template = inLanguage(MESSAGES[language]) ?? inLanguage(MESSAGES.en) ?? key;
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(vars[name] ?? ''));
}
