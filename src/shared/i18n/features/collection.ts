// Strings of one feature, in both languages; en.ts and zh-CN.ts mount them under `collection`.
import type { Widen } from '../widen';

export const collectionEn = {
  title: '',
};

export const collectionZh: Widen<typeof collectionEn> = {
  title: '',
};
