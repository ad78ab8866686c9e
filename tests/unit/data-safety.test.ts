// Backups, restore, damage at start, the key file and the full export, on real
// SQLite files in temporary folders.
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DATABASE_FILE, SECRET_KEY_FILE } from '../../src/main/core/desk';
import { backupsToKeep } from '../../src/main/core/features/data-safety/retention';
import { listBackups } from '../../src/main/core/features/data-safety/backup';
import { CLEAN_CLOSE_FILE, noteCleanClose, takeCleanClose } from '../../src/main/core/features/data-safety/clean-close';
import { IDENTITY_FILE } from '../../src/main/core/features/data-safety/identity';
import { openRaw } from '../../src/main/core/features/data-safety/data-file';
import { exportDatabase } from '../../src/main/core/features/data-safety/export';
import { createDirectoryBackend } from '../../src/main/core/features/printing/spooler';
import { fixedClock, openTestDesk, sampleIntake, TEST_SHOP, type TestDesk } from '../support/desk';
import { PINS, setUpCrew } from '../support/workflow';
import { displayTicketNumber } from '../../src/shared/ticket-number';
import { firstItem, onlyItem, lastItem, itemAt, entryOf } from '../support/lists';
import { parseCsv } from '../support/csv';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'repair-desk-safety-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function open(dir: string, options: { automaticBackups?: boolean; at?: string } = {}): Promise<TestDesk> {
  const desk = await openTestDesk({ dir, clock: fixedClock(options.at ?? '2026-12-01T02:00:00Z'), automaticBackups: options.automaticBackups });
  let closed = false;
  const close = desk.close;
  desk.close = async () => {
    if (closed) return;
    closed = true;
    await close();
  };
  cleanups.push(() => desk.close());
  return desk;
}

async function ticketCount(desk: TestDesk): Promise<number> {
  const rows: { n: number }[] = await desk.context.db.dataSource.query('SELECT COUNT(*) AS n FROM ticket');
  return onlyItem(rows).n;
}

