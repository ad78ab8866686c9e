// Where the app's own pages live and how to recognise them. Pure: no Electron,
// so the rules that guard navigation, requests and IPC can be tested directly.
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export type AppLocation =
  /** The built renderer, loaded from disk (packaged app, or a built dev run). */
  | { kind: 'file'; indexFile: string; rendererDir: string }
  /** electron-vite's dev server (ELECTRON_RENDERER_URL), loopback only. */
  | { kind: 'dev'; url: string; origin: string; host: string };

/** The files of the built app, relative to the folder of the main bundle (out/main). */
export interface ShellFiles {
  preload: string;
  rendererIndex: string;
  /** Icons and fonts shipped beside the app (electron-builder extraResources). */
  resourcesDir: string;
  icon: string;
}

export function shellFiles(mainDir: string, packaged: boolean, resourcesPath?: string): ShellFiles {
  const resourcesDir = packaged && resourcesPath ? join(resourcesPath, 'resources') : resolve(mainDir, '../../resources');
  return {
    preload: resolve(mainDir, '../preload/index.cjs'),
    rendererIndex: resolve(mainDir, '../renderer/index.html'),
    resourcesDir,
    icon: join(resourcesDir, 'icon.png'),
  };
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The dev server is honoured only in an unpackaged run and only on loopback:
 * a packaged app must never be pointed at other content by an environment variable.
 */
export function resolveAppLocation(options: { rendererIndex: string; devUrl?: string; packaged: boolean }): AppLocation {
  if (!options.packaged && options.devUrl) {
    const url = parseUrl(options.devUrl);
    if (url && (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK_HOSTS.has(url.hostname)) {
      return { kind: 'dev', url: url.href, origin: url.origin, host: url.host };
    }
  }
  const indexFile = resolve(options.rendererIndex);
  return { kind: 'file', indexFile, rendererDir: resolve(indexFile, '..') };
}

/** The URL the main window loads. */
export function appEntryUrl(location: AppLocation): string {
  return location.kind === 'dev' ? location.url : pathToFileURL(location.indexFile).href;
}

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

function filePath(url: URL): string | null {
  if (url.protocol !== 'file:') return null;
  try {
    return resolve(fileURLToPath(url));
  } catch {
    return null;
  }
}

const caseFold = (path: string) => (process.platform === 'win32' ? path.toLowerCase() : path);

function isInside(dir: string, file: string): boolean {
  const rel = relative(caseFold(dir), caseFold(file));
  return rel !== '' && !isAbsolute(rel) && rel.split(sep)[0] !== '..';
}

/** True for the app's own page: the renderer's index.html, or any page of the dev server. */
export function isAppUrl(value: string, location: AppLocation): boolean {
  const url = parseUrl(value);
  if (!url) return false;
  if (location.kind === 'dev') return url.origin === location.origin;
  const file = filePath(url);
  return file !== null && caseFold(file) === caseFold(location.indexFile);
}

/** True for anything the app itself serves: its pages, scripts, styles and assets. */
export function isAppResource(value: string, location: AppLocation): boolean {
  const url = parseUrl(value);
  if (!url) return false;
  if (location.kind === 'dev') return url.origin === location.origin;
  const file = filePath(url);
  return file !== null && isInside(location.rendererDir, file);
}

/** Schemes that never leave the machine: inline data, and Chromium's own developer tools. */
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'devtools:']);

/**
 * Whether the session lets a request through. Nothing remote is ever loaded:
 * only the app's own files and inline data, and in dev the dev server with its
 * hot-reload socket.
 */
export function isAllowedRequest(value: string, location: AppLocation): boolean {
  const url = parseUrl(value);
  if (!url) return false;
  if (LOCAL_SCHEMES.has(url.protocol)) return true;
  if (location.kind === 'dev') {
    return url.host === location.host && ['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol);
  }
  return isAppResource(value, location);
}
