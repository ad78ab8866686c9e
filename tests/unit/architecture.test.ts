// The business core, the shared contract and the web harness run without
// Electron (tests, harness, web build); only src/main/index.ts and
// src/main/shell may touch it.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ELECTRON_FREE = ['src/main/core', 'src/shared', 'src/harness'];
const SOURCE = /\.(?:[cm]?[jt]sx?)$/;

/** import ... from 'electron', import 'electron', import('electron'), require('electron'), export ... from 'electron', and subpaths. */
const ELECTRON_IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)(['"`])electron(?:\/[^'"`]*)?\1/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return SOURCE.test(entry.name) ? [path] : [];
  });
}

describe('architecture', () => {
  it('recognises every way of importing electron', () => {
    const imports = [
      "import { app } from 'electron';",
      'import type { IpcMain } from "electron";',
      "import 'electron';",
      "const { ipcMain } = require('electron');",
      "const e = await import('electron');",
      "export { shell } from 'electron/main';",
      'import {\n  BrowserWindow,\n} from "electron";',
    ];
    for (const line of imports) expect(ELECTRON_IMPORT.test(line), line).toBe(true);
    const lookalikes = ["import { z } from 'zod';", "import x from 'electron-store-like';", '// runs without electron', "const name = 'electron';"];
    for (const line of lookalikes) expect(ELECTRON_IMPORT.test(line), line).toBe(false);
  });

  for (const dir of ELECTRON_FREE) {
    it(`${dir} does not import electron`, () => {
      const files = sourceFiles(join(ROOT, dir));
      expect(files.length).toBeGreaterThan(0);
      const offenders = files.filter((file) => ELECTRON_IMPORT.test(readFileSync(file, 'utf8'))).map((file) => relative(ROOT, file));
      expect(offenders).toEqual([]);
    });
  }
});

// The first case loads ESLint and typescript-eslint, which a busy 2-core machine can take past 30 s.
describe('lint boundaries', { timeout: 90_000 }, () => {
  // The rules live in eslint.config.mjs; these cases prove each boundary (and where SQL may be written) can fail.
  const cases: Array<{ file: string; code: string; refused: boolean }> = [
    { file: 'src/renderer/src/intake/Probe.tsx', code: "import { openDesk } from '../../../main/core/desk';\nexport const x = openDesk;\n", refused: true },
    { file: 'src/renderer/src/intake/Probe.tsx', code: "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n", refused: true },
    {
      file: 'src/renderer/src/intake/Probe.tsx',
      code: "import { StatusBadge } from '../tickets/board/BoardTable';\nexport const x = StatusBadge;\n",
      refused: true,
    },
    {
      file: 'src/renderer/src/intake/Probe.tsx',
      code: "import { StatusBadge } from '../widgets/StatusBadge';\nexport const x = StatusBadge;\n",
      refused: false,
    },
    { file: 'src/main/core/probe.ts', code: "import { app } from 'electron';\nexport const x = app;\n", refused: true },
    { file: 'src/shared/probe.ts', code: "import { openDesk } from '../main/core/desk';\nexport const x = openDesk;\n", refused: true },
    { file: 'src/main/shell/probe.ts', code: "import { app } from 'electron';\nexport const x = app;\n", refused: false },
    // Main-side features: another feature only through its index, and the kernel imports no feature.
    {
      file: 'src/main/core/features/stock/probe.ts',
      code: "import { loadSettings } from '../settings/settings';\nexport const x = loadSettings;\n",
      refused: true,
    },
    { file: 'src/main/core/features/stock/probe.ts', code: "import { loadSettings } from '../settings';\nexport const x = loadSettings;\n", refused: false },
    { file: 'src/main/core/features/stock/probe.ts', code: "import { onlyRow } from '../../storage/rows';\nexport const x = onlyRow;\n", refused: false },
    { file: 'src/main/core/features/stock/probe.ts', code: "import { app } from 'electron';\nexport const x = app;\n", refused: true },
    { file: 'src/main/core/record/probe.ts', code: "import { loadSettings } from '../features/settings';\nexport const x = loadSettings;\n", refused: true },
    // SQL lives in query modules: a use case calls them and writes no statement of its own.
    { file: 'src/main/core/features/stock/probe.ts', code: "export const f = (tx: { query(s: string): unknown }) => tx.query('SELECT 1');\n", refused: true },
    {
      file: 'src/main/core/features/stock/queries/probe.ts',
      code: "export const f = (tx: { query(s: string): unknown }) => tx.query('SELECT 1');\n",
      refused: false,
    },
    { file: 'src/main/core/features/stock/probe.ts', code: 'export const sql = `UPDATE part SET qty = ${0}`;\n', refused: true },
    { file: 'src/main/core/features/stock/probe.ts', code: "export const label = 'Select a part';\n", refused: false },
    { file: 'src/main/core/record/probe.ts', code: "export const sql = 'DELETE FROM ticket_event';\n", refused: true },
  ];

  for (const { file, code, refused } of cases) {
    it(`${refused ? 'refuses' : 'allows'} ${code.split('\n')[0]} in ${file}`, async () => {
      const { ESLint } = await import('eslint');
      const [result] = await new ESLint({ cwd: ROOT }).lintText(code, { filePath: join(ROOT, file) });
      const boundaryErrors = (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax');
      expect(boundaryErrors.length > 0).toBe(refused);
    });
  }
});
