// This counter's intake draft in the desk's storage. Calls run one after
// another, so a save still on its way cannot land after a discard, and a
// fresh intake reads the draft only once the discard is done.
import type { StoredIntakeDraft } from '../../../shared/intake-draft-contract';
import { invoke } from '../api';
import { emptyDevice, emptyIntake, type IntakeDraft } from './draft';

const COUNTER_KEY = 'repairDesk.counterKey';

/** A key made once per counter PC: each counter keeps its own draft. */
export function counterKey(): string {
  try {
    const stored = window.localStorage.getItem(COUNTER_KEY);
    if (stored && /^[A-Za-z0-9-]{8,64}$/.test(stored)) return stored;
    const made = crypto.randomUUID();
    window.localStorage.setItem(COUNTER_KEY, made);
    return made;
  } catch {
    // No local storage: one key for the session, so the draft still survives screen changes.
    return (fallbackKey ??= crypto.randomUUID());
  }
}
let fallbackKey: string | undefined;

let queue: Promise<unknown> = Promise.resolve();
function inTurn<T>(work: () => Promise<T>): Promise<T> {
  const next = queue.then(work, work);
  queue = next.catch(() => undefined);
  return next;
}

/** What is kept of a draft: everything typed but the passcode, which is sealed only at check-in. */
export function toStored(draft: IntakeDraft): StoredIntakeDraft {
  return {
    customer: draft.customer,
    technicianId: draft.technicianId,
    devices: draft.devices.map(({ key: _key, pin: _pin, pattern: _pattern, ...device }) => device),
  };
}

export function fromStored(stored: StoredIntakeDraft): IntakeDraft {
  return {
    customer: stored.customer,
    technicianId: stored.technicianId,
    devices: stored.devices.map((device) => ({ ...emptyDevice(), ...device })),
  };
}

/** Nothing typed, ticked or chosen yet (the defaults of a new intake do not count). */
export function isBlankDraft(draft: IntakeDraft): boolean {
  return JSON.stringify(toStored(draft)) === JSON.stringify(toStored(emptyIntake()));
}

export async function loadDraft(): Promise<IntakeDraft | null> {
  const result = await inTurn(() => invoke('intakeDraft.get', { counter: counterKey() }));
  return result.ok && result.data ? fromStored(result.data.draft) : null;
}

export function saveDraft(draft: IntakeDraft): Promise<boolean> {
  const counter = counterKey();
  // A draft emptied by hand is no draft: nothing to bring back.
  const work = async () =>
    isBlankDraft(draft) ? (await invoke('intakeDraft.discard', { counter })).ok : (await invoke('intakeDraft.save', { counter, draft: toStored(draft) })).ok;
  return inTurn(work);
}

export function discardDraft(): Promise<boolean> {
  return inTurn(() => invoke('intakeDraft.discard', { counter: counterKey() })).then((result) => result.ok);
}
