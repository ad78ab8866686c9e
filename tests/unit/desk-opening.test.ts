// The start's wait for the desk, shared by the Electron shell and the web harness.
import { describe, expect, it } from 'vitest';
import type { Dispatch } from '../../src/main/core/dispatch';
import { dispatchWhenOpen, openedWithin } from '../../src/main/shell/desk-opening';

const deskAnswering = (answer: string): { dispatch: Dispatch } => ({
  dispatch: async (channel) => ({ ok: true, data: `${answer}: ${String(channel)}` }),
});

function later<T>(ms: number, value: T): Promise<T> {
  return new Promise((answer) => setTimeout(() => answer(value), ms));
}

describe('the start waits a moment for the desk', () => {
  it('gives the desk that opened within the moment', async () => {
    const desk = deskAnswering('open');
    expect(await openedWithin(later(5, desk), 1000)).toBe(desk);
  });

  it('gives null for a desk still opening after the moment', async () => {
    expect(await openedWithin(later(1000, deskAnswering('late')), 10)).toBeNull();
  });

  it('throws the failure of a desk that failed within the moment', async () => {
    await expect(openedWithin(Promise.reject(new Error('the file is locked')), 1000)).rejects.toThrow('the file is locked');
  });
});

describe('what the window asks for', () => {
  it('goes straight to a desk that is open', async () => {
    const desk = deskAnswering('open');
    expect(dispatchWhenOpen(desk, Promise.resolve(desk))).toBe(desk.dispatch);
  });

  it('waits for a desk still opening, then gets its answer', async () => {
    let opened = false;
    const opening = later(30, deskAnswering('late')).then((desk) => {
      opened = true;
      return desk;
    });
    const dispatch = dispatchWhenOpen(null, opening);
    const answer = dispatch('settings.get', {});
    expect(opened).toBe(false);
    expect(await answer).toEqual({ ok: true, data: 'late: settings.get' });
    expect(opened).toBe(true);
  });

  it('fails as a desk that could not open failed', async () => {
    const opening = later(5, null).then((): { dispatch: Dispatch } => {
      throw new Error('the file is damaged');
    });
    opening.catch(() => undefined); // the shell reports it; here only the request's failure matters
    await expect(dispatchWhenOpen(null, opening)('settings.get', {})).rejects.toThrow('the file is damaged');
  });
});
