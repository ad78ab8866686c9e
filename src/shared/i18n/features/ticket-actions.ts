// Strings of one feature, in both languages; en.ts and zh-CN.ts mount them under `ticketActions`.
import type { Widen } from '../widen';

export const ticketActionsEn = {
  title: '',
};

export const ticketActionsZh: Widen<typeof ticketActionsEn> = {
  title: '',
};
