#!/usr/bin/env node
// Tests and the harness run under plain Node, but `npm start` rebuilds
// better-sqlite3 for Electron's ABI (electron-builder install-app-deps). This
// checks that the module loads under the current Node and, if it was built for
// another ABI, rebuilds it for this one.
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const MODULE = 'better-sqlite3';
const projectDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// Run in a child process: a native module that failed to load cannot be
// loaded again in the same process after it is rebuilt.
const PROBE = `
const Database = require(${JSON.stringify(MODULE)});
const db = new Database(':memory:');
const row = db.prepare('select sqlite_version() as v').get();
db.close();
process.stdout.write(row.v);
`;

function probe() {
  const result = spawnSync(process.execPath, ['-e', PROBE], { cwd: projectDir, encoding: 'utf8' });
  return { ok: result.status === 0, version: result.stdout.trim(), error: `${result.stderr ?? ''}${result.error?.message ?? ''}`.trim() };
}

/** Built for another Node or Electron, or never built at all: a rebuild fixes both. */
function needsRebuild(error) {
  return /NODE_MODULE_VERSION|was compiled against a different Node\.js version|ERR_DLOPEN_FAILED|Could not locate the bindings file|invalid ELF header|wrong ELF class|not a valid Win32 application/i.test(
    error,
  );
}

function rebuild() {
  // Under `npm run`, npm_execpath is npm's own CLI script; run it with this Node.
  const npmCli = process.env.npm_execpath;
  const [command, args] =
    npmCli && /\.[cm]?js$/.test(npmCli)
      ? [process.execPath, [npmCli, 'rebuild', MODULE]]
      : [process.platform === 'win32' ? 'npm.cmd' : 'npm', ['rebuild', MODULE]];
  console.log(
    `[ensure-node-native] ${MODULE} was built for another runtime; rebuilding it for Node ${process.versions.node} (ABI ${process.versions.modules})...`,
  );
  const result = spawnSync(command, args, { cwd: projectDir, stdio: 'inherit', shell: process.platform === 'win32' && command === 'npm.cmd' });
  return result.status === 0;
}

function fail(message, detail) {
  console.error(`[ensure-node-native] ${message}`);
  if (detail) console.error(detail);
  process.exit(1);
}

const first = probe();
if (first.ok) process.exit(0);

if (!needsRebuild(first.error)) {
  fail(`${MODULE} does not load under Node ${process.versions.node}, and not because of its build:`, first.error);
}
if (!rebuild()) {
  fail(`\`npm rebuild ${MODULE}\` failed. Fix the build tools (Python, a C++ compiler) or reinstall with \`npm ci\`.`, first.error);
}
const second = probe();
if (!second.ok) {
  fail(`${MODULE} still does not load under Node ${process.versions.node} (ABI ${process.versions.modules}) after rebuilding it.`, second.error);
}
console.log(`[ensure-node-native] ${MODULE} rebuilt for Node ${process.versions.node}; SQLite ${second.version}.`);
