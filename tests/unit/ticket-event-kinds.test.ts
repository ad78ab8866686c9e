// A ticket's history shows each event under its translated kind: the one list
// of kinds the desk writes (the entity's and recordEvent's type) and the words
// the screens have for them must be the same set in both languages.
import { describe, expect, it } from 'vitest';
import { en } from '../../src/shared/i18n/en';
import { zhCN } from '../../src/shared/i18n/zh-CN';
import { PRINTABLE_DOCUMENTS } from '../../src/shared/contract';
import { PRINTED_EVENT_KINDS, TICKET_EVENT_KINDS } from '../../src/shared/ticket-events';

describe('ticket event kinds', () => {
  it('are each named once, and worded in English and Chinese with no wording left over', () => {
    expect(new Set(TICKET_EVENT_KINDS).size).toBe(TICKET_EVENT_KINDS.length);
    for (const messages of [en, zhCN]) {
      const worded = Object.keys(messages.workflow.eventKind).sort();
      expect(worded).toEqual([...TICKET_EVENT_KINDS].sort());
      for (const kind of TICKET_EVENT_KINDS) expect(messages.workflow.eventKind[kind], kind).toMatch(/\S/);
    }
  });

  it('give every printable document its own printed event', () => {
    const printed = PRINTABLE_DOCUMENTS.map((document) => PRINTED_EVENT_KINDS[document]);
    expect(new Set(printed).size).toBe(PRINTABLE_DOCUMENTS.length);
    for (const kind of printed) expect(TICKET_EVENT_KINDS).toContain(kind);
  });
});