describe('backups', () => {
  it('are taken at start and at close, verified, with the key and a manifest of what they hold', async () => {
    const dir = tempDir();
    const desk = await open(dir, { automaticBackups: true });
    const crew = await setUpCrew(desk);
    await desk.call('intake.checkIn', sampleIntake({ device: { passcode: { kind: 'pin', value: '0000' } } }));
    await desk.call('intake.checkIn', sampleIntake());
    const status = await desk.call('backups.run', { session: crew.manager.session });
    expect(status.lastAttempt).toMatchObject({ ok: true, reason: 'manual' });
    expect(status.lastGood).toMatchObject({ tickets: 2, reason: 'manual' });
    expect(status.lastGood!.displayLastTicket).toMatch(/^RD-\d{6}-0002$/);
    expect(status.warnings).toEqual([]);
    await desk.close();

    // All three fall on one day: retention keeps that day's newest.
    const backups = listBackups(dir);
    expect(backups).toHaveLength(1);
    const newest = onlyItem(backups);
    expect(newest.reason).toBe('close');
    expect(newest.tickets).toBe(2);
    expect(readFileSync(join(newest.folder, SECRET_KEY_FILE), 'utf8')).toBe(readFileSync(join(dir, SECRET_KEY_FILE), 'utf8'));
    const copy = openRaw(newest.file, { readonly: true });
    expect(copy.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
    expect(copy.prepare('SELECT COUNT(*) FROM ticket').pluck().get()).toBe(2);
    copy.close();

    const reopened = await open(dir);
    const history: { reason: string; ok: number }[] = await reopened.context.db.dataSource.query('SELECT reason, ok FROM backup_run ORDER BY id');
    expect(history.map((h) => h.reason)).toEqual(['start', 'manual', 'close']);
    expect(history.every((h) => h.ok === 1)).toBe(true);
  });

  it('are for a manager only, and say when the chosen folder is missing or the last one is old', async () => {
    const dir = tempDir();
    const clock = fixedClock('2026-12-01T02:00:00Z');
    const desk = await openTestDesk({ dir, clock });
    cleanups.push(() => desk.dispose());
    const crew = await setUpCrew(desk);
    expect((await desk.fail('backups.status', { session: crew.clerk.session })).fields).toEqual([{ path: 'session', code: 'manager_required' }]);
    expect((await desk.call('backups.status', { session: crew.manager.session })).warnings).toEqual(['never']);
    await desk.call('backups.run', { session: crew.manager.session });
    clock.set('2026-12-02T03:00:00Z');
    const { token } = await desk.call('auth.signIn', { staffId: 1, pin: PINS.manager });
    expect((await desk.call('backups.status', { session: token })).warnings).toEqual(['stale']);

    const usb = join(tempDir(), 'usb');
    expect((await desk.fail('backups.configure', { session: token, folder: 'relative/path', intervalHours: 4 })).fields).toEqual([
      { path: 'folder', code: 'invalid' },
    ]);
    mkdirSync(usb);
    expect(await desk.call('backups.configure', { session: token, folder: usb, intervalHours: 2 })).toMatchObject({ folder: usb, effectiveFolder: usb });
    rmSync(usb, { recursive: true }); // the USB stick is unplugged
    const configured = await desk.call('backups.status', { session: token });
    expect(configured).toMatchObject({ folder: usb, effectiveFolder: dir, intervalHours: 2 });
    expect(configured.warnings).toContain('destination_missing');
    // the interval still changes while the chosen folder is away
    expect(await desk.call('backups.configure', { session: token, folder: usb, intervalHours: 3 })).toMatchObject({ folder: usb, intervalHours: 3 });
  });

  it('go only to a folder that exists, can be written and is outside the data folder', async () => {
    const dir = tempDir();
    const desk = await open(dir);
    const crew = await setUpCrew(desk);
    const session = crew.manager.session;
    const refusal = async (folder: string) => (await desk.fail('backups.configure', { session, folder, intervalHours: 4 })).fields;
    const elsewhere = tempDir();
    expect(await refusal(join(elsewhere, 'not-there'))).toEqual([{ path: 'folder', code: 'not_found' }]);
    const file = join(elsewhere, 'a-file.txt');
    writeFileSync(file, 'x');
    expect(await refusal(file)).toEqual([{ path: 'folder', code: 'not_a_folder' }]);
    expect(await refusal(dir)).toEqual([{ path: 'folder', code: 'folder_inside_data' }]);
    mkdirSync(join(dir, 'backups-here'));
    expect(await refusal(join(dir, 'backups-here'))).toEqual([{ path: 'folder', code: 'folder_inside_data' }]);
    expect(await refusal(join(dir, 'backups-here', '..', 'backups-here'))).toEqual([{ path: 'folder', code: 'folder_inside_data' }]);
    // No file can be made in it: a read-only folder, or (the superuser writes anywhere else) the kernel's /proc.
    const readOnly = join(elsewhere, 'read-only');
    mkdirSync(readOnly, { mode: 0o555 });
    expect(await refusal(process.getuid?.() === 0 ? '/proc' : readOnly)).toEqual([{ path: 'folder', code: 'folder_not_writable' }]);
    expect(readdirSync(elsewhere).sort()).toEqual(['a-file.txt', 'read-only']);

    const usb = join(elsewhere, 'usb');
    mkdirSync(usb);
    const saved = await desk.call('backups.configure', { session, folder: usb, intervalHours: 4 });
    expect(saved).toMatchObject({ folder: usb, effectiveFolder: usb, warnings: ['never'] });
    expect(readdirSync(usb)).toEqual([]); // the write test leaves nothing behind
    expect((await desk.call('backups.run', { session })).lastGood?.file.startsWith(usb)).toBe(true);
  });

  it('keep the newest of each of 7 days, 4 weeks and 12 months', () => {
    const hourly = Array.from({ length: 24 * 400 }, (_, i) => ({ id: String(i), takenAt: new Date(2026, 0, 1, i) }));
    const kept = [...backupsToKeep(hourly)].map(Number).sort((a, b) => b - a);
    const dates = kept.map((i) => itemAt(hourly, i).takenAt);
    // newest first: 7 days, then one per week back to 4 weeks, then month ends back to 12 months
    expect(kept[0]).toBe(hourly.length - 1);
    expect(new Set(dates.map((d) => d.toDateString())).size).toBe(kept.length);
    expect(kept.length).toBeGreaterThanOrEqual(12);
    expect(kept.length).toBeLessThanOrEqual(7 + 4 + 12);
    const oldest = lastItem(dates);
    const newest = firstItem(dates);
    expect((newest.getTime() - oldest.getTime()) / 86_400_000).toBeGreaterThan(300);
    expect(backupsToKeep([])).toEqual(new Set());
  });
});

describe('restore', () => {
  it('round-trips: what the backup holds is shown, the current file is kept aside, and the desk holds the backup again', async () => {
    const dir = tempDir();
    const desk = await open(dir);
    const crew = await setUpCrew(desk);
    await desk.call('intake.checkIn', sampleIntake());
    await desk.call('intake.checkIn', sampleIntake({ device: { passcode: { kind: 'pin', value: '2468' } } }));
    const status = await desk.call('backups.run', { session: crew.manager.session });
    const backup = status.lastGood!;
    await desk.call('intake.checkIn', sampleIntake());
    expect(await ticketCount(desk)).toBe(3);

    const holds = await desk.call('backups.inspect', { session: crew.manager.session, path: backup.file });
    expect(holds).toMatchObject({ tickets: 2, lastTicketNumber: backup.lastTicketNumber, managers: [{ id: 1 }] });
    expect((await desk.fail('backups.restore', { session: crew.clerk.session, path: backup.file })).fields).toEqual([
      { path: 'session', code: 'manager_required' },
    ]);
    const restored = await desk.call('backups.restore', { session: crew.manager.session, path: backup.file });
    expect(await ticketCount(desk)).toBe(2);
    // the file as it was before the restore is kept, whole
    const aside = openRaw(join(restored.keptAside, DATABASE_FILE), { readonly: true });
    expect(aside.prepare('SELECT COUNT(*) FROM ticket').pluck().get()).toBe(3);
    aside.close();
    // everyone signs in again; the sealed passcode still opens with the restored key
    expect((await desk.fail('backups.status', { session: crew.manager.session })).fields).toEqual([{ path: 'session', code: 'signed_out' }]);
    const again = await desk.call('auth.signIn', { staffId: 1, pin: PINS.manager });
    const sealed: { id: number }[] = await desk.context.db.dataSource.query('SELECT id FROM ticket WHERE passcode_sealed IS NOT NULL');
    const row = firstItem(sealed);
    expect(await desk.call('tickets.revealPasscode', { ticketId: row.id, session: again.token })).toEqual({ kind: 'pin', value: '2468' });
  });

  it('after an older backup, the next number comes after every number already handed out', async () => {
    const dir = tempDir();
    const desk = await open(dir);
    const crew = await setUpCrew(desk);
    await desk.call('intake.checkIn', sampleIntake());
    const backup = (await desk.call('backups.run', { session: crew.manager.session })).lastGood!;
    const printed: number[] = [];
    for (let i = 0; i < 3; i++) printed.push(...(await desk.call('intake.checkIn', sampleIntake())).tickets.map((t) => t.number));
    await desk.call('backups.restore', { session: crew.manager.session, path: backup.file });
    expect(await ticketCount(desk)).toBe(1);
    const manager = await desk.call('auth.signIn', { staffId: 1, pin: PINS.manager });
    const next = await desk.call('intake.checkIn', { ...sampleIntake(), session: manager.token });
    expect(firstItem(next.tickets).number).toBe(Math.max(...printed) + 1);

    // Still so after the desk is closed and opened again on the restored file (no recovery: it is this shop's file).
    await desk.close();
    const reopened = await open(dir);
    expect((await reopened.call('recovery.status', {})).problem).toBeNull();
    const after = await reopened.call('intake.checkIn', sampleIntake());
    expect(firstItem(after.tickets).number).toBe(firstItem(next.tickets).number + 1);
  });

  it('from the recovery screen, an older backup also keeps numbering past the remembered last number', async () => {
    const dir = tempDir();
    const desk = await open(dir);
    const crew = await setUpCrew(desk);
    await desk.call('intake.checkIn', sampleIntake());
    const backup = (await desk.call('backups.run', { session: crew.manager.session })).lastGood!;
    let last = 0;
    for (let i = 0; i < 4; i++) last = firstItem((await desk.call('intake.checkIn', sampleIntake())).tickets).number;
    await desk.close();
    truncateSync(join(dir, DATABASE_FILE), 0);
    rmSync(join(dir, `${DATABASE_FILE}-wal`), { force: true });

    const recovering = await open(dir);
    expect((await recovering.call('recovery.status', {})).problem?.kind).toBe('missing');
    await recovering.call('recovery.restore', { path: backup.file, managerApproval: { staffId: 1, pin: PINS.manager } });
    const manager = await recovering.call('auth.signIn', { staffId: 1, pin: PINS.manager });
    const next = await recovering.call('intake.checkIn', { ...sampleIntake(), session: manager.token });
    expect(firstItem(next.tickets).number).toBe(last + 1);
    const numbers: { number: number }[] = await recovering.context.db.dataSource.query('SELECT number FROM ticket ORDER BY number');
    expect(numbers.map((r) => r.number)).toEqual([backup.lastTicketNumber, last + 1]);
  });

  it('refuses a file that is not a sound backup and changes nothing', async () => {
    const dir = tempDir();
    const desk = await open(dir);
    const crew = await setUpCrew(desk);
    const junk = join(tempDir(), 'junk.sqlite');
    writeFileSync(junk, 'not a database at all'.repeat(500));
    expect((await desk.fail('backups.inspect', { session: crew.manager.session, path: junk })).fields).toEqual([{ path: 'path', code: 'invalid' }]);
    expect((await desk.fail('backups.restore', { session: crew.manager.session, path: join(dir, 'nope.sqlite') })).fields).toEqual([
      { path: 'path', code: 'not_found' },
    ]);
    expect(existsSync(join(dir, 'kept-aside'))).toBe(false);
  });
});

describe('a start after a clean close', () => {
  const noteOf = (dir: string) => join(dir, CLEAN_CLOSE_FILE);
  const writeGarbageInto = (file: string) => {
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, Math.floor(statSync(file).size / 2 / 4096) * 4096);
    closeSync(fd);
  };

  it('skips the quick check on the very file the verified close backup saw, once; a later write brings the check back', async () => {
    const dir = tempDir();
    const first = await open(dir, { automaticBackups: true });
    const crew = await setUpCrew(first);
    const checkedIn = await first.call('intake.checkIn', sampleIntake());
    expect(first.context.safety.startCheck).toBe('quick_check');
    await first.close();
    expect(existsSync(noteOf(dir))).toBe(true);

    const second = await open(dir, { automaticBackups: true });
    expect(second.context.safety.startCheck).toBe('closed_clean');
    // Taken at start: a crash now leaves no note, and the next start checks again.
    expect(existsSync(noteOf(dir))).toBe(false);
    const manager = await second.call('auth.signIn', { staffId: crew.manager.id, pin: PINS.manager });
    const next = await second.call('intake.checkIn', { ...sampleIntake(), session: manager.token });
    expect(firstItem(next.tickets).number).toBe(firstItem(checkedIn.tickets).number + 1);
    await second.close();
    expect(existsSync(noteOf(dir))).toBe(true);

    writeGarbageInto(join(dir, DATABASE_FILE));
    const third = await open(dir, { automaticBackups: true });
    expect(third.context.safety.startCheck).toBe('quick_check');
    expect((await third.call('recovery.status', {})).problem?.kind).toBe('damaged');
  });

  it('leaves no note without a verified close backup, and trusts none for a file put back in its place', async () => {
    const dir = tempDir();
    const unbacked = await open(dir);
    await setUpCrew(unbacked);
    await unbacked.close();
    expect(existsSync(noteOf(dir))).toBe(false);
    expect((await open(dir)).context.safety.startCheck).toBe('quick_check');

    const other = tempDir();
    const desk = await open(other, { automaticBackups: true });
    await setUpCrew(desk);
    await desk.close();
    // The same bytes, but another file (a copy put back): not the file the close backup saw.
    const file = join(other, DATABASE_FILE);
    copyFileSync(file, `${file}.copy`);
    renameSync(`${file}.copy`, file);
    expect((await open(other)).context.safety.startCheck).toBe('quick_check');
  });

  it('trusts no note while a write-ahead log with content lies beside the file', () => {
    const dir = tempDir();
    const files = { dataDir: dir, databaseFile: join(dir, DATABASE_FILE), keyFile: join(dir, SECRET_KEY_FILE) };
    writeFileSync(files.databaseFile, 'a closed file');
    writeFileSync(`${files.databaseFile}-wal`, 'frames not yet in the file');
    expect(noteCleanClose(files, new Date())).toBe(false);
    rmSync(`${files.databaseFile}-wal`);
    expect(noteCleanClose(files, new Date())).toBe(true);
    writeFileSync(`${files.databaseFile}-wal`, 'frames written after the close');
    expect(takeCleanClose(files)).toBe(false);
    expect(existsSync(noteOf(dir))).toBe(false);
    rmSync(`${files.databaseFile}-wal`);
    expect(noteCleanClose(files, new Date())).toBe(true);
    expect(takeCleanClose(files)).toBe(true);
    expect(takeCleanClose(files)).toBe(false);
  });
});

