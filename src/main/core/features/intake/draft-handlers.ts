// Handlers of the intake draft channels.
import type { FeatureHandlers } from '../../handler-map';
import type { intakeDraftChannels } from '../../../../shared/intake-draft-contract';
import { discardIntakeDraft, getIntakeDraft, saveIntakeDraft } from './intake-draft';

export const intakeDraftHandlers: FeatureHandlers<typeof intakeDraftChannels> = {
  'intakeDraft.get': (input, { db }) => db.read((tx) => getIntakeDraft(tx, input.counter)),
  'intakeDraft.save': (input, { db, clock }) => db.write((tx) => saveIntakeDraft(tx, input.counter, input.draft, clock.now().toISOString())),
  'intakeDraft.discard': (input, { db }) => db.write((tx) => discardIntakeDraft(tx, input.counter)),
};
