// Handlers of the shop settings and staff channels. Changes are made by a
// signed-in manager (the role table) and written to the audit trail.
import { PRINTABLE_DOCUMENTS, type settingsChannels } from '../../../../shared/contract';
import { acting } from '../../acting';
import { definedFields } from './defined-fields';
import type { FeatureHandlers } from '../../handler-map';
import { requirePreset } from '../printing';
import { changedValues, recordAudit } from '../../record/audit';
import { authoriseStaffChange } from '../staff';
import { loadSettings, saveSettings } from './settings';
import { listStaff, saveStaffAudited } from '../staff';

export const settingsHandlers: FeatureHandlers<typeof settingsChannels> = {
  'settings.get': (_input, { db }) => db.read((tx) => loadSettings(tx)),
  'settings.update': ({ session, ...input }, ctx) => {
    for (const document of PRINTABLE_DOCUMENTS) {
      const chosen = input.printing?.[document];
      if (chosen) requirePreset(document, chosen.preset, `printing.${document}.preset`);
    }
    // A field sent as undefined is a field not sent: it keeps its stored value.
    const given = definedFields(input);
    return acting(ctx, session, null, async ({ tx, actor, settings: current, now }) => {
      // A screen that knows fewer documents (an older one) leaves the others' print settings alone.
      const saved = await saveSettings(tx, { ...current, ...given, printing: { ...current.printing, ...definedFields(given.printing ?? {}) } });
      const change = changedValues<Record<string, unknown>>(current, saved);
      if (change)
        await recordAudit(tx, { kind: 'settings', subjectId: null, oldValue: change.old, newValue: change.new, staffId: actor.id, at: now.toISOString() });
      return saved;
    });
  },
  'staff.list': (input, { db }) => db.read((tx) => listStaff(tx, input.includeInactive)),
  'staff.save': (input, ctx) =>
    acting(ctx, input.session, null, async ({ tx, actor, now }) => {
      await authoriseStaffChange(tx, ctx, input.session, input);
      return saveStaffAudited(tx, actor, input, now.toISOString());
    }),
};
