// Strings of the on-screen signature pad, in both languages; en.ts and zh-CN.ts mount them under `signature`.
import type { Widen } from '../widen';

export const signatureEn = {
  hint: 'Sign inside the box with the mouse, a pen or a finger',
  signed: 'Signed',
  clear: 'Clear signature',
};

export const signatureZh: Widen<typeof signatureEn> = {
  hint: '请用鼠标、触控笔或手指在框内签名',
  signed: '已签名',
  clear: '清除签名',
};
