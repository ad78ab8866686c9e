// One Chinese word per thing: every zh-CN string (screens and paper) and every
// source file uses the glossary's preferred term, never a variant.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GLOSSARY } from '../../src/shared/i18n/glossary';
import { zhCN } from '../../src/shared/i18n/zh-CN';

const ROOT = resolve(__dirname, '../..');

function strings(table: unknown, path = ''): [string, string][] {
  if (typeof table === 'string') return [[path, table]];
  if (table && typeof table === 'object') return Object.entries(table).flatMap(([key, value]) => strings(value, path ? `${path}.${key}` : key));
  return [];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('the Chinese glossary', () => {
  const all = strings(zhCN);

  it.each(GLOSSARY.map((entry) => [entry.concept, entry] as const))('%s: the preferred term is used and no variant', (_concept, entry) => {
    expect(all.some(([, text]) => text.includes(entry.preferred))).toBe(true);
    const variants = all.filter(([, text]) => entry.avoided.some((word) => text.includes(word))).map(([path]) => path);
    expect(variants).toEqual([]);
  });

  it('has no variant written into the code either', () => {
    const glossaryFile = join(ROOT, 'src/shared/i18n/glossary.ts');
    const found = sourceFiles(join(ROOT, 'src'))
      .filter((file) => file !== glossaryFile)
      .flatMap((file) => {
        const text = readFileSync(file, 'utf8');
        return GLOSSARY.flatMap((entry) => entry.avoided.filter((word) => text.includes(word)).map((word) => `${relative(ROOT, file)}: ${word}`));
      });
    expect(found).toEqual([]);
  });

  it('names the ticket list and the receipt differently', () => {
    expect(zhCN.app.nav.tickets).not.toBe(zhCN.receipt.title);
    expect(zhCN.settings.printing.documents.receipt).toBe(zhCN.receipt.title);
  });
});