describe('damage at start', () => {
  async function shopWithBackup(): Promise<{ dir: string; lastTicket: number }> {
    const dir = tempDir();
    const desk = await open(dir);
    const crew = await setUpCrew(desk);
    const result = await desk.call('intake.checkIn', sampleIntake());
    await desk.call('backups.run', { session: crew.manager.session });
    await desk.close();
    return { dir, lastTicket: firstItem(result.tickets).number };
  }

  it('an emptied file opens the recovery screen, never a new shop, and the newest backup brings it back', async () => {
    const { dir, lastTicket } = await shopWithBackup();
    truncateSync(join(dir, DATABASE_FILE), 0);
    rmSync(join(dir, `${DATABASE_FILE}-wal`), { force: true });
    const desk = await open(dir);
    const status = await desk.call('recovery.status', {});
    expect(status.problem).toMatchObject({ kind: 'missing', lastTicketNumber: displayTicketNumber(lastTicket, 'RD') });
    expect(status.newest).toMatchObject({ tickets: 1, managers: [{ id: 1 }] });
    expect((await desk.fail('intake.checkIn', sampleIntake())).code).toBe('recovery_needed');
    expect((await desk.fail('settings.get', {})).code).toBe('recovery_needed');
    // nothing was written to the emptied file
    expect(statSync(join(dir, DATABASE_FILE)).size).toBe(0);

    expect((await desk.fail('recovery.restore', { path: status.newest!.file })).fields).toEqual([{ path: 'managerApproval', code: 'manager_required' }]);
    expect((await desk.fail('recovery.restore', { path: status.newest!.file, managerApproval: { staffId: 1, pin: '0000' } })).fields).toEqual([
      { path: 'managerApproval.pin', code: 'pin_wrong' },
    ]);
    await desk.call('recovery.restore', { path: status.newest!.file, managerApproval: { staffId: 1, pin: PINS.manager } });
    expect((await desk.call('recovery.status', {})).problem).toBeNull();
    expect(await ticketCount(desk)).toBe(1);
    // The desk opened in recovery had nobody signed in; the restored manager signs in to go on.
    const manager = await desk.call('auth.signIn', { staffId: 1, pin: PINS.manager });
    const next = await desk.call('intake.checkIn', { ...sampleIntake(), session: manager.token });
    expect(firstItem(next.tickets).number).toBe(lastTicket + 1);
  });

  it('a file with garbage written into it is found damaged by quick_check', async () => {
    const { dir } = await shopWithBackup();
    const file = join(dir, DATABASE_FILE);
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, Math.floor(statSync(file).size / 2 / 4096) * 4096);
    closeSync(fd);
    const desk = await open(dir);
    const status = await desk.call('recovery.status', {});
    expect(status.problem?.kind).toBe('damaged');
    expect((await desk.fail('tickets.search', { query: '1' })).code).toBe('recovery_needed');
  });

  it('a file of another shop is not taken for this one', async () => {
    const { dir } = await shopWithBackup();
    const other = tempDir();
    const stranger = await open(other);
    await stranger.call('intake.checkIn', sampleIntake());
    await stranger.call('intake.checkIn', sampleIntake());
    await stranger.close();
    writeFileSync(join(dir, DATABASE_FILE), readFileSync(join(other, DATABASE_FILE)));
    const desk = await open(dir);
    expect((await desk.call('recovery.status', {})).problem?.kind).toBe('replaced');
  });
});

