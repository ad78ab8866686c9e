// The export's progress line names the table being written by what it holds
// ("History events"), not by its SQL name; a table without a name yet keeps
// its SQL name rather than showing nothing.
import type { TFunction } from 'i18next';
import type { ExportProgress } from '../../../shared/data-safety-contract';
import { en } from '../../../shared/i18n/en';

type ExportedTable = keyof typeof en.dataSafety.export.tables;

const isNamed = (table: string): table is ExportedTable => Object.hasOwn(en.dataSafety.export.tables, table);

export function exportTableName(t: TFunction, table: string): string {
  return isNamed(table) ? t(`dataSafety.export.tables.${table}`) : table;
}

export function exportRunningText(t: TFunction, progress: Pick<ExportProgress, 'table' | 'rowsDone' | 'rowsTotal'>): string {
  return t('dataSafety.export.running', { table: exportTableName(t, progress.table), done: progress.rowsDone, total: progress.rowsTotal });
}
