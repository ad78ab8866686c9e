// Strings of one feature, in both languages; en.ts and zh-CN.ts mount them under `receipt`.
import type { Widen } from '../widen';

export const receiptEn = {
  title: '',
};

export const receiptZh: Widen<typeof receiptEn> = {
  title: '',
};
