// The system's folder dialog for choosing the backup folder: the one IPC
// channel outside the contract, as only the Electron shell has such a dialog
// (the web harness types the path instead). It answers a path or null and
// changes nothing: backups.configure then validates and saves the choice.
import type { BrowserWindow, Dialog, IpcMain } from 'electron';
import { PICK_FOLDER_CHANNEL } from '../../shared/contract';
import { senderFacts } from './ipc';
import { checkSender, type TrustedSender } from './sender';

export interface FolderPickerOptions {
  trusted(): TrustedSender;
  window(): BrowserWindow | null;
  onRefused?(channel: string, reason: string): void;
}

export function registerFolderPicker(ipcMain: Pick<IpcMain, 'handle'>, dialog: Pick<Dialog, 'showOpenDialog'>, options: FolderPickerOptions): void {
  ipcMain.handle(PICK_FOLDER_CHANNEL, async (event, title: unknown) => {
    const verdict = checkSender(senderFacts(event), options.trusted());
    if (!verdict.trusted) {
      options.onRefused?.(PICK_FOLDER_CHANNEL, verdict.reason);
      return null;
    }
    const parent = options.window();
    const choice = {
      title: typeof title === 'string' ? title.slice(0, 200) : undefined,
      properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[],
    };
    const result = parent ? await dialog.showOpenDialog(parent, choice) : await dialog.showOpenDialog(choice);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  });
}