describe('what the start reads', () => {
  it('counts no table and no sealed passcode while the key is whole (a shop with years of history would wait for it)', async () => {
    const dir = tempDir();
    const desk = await open(dir, { automaticBackups: false });
    await desk.call('intake.checkIn', sampleIntake({ device: { passcode: { kind: 'pin', value: '1234' } } }));
    await desk.close();
    // Every statement this thread prepares while the desk starts (the full integrity_check runs on a worker of its own).
    const statements: string[] = [];
    const originalPrepare = BetterSqlite3.prototype.prepare;
    const prepare = vi.spyOn(BetterSqlite3.prototype, 'prepare').mockImplementation(function (this: BetterSqlite3.Database, source: string) {
      statements.push(source.replace(/\s+/g, ' '));
      return originalPrepare.call(this, source);
    });
    try {
      const again = await open(dir, { automaticBackups: false });
      expect((await again.call('recovery.status', {})).problem).toBeNull();
    } finally {
      prepare.mockRestore();
    }
    expect(statements.some((sql) => /MAX\(number\)/.test(sql))).toBe(true);
    // No whole table is counted but the tickets for the identity note (through the ticket number index).
    const wholeTableCounts = statements.filter((sql) => /COUNT\(\*\)/i.test(sql) && !/\bWHERE\b/i.test(sql));
    expect(wholeTableCounts).toEqual(['SELECT COUNT(*) AS tickets, MAX(number) AS last FROM ticket']);
    expect(statements.filter((sql) => sql.includes('passcode_sealed IS NOT NULL'))).toEqual([]);
  });
});

