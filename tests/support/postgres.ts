// A throwaway PostgreSQL server for the tests: initdb into a temporary folder,
// a postmaster on a free loopback port (never another interface), one database
// per test file, all stopped and removed at the end. initdb and pg_ctl refuse
// to run as root, so as root they run as the `postgres` user.
// PostgreSQL missing: under CI=true the tests fail (they never pass by
// skipping); elsewhere they are skipped with a message saying what to install:
//   apt-get install postgresql postgresql-contrib
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { PostgresConnection } from '../../src/main/core/storage/engine';

const INSTALL_HINT = 'PostgreSQL is not installed: apt-get install postgresql postgresql-contrib';
const SUPERUSER = 'postgres';

/** The folder holding initdb, pg_ctl and postgres: pg_config's, else Debian's versioned folders. */
export function findPostgresBinaries(): string | null {
  const candidates: string[] = [];
  try {
    candidates.push(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim());
  } catch {
    // no pg_config on PATH
  }
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian).sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((version) => join(debian, version, 'bin')));
  }
  return candidates.find((dir) => ['initdb', 'pg_ctl', 'postgres'].every((name) => existsSync(join(dir, name)))) ?? null;
}

/**
 * Whether the PostgreSQL tests can run here. Under CI=true a missing server throws;
 * elsewhere it returns false and says so once, for `describe.skipIf(!postgresAvailable())`.
 */
export function postgresAvailable(): boolean {
  if (findPostgresBinaries()) return true;
  if (process.env.CI === 'true') throw new Error(`PostgreSQL tests: ${INSTALL_HINT}`);
  console.warn(`Skipping the PostgreSQL tests. ${INSTALL_HINT}`);
  return false;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function isRoot(): boolean {
  return process.getuid?.() === 0;
}

/** Runs a server program, as `postgres` when we are root. */
function runServerTool(program: string, args: string[]): void {
  const [command, commandArgs] = isRoot() ? ['runuser', ['-u', SUPERUSER, '--', program, ...args]] : [program, args];
  const result = spawnSync(command, commandArgs, { encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0) {
    throw new Error(`${program} ${args.join(' ')} failed (${result.status}): ${result.stderr || result.stdout || result.error?.message}`);
  }
}

function postgresIds(): [number, number] {
  const uid = Number(execFileSync('id', ['-u', SUPERUSER], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', SUPERUSER], { encoding: 'utf8' }).trim());
  return [uid, gid];
}

export interface TestPostgres {
  port: number;
  /** A new, empty database on this server, with its connection. */
  createDatabase(name?: string): Promise<PostgresConnection>;
  stop(): Promise<void>;
}

let databaseCount = 0;

export interface TestPostgresOptions {
  /**
   * Connections over TCP need this password (scram-sha-256), as on a shop's real
   * server; without it every connection is trusted.
   */
  password?: string;
}

/** Starts a server for one test file; call stop() in afterAll. */
export async function startTestPostgres(options: TestPostgresOptions = {}): Promise<TestPostgres> {
  const password = options.password ?? '';
  const bin = findPostgresBinaries();
  if (!bin) throw new Error(`PostgreSQL tests: ${INSTALL_HINT}`);
  const dir = mkdtempSync(join(tmpdir(), 'repair-desk-pg-'));
  const data = join(dir, 'data');
  if (isRoot()) chownSync(dir, ...postgresIds());
  const port = await freePort();
  let started = false;
  const stop = async () => {
    if (started) {
      started = false;
      runServerTool(join(bin, 'pg_ctl'), ['stop', '-D', data, '-m', 'immediate', '-s']);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const auth = ['--auth=trust'];
    if (password) {
      const passwordFile = join(dir, 'password');
      writeFileSync(passwordFile, password, { mode: 0o600 });
      if (isRoot()) chownSync(passwordFile, ...postgresIds());
      auth.splice(0, 1, '--auth-local=trust', '--auth-host=scram-sha-256', `--pwfile=${passwordFile}`);
    }
    runServerTool(join(bin, 'initdb'), ['-D', data, '-U', SUPERUSER, ...auth, '--encoding=UTF8', '--no-locale', '--no-sync']);
    // A test server: loopback only, its socket in its own folder, durability traded for speed.
    const options = [
      `-c listen_addresses=127.0.0.1`,
      `-p ${port}`,
      `-c unix_socket_directories=${dir}`,
      `-c fsync=off`,
      `-c synchronous_commit=off`,
      `-c full_page_writes=off`,
      `-c max_connections=40`,
      `-c shared_buffers=32MB`,
    ].join(' ');
    runServerTool(join(bin, 'pg_ctl'), ['start', '-D', data, '-l', join(dir, 'server.log'), '-o', options, '-w', '-t', '60', '-s']);
    started = true;
  } catch (error) {
    await stop();
    throw error;
  }
  const admin = { host: '127.0.0.1', port, user: SUPERUSER, database: 'postgres', password };
  return {
    port,
    async createDatabase(name) {
      databaseCount += 1;
      const database = name ?? `desk_${process.pid}_${databaseCount}`;
      const client = new pg.Client(admin);
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${database}"`);
      } finally {
        await client.end();
      }
      return { host: '127.0.0.1', port, database, user: SUPERUSER, password, tls: false };
    },
    stop,
  };
}
