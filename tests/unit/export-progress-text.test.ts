// The export's progress line names each table by what it holds, in both languages.
import { join } from 'node:path';
import i18next, { type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { exportRunningText, exportTableName } from '../../src/renderer/src/backups/export-progress-text';
import { DATABASE_FILE } from '../../src/main/core/desk';
import { openRaw } from '../../src/main/core/features/data-safety/data-file';
import { exportedTables } from '../../src/main/core/features/data-safety/sqlite-export-source';
import type { Language } from '../../src/shared/domain';
import { MESSAGES } from '../../src/shared/i18n/translate';
import { openTestDesk } from '../support/desk';

async function textIn(language: Language): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init({
    resources: { en: { translation: MESSAGES.en }, 'zh-CN': { translation: MESSAGES['zh-CN'] } },
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  });
  return instance.t;
}

describe('the export progress line', () => {
  it('says what is being exported in words, not by SQL name', async () => {
    const en = await textIn('en');
    const zh = await textIn('zh-CN');
    expect(exportRunningText(en, { table: 'ticket_event', rowsDone: 5000, rowsTotal: 12000 })).toBe('Exporting History events… 5000 of 12000 rows');
    expect(exportRunningText(zh, { table: 'ticket_event', rowsDone: 5000, rowsTotal: 12000 })).toBe('正在导出 维修记录… 5000 / 12000 行');
    expect(exportRunningText(en, { table: 'customer', rowsDone: 1, rowsTotal: 2 })).toBe('Exporting Customers… 1 of 2 rows');
    expect(exportRunningText(zh, { table: 'customer', rowsDone: 1, rowsTotal: 2 })).toBe('正在导出 客户… 1 / 2 行');
  });

  it('has a name in both languages for every table a desk exports', async () => {
    const desk = await openTestDesk({ setup: false });
    const raw = openRaw(join(desk.dir, DATABASE_FILE), { readonly: true });
    const tables = exportedTables(raw);
    raw.close();
    await desk.close();
    expect(tables.length).toBeGreaterThan(30);
    for (const language of ['en', 'zh-CN'] as const) {
      const t = await textIn(language);
      const names = tables.map((table) => exportTableName(t, table));
      names.forEach((name, at) => expect(name, `${language} ${tables[at]}`).not.toMatch(/^[a-z_]+$/));
      expect(new Set(names).size, language).toBe(names.length);
    }
  });

  it('keeps the SQL name of a table it has no words for, rather than showing nothing', async () => {
    expect(exportTableName(await textIn('en'), 'newer_table')).toBe('newer_table');
  });
});
