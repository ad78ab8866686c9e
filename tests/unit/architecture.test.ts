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
    const lookalikes = ["import { z } from 'zod';", "import x from 'electron-store-like';", "// runs without electron", "const name = 'electron';"];
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
