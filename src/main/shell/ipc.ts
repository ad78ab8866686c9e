// One IPC handler per contract channel. The shell only checks who is asking;
// validation, business rules and error translation live in the desk's dispatch.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { CHANNELS, type Settings } from '../../shared/contract';
import type { ContractResult } from '../../shared/errors';
import { translate } from '../../shared/i18n/translate';
import type { Dispatch } from '../core/dispatch';
import { checkSender, forbidden, type SenderFacts, type TrustedSender } from './sender';

export interface ContractIpcOptions {
  dispatch: Dispatch;
  /** Read on every call: the main window can be created after the handlers. */
  trusted(): TrustedSender;
  onRefused?(channel: string, reason: string): void;
}

/** What the sender check needs from an IPC event; reading a disposed frame throws. */
export function senderFacts(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>): SenderFacts {
  let frame: SenderFacts['frame'] = null;
  try {
    const sender = event.senderFrame;
    if (sender) frame = { url: sender.url, isMainFrame: sender.parent === null };
  } catch {
    frame = null;
  }
  return { webContentsId: event.sender.id, frame };
}

async function refusal(dispatch: Dispatch): Promise<ContractResult<never>> {
  const settings = await dispatch('settings.get', {}).catch(() => null);
  const language = settings?.ok ? (settings.data as Settings).language : 'en';
  return forbidden(translate(language, 'errors.forbidden'));
}

export function registerContractHandlers(ipcMain: Pick<IpcMain, 'handle'>, options: ContractIpcOptions): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, input: unknown) => {
      const verdict = checkSender(senderFacts(event), options.trusted());
      if (!verdict.trusted) {
        options.onRefused?.(channel, verdict.reason);
        return refusal(options.dispatch);
      }
      return options.dispatch(channel, input);
    });
  }
}
