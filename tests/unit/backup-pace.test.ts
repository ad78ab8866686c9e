// The online backup's pace: small steps while nothing restarts the copy, and
// steps four times larger after each restart (another connection wrote), so a
// busy counter cannot keep the backup from ever finishing.
import { describe, expect, it } from 'vitest';
import { backupPace } from '../../src/main/core/features/data-safety/backup';

describe('backupPace', () => {
  it('keeps small steps while the copy only moves forward', () => {
    const pace = backupPace();
    expect([900, 800, 700, 600].map((remainingPages) => pace({ totalPages: 1000, remainingPages }))).toEqual([100, 100, 100, 100]);
  });

  it('makes the steps four times larger after each restart, up to one step for the whole file', () => {
    const pace = backupPace();
    expect(pace({ totalPages: 1000, remainingPages: 900 })).toBe(100);
    expect(pace({ totalPages: 1000, remainingPages: 800 })).toBe(100);
    // A write elsewhere: SQLite starts again from the first page.
    expect(pace({ totalPages: 1000, remainingPages: 900 })).toBe(400);
    expect(pace({ totalPages: 1000, remainingPages: 500 })).toBe(400);
    expect(pace({ totalPages: 1000, remainingPages: 600 })).toBe(1600);
    let pages = 1600;
    for (let restart = 0; restart < 20; restart++) {
      pace({ totalPages: 1000, remainingPages: 100 });
      pages = pace({ totalPages: 1000, remainingPages: 999 });
    }
    expect(pages).toBe(0x7fffffff);
  });
});
