// The Electron shell's pure rules: what counts as the app's own page, which
// requests may leave the renderer, and who may call the contract.
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { appEntryUrl, isAllowedRequest, isAppResource, isAppUrl, resolveAppLocation, shellFiles } from '../../src/main/shell/location';
import { checkSender } from '../../src/main/shell/sender';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy, withContentSecurityPolicy } from '../../src/main/shell/security';

const mainDir = resolve('/opt/repair-desk/out/main');
const files = shellFiles(mainDir, false);
const onDisk = resolveAppLocation({ rendererIndex: files.rendererIndex, packaged: false });
const dev = resolveAppLocation({ rendererIndex: files.rendererIndex, packaged: false, devUrl: 'http://localhost:5173/' });
const indexUrl = pathToFileURL(files.rendererIndex).href;

describe('shell files', () => {
  it('sit beside the main bundle, and resources move beside app.asar when packaged', () => {
    expect(files.preload).toBe(resolve('/opt/repair-desk/out/preload/index.cjs'));
    expect(files.rendererIndex).toBe(resolve('/opt/repair-desk/out/renderer/index.html'));
    expect(files.icon).toBe(join(resolve('/opt/repair-desk/resources'), 'icon.png'));
    const packaged = shellFiles(mainDir, true, resolve('/opt/Repair Desk/resources'));
    expect(packaged.resourcesDir).toBe(join(resolve('/opt/Repair Desk/resources'), 'resources'));
  });
});

describe('app location', () => {
  it('uses the dev server only when unpackaged and on loopback', () => {
    expect(dev).toMatchObject({ kind: 'dev', origin: 'http://localhost:5173' });
    expect(appEntryUrl(dev)).toBe('http://localhost:5173/');
    const packaged = resolveAppLocation({ rendererIndex: files.rendererIndex, packaged: true, devUrl: 'http://localhost:5173/' });
    expect(packaged.kind).toBe('file');
    const remote = resolveAppLocation({ rendererIndex: files.rendererIndex, packaged: false, devUrl: 'https://evil.example/' });
    expect(remote.kind).toBe('file');
    expect(resolveAppLocation({ rendererIndex: files.rendererIndex, packaged: false, devUrl: 'not a url' }).kind).toBe('file');
    expect(appEntryUrl(onDisk)).toBe(indexUrl);
  });

  it('recognises the app page, whatever its hash or query', () => {
    expect(isAppUrl(indexUrl, onDisk)).toBe(true);
    expect(isAppUrl(`${indexUrl}#/tickets/A-0001`, onDisk)).toBe(true);
    expect(isAppUrl(`${indexUrl}?lang=zh-CN`, onDisk)).toBe(true);
    expect(isAppUrl(pathToFileURL(join(mainDir, '../renderer/other.html')).href, onDisk)).toBe(false);
    expect(isAppUrl(pathToFileURL(join(mainDir, 'index.js')).href, onDisk)).toBe(false);
    expect(isAppUrl('https://evil.example/index.html', onDisk)).toBe(false);
    expect(isAppUrl('file://evil.example/opt/repair-desk/out/renderer/index.html', onDisk)).toBe(false);
    expect(isAppUrl('not a url', onDisk)).toBe(false);

    expect(isAppUrl('http://localhost:5173/#/intake', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('http://127.0.0.1:5173/', dev)).toBe(false);
    expect(isAppUrl(indexUrl, dev)).toBe(false);
  });

  it('treats only files under the renderer folder as app resources', () => {
    expect(isAppResource(pathToFileURL(join(mainDir, '../renderer/assets/index.js')).href, onDisk)).toBe(true);
    expect(isAppResource(pathToFileURL(join(mainDir, '../renderer/../main/index.js')).href, onDisk)).toBe(false);
    expect(isAppResource(pathToFileURL(join(mainDir, '../renderer-evil/x.js')).href, onDisk)).toBe(false);
    expect(isAppResource('file:///opt/repair-desk/out/renderer/%2e%2e/main/index.js', onDisk)).toBe(false);
  });

  it('lets no request leave the machine', () => {
    expect(isAllowedRequest(pathToFileURL(join(mainDir, '../renderer/assets/font.woff2')).href, onDisk)).toBe(true);
    expect(isAllowedRequest('data:font/woff2;base64,AAAA', onDisk)).toBe(true);
    expect(isAllowedRequest('blob:file:///0b6f-4a', onDisk)).toBe(true);
    expect(isAllowedRequest('https://fonts.example/font.woff2', onDisk)).toBe(false);
    expect(isAllowedRequest('file:///etc/passwd', onDisk)).toBe(false);
    expect(isAllowedRequest('devtools://devtools/bundled/inspector.html', onDisk)).toBe(true);
    expect(isAllowedRequest('ftp://files.example/x', onDisk)).toBe(false);

    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isAllowedRequest('ws://localhost:5173/?token=x', dev)).toBe(true);
    expect(isAllowedRequest('devtools://devtools/bundled/inspector.html', dev)).toBe(true);
    expect(isAllowedRequest('http://localhost:8080/', dev)).toBe(false);
    expect(isAllowedRequest('https://evil.example/', dev)).toBe(false);
    expect(isAllowedRequest('file:///etc/passwd', dev)).toBe(false);
  });
});

describe('sender check', () => {
  const trusted = { webContentsId: 7, location: onDisk };
  const mainFrame = (url: string) => ({ url, isMainFrame: true });

  it('trusts the top frame of the main window on the app page', () => {
    expect(checkSender({ webContentsId: 7, frame: mainFrame(`${indexUrl}#/intake`) }, trusted)).toEqual({ trusted: true });
  });

  it('refuses other windows, sub-frames, other pages and vanished frames', () => {
    const cases = [
      { facts: { webContentsId: 8, frame: mainFrame(indexUrl) }, reason: 'not the main window' },
      { facts: { webContentsId: 7, frame: { url: indexUrl, isMainFrame: false } }, reason: 'not the top frame' },
      { facts: { webContentsId: 7, frame: mainFrame('https://evil.example/') }, reason: 'not the app page' },
      { facts: { webContentsId: 7, frame: null }, reason: 'frame is gone' },
    ];
    for (const { facts, reason } of cases) expect(checkSender(facts, trusted)).toEqual({ trusted: false, reason });
    expect(checkSender({ webContentsId: 7, frame: mainFrame(indexUrl) }, { webContentsId: null, location: onDisk })).toEqual({
      trusted: false,
      reason: 'not the main window',
    });
  });
});

describe('content security policy', () => {
  const scripts = (policy: string) => policy.split('; ').find((directive) => directive.startsWith('script-src '));

  it('allows no inline script in the built app', () => {
    expect(contentSecurityPolicy(onDisk)).toBe(CONTENT_SECURITY_POLICY);
    expect(scripts(CONTENT_SECURITY_POLICY)).toBe("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
  });

  it('lets only the dev server run its inline React refresh preamble', () => {
    const devPolicy = contentSecurityPolicy(dev);
    expect(scripts(devPolicy)).toBe("script-src 'self' 'unsafe-inline'");
    expect(devPolicy.replace(" 'unsafe-inline'; style-src", '; style-src')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('replaces whatever policy a response carried and keeps its other headers', () => {
    const headers = withContentSecurityPolicy({ 'Content-Type': ['text/html'], 'content-security-policy': ['default-src *'] }, 'default-src none');
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': ['default-src none'] });
    expect(withContentSecurityPolicy(undefined, 'x')).toEqual({ 'Content-Security-Policy': ['x'] });
  });
});
