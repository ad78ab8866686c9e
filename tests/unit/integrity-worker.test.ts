// The checks that run beside the desk on a worker thread: the full integrity
// check a backup waits on, and the one started with the desk, which a close or
// a restore stops instead of waiting for (minutes on a large shop file).
import { closeSync, mkdtempSync, openSync, rmSync, renameSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import {
  integrityCheckInBackground,
  quickCheckInBackground,
  rowCountsInBackground,
  stoppableIntegrityCheck,
} from '../../src/main/core/features/data-safety/integrity-worker';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A small shop-like file with `rows` rows in one table. */
function fileWith(rows: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'integrity-worker-'));
  dirs.push(dir);
  const file = join(dir, 'shop.sqlite');
  const db = new BetterSqlite3(file);
  db.exec('CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT NOT NULL); CREATE INDEX item_name ON item(name)');
  const insert = db.prepare('INSERT INTO item (name) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < rows; i++) insert.run(`item ${i}`);
  })();
  db.close();
  return file;
}

describe('checks on a worker thread', () => {
  it('checks a sound file and counts its rows', async () => {
    const file = fileWith(500);
    await expect(integrityCheckInBackground(file)).resolves.toBe('ok');
    await expect(rowCountsInBackground(file)).resolves.toEqual({ item: 500 });
    await expect(stoppableIntegrityCheck(file).result).resolves.toBe('ok');
  });

  it("runs the start's quick_check, and says what it found in a damaged file", async () => {
    const file = fileWith(5000);
    await expect(quickCheckInBackground(file)).resolves.toBe('ok');
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, Math.floor(statSync(file).size / 2 / 4096) * 4096);
    closeSync(fd);
    const found = await quickCheckInBackground(file);
    expect(found).not.toBe('ok');
    expect(found.length).toBeGreaterThan(0);
    await expect(quickCheckInBackground(join(tmpdir(), 'no-such-shop-file.sqlite'))).resolves.toMatch(/^check failed: /);
  });

  it('says why a check could not run', async () => {
    await expect(integrityCheckInBackground(join(tmpdir(), 'no-such-shop-file.sqlite'))).resolves.toMatch(/^check failed: /);
  });

  it('stops the check started with the desk at once, leaving it "not checked" and the file free to replace', async () => {
    const file = fileWith(200_000);
    const check = stoppableIntegrityCheck(file);
    await check.stop();
    await expect(check.result).resolves.toBeNull();
    renameSync(file, `${file}.replaced`);
    await expect(integrityCheckInBackground(`${file}.replaced`)).resolves.toBe('ok');
  });
});
