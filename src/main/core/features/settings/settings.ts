import type { ReadTx, WriteTx } from '../../storage/transactions';
import type { Settings } from '../../../../shared/contract';
import { SettingEntity, type SettingRow } from '../../storage/entities/settings';
import { selectAllSettings } from './queries/settings';

export const DEFAULT_SETTINGS: Settings = {
  shopName: '',
  shopAddress: '',
  shopPhone: '',
  ticketPrefix: 'RD',
  warrantyMonths: 12,
  currency: 'CNY',
  language: 'en',
  conditionRequired: false,
  intakeTerms: '',
  claimTerms: '',
  printing: {
    'intake-form': { enabled: true, printer: null, preset: 'a4', copies: 1 },
    'claim-ticket': { enabled: true, printer: null, preset: 'roll-80', copies: 1 },
    'device-label': { enabled: true, printer: null, preset: 'label-62x29', copies: 1 },
    receipt: { enabled: true, printer: null, preset: 'roll-80', copies: 1 },
  },
  calibrations: {},
  repairWarrantyDays: 90,
  discountApprovalPercent: 10,
  unclaimedAfterDays: 30,
  followUpFromDay: 3,
  followUpToDay: 7,
  followUpMaxAttempts: 3,
  cashFloatMinor: 0,
  shopCalendar: { closedWeekdays: [], holidays: [] },
  figuresPrinting: {
    'day-close': { enabled: true, printer: null, preset: 'roll-80', copies: 1 },
    report: { enabled: true, printer: null, preset: 'a4', copies: 1 },
  },
  idleLockMinutes: 5,
};

type SettingKey = keyof Settings;

/** The rows last parsed and the settings they gave: nearly every use case finds the same rows again. */
let lastParsed: { rows: readonly SettingRow[]; settings: Settings } | null = null;

function sameRows(a: readonly SettingRow[], b: readonly SettingRow[]): boolean {
  return a.length === b.length && a.every((row, i) => row.key === b[i]?.key && row.value === b[i]?.value);
}

/** Frozen all the way down: the same object answers every use case until the rows change, so none may alter it. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Settings are stored one key a row (JSON values), so later issues add keys without a migration. */
export async function loadSettings(tx: ReadTx): Promise<Settings> {
  // Every use case reads them: on SQLite one prepared statement, not the ORM's query builder.
  const rows = await selectAllSettings(tx);
  // Keyed by the stored text itself, so whoever changed a row (this desk, another counter, a rollback) is seen.
  if (lastParsed && sameRows(lastParsed.rows, rows)) return lastParsed.settings;
  const stored: Partial<Record<SettingKey, unknown>> = {};
  for (const row of rows) {
    if (row.key in DEFAULT_SETTINGS) stored[row.key as SettingKey] = JSON.parse(row.value);
  }
  const settings = { ...DEFAULT_SETTINGS, ...stored } as Settings;
  // A document added later (the receipt) has no stored print settings yet: it gets its defaults.
  const loaded = deepFreeze(structuredClone({ ...settings, printing: { ...DEFAULT_SETTINGS.printing, ...settings.printing } }));
  lastParsed = { rows, settings: loaded };
  return loaded;
}

/** The last stored prefix read and what it gave: every hit of a search carries the same text. */
let lastPrefix: { stored: string | null; prefix: string } | null = null;

/** The ticket prefix from its stored value (STORED_TICKET_PREFIX, a column of the statement that needed it). */
export function ticketPrefixOf(stored: string | null): string {
  if (lastPrefix?.stored !== stored) {
    lastPrefix = { stored, prefix: stored === null ? DEFAULT_SETTINGS.ticketPrefix : (JSON.parse(stored) as string) };
  }
  return lastPrefix.prefix;
}

export async function saveSettings(tx: WriteTx, next: Settings): Promise<Settings> {
  for (const key of Object.keys(DEFAULT_SETTINGS) as SettingKey[]) {
    await tx.upsert(SettingEntity, { key, value: JSON.stringify(next[key]) }, ['key']);
  }
  return loadSettings(tx);
}
