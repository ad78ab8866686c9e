// Strings of one feature, in both languages; en.ts and zh-CN.ts mount them under `stock`.
import type { Widen } from '../widen';

export const stockEn = {
  title: '',
};

export const stockZh: Widen<typeof stockEn> = {
  title: '',
};
