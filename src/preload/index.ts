// The only thing the page gets from the preload: window.repairDesk.invoke for
// the contract's channels and pickFolder for the system's folder dialog. No
// ipcRenderer, no generic send, nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { isChannel, PICK_FOLDER_CHANNEL, type DeskBridge } from '../shared/contract';
import type { ContractResult } from '../shared/errors';

function refused(code: 'forbidden' | 'unavailable'): ContractResult<never> {
  return { ok: false, error: { code, message: '' } };
}

const bridge: DeskBridge = {
  async invoke(channel, input) {
    if (!isChannel(channel)) return refused('forbidden');
    try {
      return await ipcRenderer.invoke(channel, input);
    } catch {
      // The input could not be sent (not cloneable) or main is going away.
      return refused('unavailable');
    }
  },
  async pickFolder(title) {
    try {
      const chosen: unknown = await ipcRenderer.invoke(PICK_FOLDER_CHANNEL, String(title));
      return typeof chosen === 'string' ? chosen : null;
    } catch {
      return null;
    }
  },
};

contextBridge.exposeInMainWorld('repairDesk', Object.freeze(bridge));