describe("the start's check of a file not closed cleanly", () => {
  it('runs quick_check on a worker thread, so the process is free to show its window meanwhile', async () => {
    const dir = tempDir();
    const desk = await open(dir, { automaticBackups: false });
    await desk.call('intake.checkIn', sampleIntake());
    await desk.close();
    // No verified close backup was taken: the next start checks the file. Every statement this thread prepares:
    const statements: string[] = [];
    const originalPrepare = BetterSqlite3.prototype.prepare;
    const prepare = vi.spyOn(BetterSqlite3.prototype, 'prepare').mockImplementation(function (this: BetterSqlite3.Database, source: string) {
      statements.push(source);
      return originalPrepare.call(this, source);
    });
    try {
      const again = await open(dir, { automaticBackups: false });
      expect(again.context.safety.startCheck).toBe('quick_check');
      expect((await again.call('recovery.status', {})).problem).toBeNull();
    } finally {
      prepare.mockRestore();
    }
    expect(statements.some((sql) => /MAX\(number\)/.test(sql))).toBe(true);
    expect(statements.filter((sql) => /quick_check/i.test(sql))).toEqual([]);
  });

  it('finds a damaged file damaged, with what quick_check said', async () => {
    const dir = tempDir();
    const desk = await open(dir, { automaticBackups: false });
    for (let i = 0; i < 3; i++) await desk.call('intake.checkIn', sampleIntake());
    await desk.close();
    const file = join(dir, DATABASE_FILE);
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, Math.floor(statSync(file).size / 2 / 4096) * 4096);
    closeSync(fd);
    const damaged = await open(dir, { automaticBackups: false });
    const { problem } = await damaged.call('recovery.status', {});
    expect(problem?.kind).toBe('damaged');
    expect(damaged.context.safety.problem?.detail).toMatch(/^quick_check: /);
    expect(damaged.context.safety.problem?.detail).not.toBe('quick_check: ok');
  });
});

