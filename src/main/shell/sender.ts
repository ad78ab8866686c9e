// Who may call the contract: only the top frame of the app's own window, while
// it shows the app's own page. Pure, so the rule is tested without Electron.
import type { ContractResult } from '../../shared/errors';
import { isAppUrl, type AppLocation } from './location';

export interface SenderFacts {
  /** id of the webContents that sent the message. */
  webContentsId: number;
  /** The frame that sent it; null when it is already gone. */
  frame: { url: string; isMainFrame: boolean } | null;
}

export interface TrustedSender {
  /** id of the main window's webContents, or null while there is no window. */
  webContentsId: number | null;
  location: AppLocation;
}

export type SenderVerdict = { trusted: true } | { trusted: false; reason: string };

export function checkSender(facts: SenderFacts, trusted: TrustedSender): SenderVerdict {
  if (trusted.webContentsId === null || facts.webContentsId !== trusted.webContentsId) {
    return { trusted: false, reason: 'not the main window' };
  }
  if (!facts.frame) return { trusted: false, reason: 'frame is gone' };
  if (!facts.frame.isMainFrame) return { trusted: false, reason: 'not the top frame' };
  if (!isAppUrl(facts.frame.url, trusted.location)) return { trusted: false, reason: 'not the app page' };
  return { trusted: true };
}

export function forbidden(message: string): ContractResult<never> {
  return { ok: false, error: { code: 'forbidden', message } };
}
