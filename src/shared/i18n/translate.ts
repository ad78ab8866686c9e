import type { Language } from '../domain';
import { en } from './en';
import { zhCN } from './zh-CN';

export const MESSAGES = { en, 'zh-CN': zhCN } as const;

/** Looks up a dotted key for main-side text (errors, documents); falls back to English, then the key. */
export function translate(language: Language, key: string, vars: Record<string, string | number> = {}): string {
  const find = (root: unknown): string | undefined => {
    const found = key
      .split('.')
      .reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), root);
    return typeof found === 'string' ? found : undefined;
  };
  const template = find(MESSAGES[language]) ?? find(MESSAGES.en) ?? key;
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(vars[name] ?? ''));
}