describe('starting empty when there is no backup at all', () => {
  async function shopWithoutBackup(): Promise<{ dir: string; last: number }> {
    const dir = tempDir();
    const desk = await open(dir);
    let last = 0;
    for (let i = 0; i < 3; i++) last = firstItem((await desk.call('intake.checkIn', sampleIntake())).tickets).number;
    await desk.close();
    return { dir, last };
  }

  it('is offered for a missing file, keeps it aside with a note, and numbers go on after the last one', async () => {
    const { dir, last } = await shopWithoutBackup();
    truncateSync(join(dir, DATABASE_FILE), 0);
    const desk = await open(dir);
    const status = await desk.call('recovery.status', {});
    expect(status).toMatchObject({ problem: { kind: 'missing' }, newest: null, canStartEmpty: true });
    // only as an explicit decision
    expect((await desk.fail('recovery.startEmpty', { confirm: false } as never)).fields).toEqual([{ path: 'confirm', code: 'consent_required' }]);
    expect(statSync(join(dir, DATABASE_FILE)).size).toBe(0);

    const started = await desk.call('recovery.startEmpty', { confirm: true });
    expect(started.ticketFloor).toBe(displayTicketNumber(last, 'RD'));
    expect(readdirSync(started.keptAside).sort()).toEqual(expect.arrayContaining([DATABASE_FILE, 'started-empty.json']));
    expect(statSync(join(started.keptAside, DATABASE_FILE)).size).toBe(0);
    const note = JSON.parse(readFileSync(join(started.keptAside, 'started-empty.json'), 'utf8'));
    expect(note).toMatchObject({ problem: { kind: 'missing' }, ticketFloor: last });
    expect((await desk.call('recovery.status', {})).problem).toBeNull();
    expect(await ticketCount(desk)).toBe(0);
    expect((await desk.call('setup.status', {})).done).toBe(false);
    await desk.close();

    // The same desk opened again is a shop to set up, not a recovery; its first ticket follows the last one handed out.
    const again = await open(dir);
    expect((await again.call('recovery.status', {})).problem).toBeNull();
    const first = await again.call('intake.checkIn', sampleIntake());
    expect(firstItem(first.tickets).number).toBe(last + 1);
  });

  it('is offered for a damaged file too, and refused while any backup exists or on a healthy desk', async () => {
    const { dir } = await shopWithoutBackup();
    const file = join(dir, DATABASE_FILE);
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, Math.floor(statSync(file).size / 2 / 4096) * 4096);
    closeSync(fd);
    const damaged = await open(dir);
    expect(await damaged.call('recovery.status', {})).toMatchObject({ problem: { kind: 'damaged' }, canStartEmpty: true });
    await damaged.close();

    // a backup somewhere: restore it, never start empty
    const backed = tempDir();
    const desk = await open(backed);
    const crew = await setUpCrew(desk);
    await desk.call('intake.checkIn', sampleIntake());
    await desk.call('backups.run', { session: crew.manager.session });
    await desk.close();
    truncateSync(join(backed, DATABASE_FILE), 0);
    const withBackup = await open(backed);
    expect(await withBackup.call('recovery.status', {})).toMatchObject({ problem: { kind: 'missing' }, canStartEmpty: false });
    expect((await withBackup.fail('recovery.startEmpty', { confirm: true })).fields).toEqual([{ path: 'confirm', code: 'backup_exists' }]);
    expect(existsSync(join(backed, 'kept-aside'))).toBe(false);

    // a healthy desk has nothing to start over
    const healthy = await open(tempDir());
    expect((await healthy.fail('recovery.startEmpty', { confirm: true })).code).toBe('forbidden');
  });
});

describe('the key file', () => {
  it('is recreated when empty and nothing was ever sealed', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, SECRET_KEY_FILE), '');
    const desk = await open(dir);
    expect(readFileSync(join(dir, SECRET_KEY_FILE), 'utf8').trim()).toHaveLength(44);
    expect((await desk.call('recovery.status', {})).problem).toBeNull();
    expect(readdirSync(dir).filter((name) => name.includes('.tmp'))).toEqual([]);
  });

  it('missing while passcodes are sealed: recovery, never a silent new key', async () => {
    const dir = tempDir();
    const desk = await open(dir);
    await desk.call('intake.checkIn', sampleIntake({ device: { passcode: { kind: 'pin', value: '1234' } } }));
    await desk.close();
    writeFileSync(join(dir, SECRET_KEY_FILE), '');
    const again = await open(dir);
    expect((await again.call('recovery.status', {})).problem?.kind).toBe('key_missing');
    expect(readFileSync(join(dir, SECRET_KEY_FILE), 'utf8')).toBe('');
  });

  it('a passcode sealed under another key is named as such', async () => {
    const dir = tempDir();
    const desk = await open(dir);
    const crew = await setUpCrew(desk);
    const { tickets } = await desk.call('intake.checkIn', sampleIntake({ device: { passcode: { kind: 'pin', value: '1234' } } }));
    await desk.close();
    writeFileSync(join(dir, SECRET_KEY_FILE), Buffer.alloc(32, 7).toString('base64'));
    const again = await open(dir);
    void crew;
    const session = await again.call('auth.signIn', { staffId: 1, pin: PINS.manager });
    const error = await again.fail('tickets.revealPasscode', { ticketId: firstItem(tickets).id, session: session.token });
    expect(error.code).toBe('wrong_key');
    expect(error.message).toMatch(/secret\.key/);
  });
});

