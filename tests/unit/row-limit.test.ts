// The counter's lookups write their row limit into the statement: a bound LIMIT
// makes SQLite prepare the statement again at every call.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_ROW_LIMIT, limitedText, rowLimit } from '../../src/main/core/storage/row-limit';

describe('rowLimit', () => {
  it('writes a whole number from 1 to the maximum', () => {
    expect(rowLimit(1)).toBe('LIMIT 1');
    expect(rowLimit(20)).toBe('LIMIT 20');
    expect(rowLimit(MAX_ROW_LIMIT)).toBe(`LIMIT ${MAX_ROW_LIMIT}`);
  });

  it('refuses anything else rather than write it into SQL', () => {
    for (const bad of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, MAX_ROW_LIMIT + 1, '5; DROP TABLE ticket' as unknown as number]) {
      expect(() => rowLimit(bad)).toThrow(RangeError);
    }
  });

  it('gives the same text object for the same limit, so a prepared-statement cache hits', () => {
    const text = limitedText<string>('SELECT id FROM ticket ORDER BY id DESC');
    expect(text(20)).toBe('SELECT id FROM ticket ORDER BY id DESC LIMIT 20');
    expect(text(20)).toBe(text(20));
    expect(text(8)).toBe('SELECT id FROM ticket ORDER BY id DESC LIMIT 8');
  });
});

describe('the lookups at the counter', () => {
  it('bind no LIMIT in the search and archive statements', () => {
    const folders = ['src/main/core/features/tickets/queries', 'src/main/core/features/customers/queries', 'src/main/core/storage/engine'];
    const bound: string[] = [];
    for (const folder of folders) {
      for (const file of readdirSync(folder).filter((name) => name.endsWith('.ts'))) {
        if (/LIMIT \?/.test(readFileSync(join(folder, file), 'utf8'))) bound.push(join(folder, file));
      }
    }
    expect(bound).toEqual([]);
  });
});
