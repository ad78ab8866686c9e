// First run: the shop's header (name, address, phone, language) and the first
// manager's PIN, in one step. Until it is done nothing can be checked in: the
// intake form and claim ticket would print with no shop on them.
import type { ReadTx, WriteTx } from '../../storage/transactions';
import type { ChannelParsedInput } from '../../../../shared/contract';
import { DeskError } from '../../../../shared/errors';
import type { SetupStatus } from '../../../../shared/trust-contract';
import { recordAudit } from '../../record/audit';
import { loadSettings, saveSettings } from './settings';
import { countSettingsWithKey, insertSetting } from './queries/settings';
import { insertManager, selectActiveManagers, updateNameAndPin } from './queries/staff';

const SETUP_KEY = 'setup.completedAt';

export async function isSetupDone(tx: ReadTx): Promise<boolean> {
  return (await countSettingsWithKey(tx, SETUP_KEY)) > 0;
}

export async function requireSetupDone(tx: ReadTx): Promise<void> {
  if (!(await isSetupDone(tx))) throw new DeskError('forbidden', [{ path: 'setup', code: 'setup_required' }]);
}

export async function setupStatus(tx: ReadTx): Promise<SetupStatus> {
  const settings = await loadSettings(tx);
  return { done: await isSetupDone(tx), shopName: settings.shopName, language: settings.language };
}

/**
 * Writes the shop's header and names the first manager; returns that manager's
 * id for the PIN (hashed outside the transaction). The first manager is the
 * active manager without a PIN (the seeded one on a fresh desk).
 */
export async function completeSetup(tx: WriteTx, input: ChannelParsedInput<'setup.complete'>, pinHash: string, nowIso: string): Promise<number> {
  if (await isSetupDone(tx)) throw new DeskError('forbidden', [{ path: 'setup', code: 'setup_done' }]);
  const managers = await selectActiveManagers(tx);
  // A manager who already chose a PIN (before setup existed) keeps the shop's keys: setup does not hand them to someone else.
  if (managers.some((m) => m.pin_hash !== null)) throw new DeskError('forbidden', [{ path: 'setup', code: 'setup_done' }]);
  let managerId = managers[0]?.id;
  if (managerId === undefined) {
    managerId = await insertManager(tx, input.managerName, nowIso);
  }
  await updateNameAndPin(tx, managerId, input.managerName, pinHash);
  const before = await loadSettings(tx);
  const after = await saveSettings(tx, {
    ...before,
    shopName: input.shopName,
    shopAddress: input.shopAddress,
    shopPhone: input.shopPhone,
    language: input.language,
  });
  await insertSetting(tx, SETUP_KEY, JSON.stringify(nowIso));
  await recordAudit(tx, {
    kind: 'setup',
    subjectId: managerId,
    oldValue: { shopName: before.shopName, shopAddress: before.shopAddress, shopPhone: before.shopPhone, language: before.language },
    newValue: {
      shopName: after.shopName,
      shopAddress: after.shopAddress,
      shopPhone: after.shopPhone,
      language: after.language,
      managerName: input.managerName,
    },
    staffId: managerId,
    at: nowIso,
  });
  return managerId;
}