describe('storage errors', () => {
  it('a database held by another counter past the busy timeout is "busy", and nothing is saved', async () => {
    const dir = tempDir();
    const desk = await open(dir);
    await desk.call('intake.checkIn', sampleIntake());
    const other = openRaw(join(dir, DATABASE_FILE));
    other.pragma('busy_timeout = 0');
    other.exec('BEGIN IMMEDIATE');
    try {
      const error = await desk.fail('intake.checkIn', sampleIntake());
      expect(error.code).toBe('busy');
      expect(error.message).toMatch(/try again/i);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(await ticketCount(desk)).toBe(1);
  }, 30_000);
});

describe('bad input that used to end in "internal"', () => {
  it('is refused with field errors, or handled', async () => {
    const desk = await open(tempDir());
    const crew = await setUpCrew(desk);
    expect((await desk.fail('warranty.assess', { purchaseDate: '9999-12-31', proofOfPurchase: true })).fields).toEqual([
      { path: 'purchaseDate', code: 'date_invalid' },
    ]);
    expect((await desk.fail('collection.drawer', { date: '9999-12-31' })).fields).toEqual([{ path: 'date', code: 'date_invalid' }]);
    expect((await desk.fail('intake.checkIn', sampleIntake({ customer: { name: '\u0000Wang' } }))).fields).toEqual([
      { path: 'customer.name', code: 'invalid' },
    ]);
    expect((await desk.fail('loaners.save', { session: crew.manager.session, name: '\u0000Loaner' })).fields).toEqual([{ path: 'name', code: 'invalid' }]);
    expect((await desk.fail('parts.save', { session: crew.manager.session, name: '\u0000Part', costMinor: 1, priceMinor: 2 })).fields).toEqual([
      { path: 'name', code: 'invalid' },
    ]);
    const saved = await desk.call('settings.update', { shopName: undefined, shopPhone: '0755-1234' });
    expect(saved.shopPhone).toBe('0755-1234');
    expect(saved.shopName).toBe(TEST_SHOP.shopName);
    expect(await ticketCount(desk)).toBe(0);
  });

  it('printers called constructor, toString or __proto__ print like any other', async () => {
    const dir = tempDir();
    const printers = ['constructor', 'toString', '__proto__'];
    const desk = await openTestDesk({ dir, printBackend: createDirectoryBackend({ dir: join(dir, 'printed'), printers }) });
    cleanups.push(() => desk.close());
    const { tickets } = await desk.call('intake.checkIn', sampleIntake());
    for (const printer of printers) {
      await desk.call('settings.update', { printing: { 'claim-ticket': { enabled: true, printer, preset: 'roll-80', copies: 1 } } });
      const result = firstItem(await desk.call('printing.printTicket', { number: String(firstItem(tickets).number), documents: ['claim-ticket'] }));
      expect(result.ok, printer).toBe(true);
    }
  });
});

describe('the full export', () => {
  it('is a ZIP of UTF-8 CSVs with a BOM and a manifest, without PIN hashes or passcodes', async () => {
    const dir = tempDir();
    const desk = await open(dir);
    const crew = await setUpCrew(desk);
    await desk.call('intake.checkIn', sampleIntake({ customer: { name: '王小明, "Wang"' }, device: { passcode: { kind: 'pin', value: '9876' } } }));
    let progress = await desk.call('dataExport.start', { session: crew.manager.session });
    expect((await desk.fail('dataExport.progress', { session: crew.clerk.session, jobId: progress.jobId })).fields).toEqual([
      { path: 'session', code: 'manager_required' },
    ]);
    while (progress.state === 'running') {
      await new Promise((done) => setTimeout(done, 20));
      progress = await desk.call('dataExport.progress', { session: crew.manager.session, jobId: progress.jobId });
    }
    expect(progress.state).toBe('done');
    const files = unzipSync(readFileSync(progress.path!));
    const manifest = JSON.parse(strFromU8(entryOf(files, 'manifest.json')));
    for (const table of ['customer', 'device', 'ticket', 'ticket_event', 'quote', 'payment', 'collection', 'part', 'stock_move', 'loan', 'staff']) {
      expect(Object.keys(files), table).toContain(`${table}.csv`);
      expect([...entryOf(files, `${table}.csv`).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    }
    expect(manifest.tables.ticket.rows).toBe(1);
    const customers = strFromU8(entryOf(files, 'customer.csv'));
    expect(customers).toContain('"王小明, ""Wang"""');
    const staff = strFromU8(entryOf(files, 'staff.csv'));
    expect(staff.split('\r\n')[0]).not.toMatch(/pin/);
    expect(staff).not.toContain('scrypt');
    const tickets = strFromU8(entryOf(files, 'ticket.csv'));
    expect(tickets.split('\r\n')[0]).not.toContain('passcode_sealed');
    expect(tickets).not.toMatch(/v2:/);
    expect(manifest.tables.staff.rows).toBe(3);
  });

  it('reads many rows in batches without losing, repeating or reordering one, and quotes what needs it', async () => {
    const dir = tempDir();
    const desk = await open(dir);
    await desk.close();
    const raw = openRaw(join(dir, DATABASE_FILE));
    const insert = raw.prepare(`INSERT INTO customer (name, phone, phone_digits, address, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`);
    const rows = 12_345; // more than two batches, the last one partial
    const nameOf = (i: number) => (i % 1000 === 7 ? `客户 ${i}, "第二行"\nline` : `客户 ${i}`);
    raw.transaction(() => {
      for (let i = 1; i <= rows; i++)
        insert.run(
          nameOf(i),
          `138${String(i).padStart(8, '0')}`,
          `138${String(i).padStart(8, '0')}`,
          '',
          '',
          '2026-12-01T02:00:00.000Z',
          '2026-12-01T02:00:00.000Z',
        );
    })();
    raw.close();
    const reports: { table: string; rowsDone: number }[] = [];
    const result = await exportDatabase({
      databaseFile: join(dir, DATABASE_FILE),
      path: join(dir, 'out', 'export.zip'),
      now: new Date(),
      shopName: 'x',
      onProgress: (p) => reports.push(p),
    });
    expect(result.tables.customer).toBe(rows);
    const csv = strFromU8(entryOf(unzipSync(readFileSync(result.path)), 'customer.csv')).replace(/^\uFEFF/, '');
    const header = firstItem(parseCsv(csv));
    const nameAt = header.indexOf('name');
    const idAt = header.indexOf('id');
    const records = parseCsv(csv).slice(1);
    expect(records).toHaveLength(rows);
    records.forEach((cells, i) => {
      expect(Number(cells[idAt])).toBe(i + 1);
      expect(cells[nameAt]).toBe(nameOf(i + 1));
    });
    const customerReports = reports.filter((r) => r.table === 'customer').map((r) => r.rowsDone);
    expect(customerReports.length).toBeGreaterThanOrEqual(3);
    expect(customerReports).toEqual([...customerReports].sort((a, b) => a - b));
    // Most of the time goes to the search triggers of 12,345 customer inserts, which a busy machine slows a lot.
  }, 120_000);

  it('reads a table without a rowid in batches too, and leaves the search indexes out', async () => {
    const dir = tempDir();
    const desk = await open(dir);
    await desk.close();
    const raw = openRaw(join(dir, DATABASE_FILE));
    const insert = raw.prepare(`INSERT INTO figures_day_intake (day, deposit_method, tickets, deposits, deposit_minor) VALUES (?, 'cash', ?, 0, 0)`);
    const rows = 12_345;
    const dayOf = (i: number) => new Date(Date.UTC(1990, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    raw.transaction(() => {
      for (let i = 0; i < rows; i++) insert.run(dayOf(i), i);
    })();
    raw
      .prepare(
        `INSERT INTO customer (name, phone, phone_digits, address, notes, created_at, updated_at) VALUES ('王小明', '1', '1', '', '', '2026-12-01T02:00:00.000Z', '2026-12-01T02:00:00.000Z')`,
      )
      .run();
    expect((raw.prepare(`SELECT COUNT(*) AS n FROM customer_name_gram`).get() as { n: number }).n).toBeGreaterThan(0);
    raw.close();
    const reports: { table: string; rowsDone: number; rowsTotal: number }[] = [];
    const result = await exportDatabase({
      databaseFile: join(dir, DATABASE_FILE),
      path: join(dir, 'out', 'export.zip'),
      now: new Date(),
      shopName: 'x',
      onProgress: (p) => reports.push(p),
    });
    expect(result.tables.figures_day_intake).toBe(rows);
    const files = unzipSync(readFileSync(result.path));
    const records = parseCsv(strFromU8(entryOf(files, 'figures_day_intake.csv')).replace(/^\uFEFF/, ''));
    const dayAt = firstItem(records).indexOf('day');
    expect(records.slice(1).map((cells) => cells[dayAt])).toEqual(Array.from({ length: rows }, (_, i) => dayOf(i)));
    expect(reports.filter((r) => r.table === 'figures_day_intake').length).toBeGreaterThanOrEqual(3);
    expect(Object.keys(files)).not.toContain('customer_name_gram.csv');
    expect(Object.keys(files)).not.toContain('search_position.csv');
    expect(JSON.parse(strFromU8(entryOf(files, 'manifest.json'))).leftOutTables).toContain('customer_name_gram');
    expect(lastItem(reports).rowsDone).toBe(lastItem(reports).rowsTotal);
  });
});

describe('the shop identity beside the file', () => {
  it('follows the last ticket number', async () => {
    const dir = tempDir();
    const desk = await open(dir);
    const { tickets } = await desk.call('intake.checkIn', sampleIntake());
    // Noted once the check-in has answered, on the event loop's next turn.
    await new Promise((resolve) => setImmediate(resolve));
    const identity = JSON.parse(readFileSync(join(dir, IDENTITY_FILE), 'utf8'));
    expect(identity.lastTicketNumber).toBe(firstItem(tickets).number);
    expect(identity.shopId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
