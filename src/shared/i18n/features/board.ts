// Strings of one feature, in both languages; en.ts and zh-CN.ts mount them under `board`.
import type { Widen } from '../widen';

export const boardEn = {
  title: '',
};

export const boardZh: Widen<typeof boardEn> = {
  title: '',
};
