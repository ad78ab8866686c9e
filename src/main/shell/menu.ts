// The packaged app shows no developer menu. macOS keeps the standard app, edit
// and window menus (copy and paste shortcuts live there); elsewhere there is none.
import { Menu } from 'electron';

export function installMenu(packaged: boolean, platform: NodeJS.Platform): void {
  // An unpackaged run keeps Electron's default menu, with reload and developer tools.
  if (!packaged) return;
  if (platform !== 'darwin') return Menu.setApplicationMenu(null);
  Menu.setApplicationMenu(Menu.buildFromTemplate([{ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }]));
}
