import { describe, expect, it } from 'vitest';
import { TICKET_STATUSES, type TicketStatus } from '../../src/shared/domain';
import { checkMove, findMove, isTerminal, MOVES, movesFrom, OPEN_STATUSES, TERMINAL_STATUSES, type MoveVia } from '../../src/main/core/rules/status-machine';

// The repair status machine of issue 4, written out independently of the
// implementation: every legal move with how it is made and what it needs.
// n: a note is required; m: a manager must make or approve it.
type Spec = { via: MoveVia; n?: true; m?: true };
const M: Spec = { via: 'move' };
const NOTE: Spec = { via: 'move', n: true };
const CANCEL: Spec = { via: 'move', n: true, m: true };
const APPROVAL: Spec = { via: 'approval' };
const COLLECTION: Spec = { via: 'collection' };

const LEGAL: Record<TicketStatus, Partial<Record<TicketStatus, Spec>>> = {
  received: { diagnosing: M, cancelled: CANCEL },
  diagnosing: { awaiting_approval: M, unrepairable: NOTE, cancelled: CANCEL },
  awaiting_approval: { approved: APPROVAL, declined: APPROVAL, diagnosing: NOTE, cancelled: CANCEL },
  approved: { in_repair: M, awaiting_parts: M, at_manufacturer: NOTE, cancelled: CANCEL },
  awaiting_parts: { in_repair: M, at_manufacturer: NOTE, unrepairable: NOTE, cancelled: CANCEL },
  in_repair: { awaiting_parts: M, at_manufacturer: NOTE, testing: M, unrepairable: NOTE },
  at_manufacturer: { back_from_manufacturer: M },
  back_from_manufacturer: { at_manufacturer: NOTE, in_repair: M, testing: M, unrepairable: NOTE },
  testing: { in_repair: NOTE, ready: M },
  ready: { collected: COLLECTION, testing: NOTE },
  declined: { collected: COLLECTION, awaiting_approval: NOTE },
  unrepairable: { collected: COLLECTION },
  collected: {},
  cancelled: {},
};

const ALL_PAIRS = TICKET_STATUSES.flatMap((from) => TICKET_STATUSES.map((to) => [from, to] as const));
const legalPairs = ALL_PAIRS.filter(([from, to]) => LEGAL[from][to] !== undefined);
const illegalPairs = ALL_PAIRS.filter(([from, to]) => LEGAL[from][to] === undefined);

describe('the status machine', () => {
  it('covers every status, and the table above lists exactly its moves', () => {
    expect(Object.keys(LEGAL).sort()).toEqual([...TICKET_STATUSES].sort());
    expect(ALL_PAIRS).toHaveLength(TICKET_STATUSES.length ** 2);
    const actual = MOVES.map((m) => `${m.from}->${m.to}`).sort();
    expect(actual).toEqual(legalPairs.map(([from, to]) => `${from}->${to}`).sort());
    expect(new Set(actual).size).toBe(actual.length);
  });

  it.each(legalPairs)('allows %s -> %s, made the right way', (from, to) => {
    const spec = LEGAL[from][to]!;
    const rule = findMove(from, to);
    expect(rule).toEqual({ from, to, via: spec.via, requiresNote: spec.n ?? false, requiresManager: spec.m ?? false });
    const ok = checkMove({ from, to, via: spec.via, note: 'why', managerApproved: true });
    expect(ok).toEqual({ ok: true, rule });
    // Made through another channel it is refused.
    for (const via of ['move', 'approval', 'collection'] as const) {
      if (via === spec.via) continue;
      expect(checkMove({ from, to, via, note: 'why', managerApproved: true })).toEqual({ ok: false, reason: 'wrong_channel' });
    }
    // Without the note or the manager it needs, it is refused for that reason.
    const bare = checkMove({ from, to, via: spec.via, note: '  ', managerApproved: false });
    if (spec.n) expect(bare).toEqual({ ok: false, reason: 'note_required' });
    else if (spec.m) expect(bare).toEqual({ ok: false, reason: 'manager_required' });
    else expect(bare).toEqual({ ok: true, rule });
    if (spec.m) expect(checkMove({ from, to, via: spec.via, note: 'why', managerApproved: false })).toEqual({ ok: false, reason: 'manager_required' });
  });

  it.each(illegalPairs)('refuses %s -> %s whoever asks and however', (from, to) => {
    expect(findMove(from, to)).toBeNull();
    for (const via of ['move', 'approval', 'collection'] as const) {
      expect(checkMove({ from, to, via, note: 'why', managerApproved: true })).toEqual({ ok: false, reason: 'illegal_move' });
    }
  });

  it('never moves a ticket to the status it is in', () => {
    for (const status of TICKET_STATUSES) expect(findMove(status, status)).toBeNull();
  });

  it('has collected and cancelled as the only ends, with no way out', () => {
    expect([...TERMINAL_STATUSES].sort()).toEqual(['cancelled', 'collected']);
    for (const status of TICKET_STATUSES) {
      expect(isTerminal(status)).toBe(status === 'collected' || status === 'cancelled');
      expect(movesFrom(status).length === 0).toBe(isTerminal(status));
    }
    expect(OPEN_STATUSES).not.toContain('collected');
    expect(OPEN_STATUSES).not.toContain('cancelled');
    expect(OPEN_STATUSES).toHaveLength(TICKET_STATUSES.length - 2);
  });

  it('hands back declined and unrepairable devices only through collection', () => {
    for (const from of ['declined', 'unrepairable', 'ready'] as const) {
      expect(findMove(from, 'collected')?.via).toBe('collection');
    }
    // Nothing but the hand-back ends in collected.
    expect(
      MOVES.filter((m) => m.to === 'collected')
        .map((m) => m.from)
        .sort(),
    ).toEqual(['declined', 'ready', 'unrepairable']);
  });

  it('decides approved and declined only by recording the customer decision', () => {
    expect(
      MOVES.filter((m) => m.via === 'approval')
        .map((m) => `${m.from}->${m.to}`)
        .sort(),
    ).toEqual(['awaiting_approval->approved', 'awaiting_approval->declined']);
  });

  it('lets every status that can be reached be left (apart from the ends) and reaches every status from received', () => {
    const reached = new Set<TicketStatus>(['received']);
    let grew = true;
    while (grew) {
      grew = false;
      for (const m of MOVES) {
        if (reached.has(m.from) && !reached.has(m.to)) {
          reached.add(m.to);
          grew = true;
        }
      }
    }
    expect([...reached].sort()).toEqual([...TICKET_STATUSES].sort());
    // Every open status can still end in collected or cancelled.
    for (const start of OPEN_STATUSES) {
      const seen = new Set<TicketStatus>([start]);
      const queue = [start];
      while (queue.length > 0) {
        for (const m of movesFrom(queue.shift()!)) {
          if (seen.has(m.to)) continue;
          seen.add(m.to);
          queue.push(m.to);
        }
      }
      expect(seen.has('collected') || seen.has('cancelled')).toBe(true);
    }
  });
});
