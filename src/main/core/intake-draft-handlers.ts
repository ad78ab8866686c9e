// Handlers of the intake draft channels (spread into handlers.ts).
import type { Handlers } from './handlers';
import { discardIntakeDraft, getIntakeDraft, saveIntakeDraft } from './services/intake-draft';

type DraftChannel = 'intakeDraft.get' | 'intakeDraft.save' | 'intakeDraft.discard';

export const intakeDraftHandlers: Pick<Handlers, DraftChannel> = {
  'intakeDraft.get': (input, { db }) => db.read((tx) => getIntakeDraft(tx, input.counter)),
  'intakeDraft.save': (input, { db, clock }) => db.write((tx) => saveIntakeDraft(tx, input.counter, input.draft, clock.now().toISOString())),
  'intakeDraft.discard': (input, { db }) => db.write((tx) => discardIntakeDraft(tx, input.counter)),
};
