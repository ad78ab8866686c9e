// Hardening for every page the app shows: a strict Content-Security-Policy,
// no remote requests, no navigation away, no pop-ups, no <webview>, and no
// browser permissions (camera, notifications, ...).
import type { Session, WebContents } from 'electron';
import { isAllowedRequest, isAppResource, isAppUrl, type AppLocation } from './location';

const POLICY = {
  'default-src': "'self'",
  'script-src': "'self'",
  'style-src': "'self' 'unsafe-inline'",
  'img-src': "'self' data: blob:",
  'font-src': "'self' data:",
  'connect-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
  'frame-src': "'none'",
};

const serialise = (policy: Record<string, string>) =>
  Object.entries(policy)
    .map(([directive, sources]) => `${directive} ${sources}`)
    .join('; ');

/** Identical to the meta tag in src/renderer/index.html (the smoke test holds them together). */
export const CONTENT_SECURITY_POLICY = serialise(POLICY);

/**
 * The policy sent with the app's responses. The dev server's React refresh
 * preamble is an inline script placed before the meta tag, so only in dev (an
 * unpackaged run on loopback) may inline scripts run.
 */
export function contentSecurityPolicy(location: AppLocation): string {
  if (location.kind === 'file') return CONTENT_SECURITY_POLICY;
  return serialise({ ...POLICY, 'script-src': "'self' 'unsafe-inline'" });
}

/** Response headers with the app's policy in place of any the response carried. */
export function withContentSecurityPolicy(headers: Record<string, string[]> | undefined, policy: string): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') result[name] = value;
  }
  result['Content-Security-Policy'] = [policy];
  return result;
}

type GuardedSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'> & {
  webRequest: Pick<Session['webRequest'], 'onHeadersReceived' | 'onBeforeRequest'>;
};

export function guardSession(session: GuardedSession, location: AppLocation, log: (message: string) => void): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url, location);
    if (!allowed) log(`blocked request to ${details.url}`);
    callback({ cancel: !allowed });
  });
  const policy = contentSecurityPolicy(location);
  session.webRequest.onHeadersReceived((details, callback) => {
    if (!isAppResource(details.url, location)) return callback({});
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders, policy) });
  });
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log(`denied permission ${permission}`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
}

type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/** Applied to every webContents the moment it is created. */
export function guardWebContents(contents: GuardedContents, location: AppLocation, log: (message: string) => void): void {
  const stayHome = (event: { preventDefault(): void; url?: string }, legacyUrl?: string) => {
    const url = event.url ?? legacyUrl ?? '';
    if (isAppUrl(url, location)) return;
    event.preventDefault();
    log(`blocked navigation to ${url}`);
  };
  contents.on('will-navigate', (event, url) => stayHome(event, url));
  contents.on('will-frame-navigate', (event) => stayHome(event));
  contents.on('will-redirect', (event, url) => stayHome(event, url));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('blocked a <webview>');
  });
  contents.setWindowOpenHandler(({ url }) => {
    log(`blocked a new window for ${url}`);
    return { action: 'deny' };
  });
}
