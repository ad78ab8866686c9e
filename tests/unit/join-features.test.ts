// The contract and the handlers are joined from per-feature maps: a channel
// defined by two features must stop the desk, never let one silently win.
import { describe, expect, it } from 'vitest';
import { CHANNELS, collectionChannels, contract } from '../../src/shared/contract';
import { joinFeatures } from '../../src/shared/join-features';
import { handlers } from '../../src/main/core/handlers';

describe('joining features', () => {
  it('keeps every entry of maps that do not overlap', () => {
    const joined = joinFeatures({ 'a.one': 1 }, { 'b.two': 2, 'b.three': 3 });
    expect(joined).toEqual({ 'a.one': 1, 'b.two': 2, 'b.three': 3 });
  });

  it('refuses a channel that two features define, naming it', () => {
    expect(() => joinFeatures({ 'tickets.get': 1 }, { 'tickets.search': 2 }, { 'tickets.get': 3 })).toThrow(/tickets\.get.*two features/);
  });

  it('refuses a feature that takes over a real channel of another', () => {
    expect(() => joinFeatures(contract, { 'collection.pay': collectionChannels['collection.pay'] })).toThrow(/collection\.pay/);
  });

  it('gives every contract channel exactly one handler and no handler without a channel', () => {
    expect(Object.keys(handlers).sort()).toEqual([...CHANNELS].sort());
    for (const channel of CHANNELS) expect(typeof handlers[channel]).toBe('function');
  });
});
