// The installer configuration stays valid for electron-builder and points at
// files that exist, without building an installer (that needs Electron itself).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CONFIG = 'build/electron-builder.yml';
const require = createRequire(import.meta.url);

interface BuilderConfig {
  appId: string;
  productName: string;
  directories: { output: string; buildResources: string };
  /** electron-builder normalises the list into file sets. */
  files: (string | { filter: string[] })[];
  asarUnpack: string[];
  extraResources: { from: string; to: string }[];
  win: { icon: string; target: { target: string }[] };
  nsis: { oneClick: boolean; allowToChangeInstallationDirectory: boolean };
  mac: { icon: string; target: { target: string }[] };
  linux: { icon: string; maintainer: string; category: string; target: { target: string }[] };
}

async function loadConfig(): Promise<BuilderConfig> {
  const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
    getConfig(projectDir: string, configPath: string, fromOptions: null): Promise<BuilderConfig>;
    validateConfiguration(config: BuilderConfig, logger: unknown): Promise<void>;
  };
  const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
  const config = await getConfig(ROOT, join(ROOT, CONFIG), null);
  await validateConfiguration(config, new DebugLogger(false));
  return config;
}

function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('packaging', () => {
  it('is a valid electron-builder configuration for the app', async () => {
    const config = await loadConfig();
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { productName: string; main: string };
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z][a-z0-9-]*)+$/);
    expect(config.productName).toBe(pkg.productName);
    expect(config.directories).toEqual({ output: 'dist', buildResources: 'build' });
    expect(pkg.main.startsWith('out/')).toBe(true);
    const files = config.files.flatMap((set) => (typeof set === 'string' ? [set] : set.filter));
    expect(files).toEqual(expect.arrayContaining(['out/**', 'package.json']));
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['**/*.node']));
    expect(config.extraResources).toEqual([expect.objectContaining({ from: 'resources', to: 'resources' })]);
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis']);
    expect(config.nsis).toMatchObject({ oneClick: false, allowToChangeInstallationDirectory: true });
    expect(config.mac.target.map((t) => t.target)).toEqual(['dmg']);
    expect(config.linux.target.map((t) => t.target)).toEqual(['AppImage', 'deb']);
    expect(config.linux.maintainer).toMatch(/<[^>]+@[^>]+>/);
    for (const icon of [config.win.icon, config.mac.icon, config.linux.icon]) expect(existsSync(join(ROOT, icon)), icon).toBe(true);
  });

  it('refuses a configuration with an unknown option', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration(config: unknown, logger: unknown): Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    const config = await loadConfig();
    await expect(validateConfiguration({ ...config, nsisOptions: {} }, new DebugLogger(false))).rejects.toThrow(/nsisOptions/);
  });

  it('ships an icon large enough for every platform, drawn from the SVG source', () => {
    expect(existsSync(join(ROOT, 'resources/icon.svg'))).toBe(true);
    expect(pngSize(join(ROOT, 'build/icon.png'))).toEqual({ width: 1024, height: 1024 });
    expect(pngSize(join(ROOT, 'resources/icon.png'))).toEqual({ width: 256, height: 256 });
  });
});
