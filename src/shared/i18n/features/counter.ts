// Strings of one feature, in both languages; en.ts and zh-CN.ts mount them under `counter`.
// The counter's own safeguards: the kept intake draft, and a claim ticket
// scanned wherever the focus is.
import type { Widen } from '../widen';

export const counterEn = {
  draft: {
    restored: 'The intake this counter was typing has been brought back.',
    discardTitle: 'Start a new intake?',
    discardText: 'The intake on screen is not checked in. Starting a new one discards what was typed.',
    keep: 'Keep typing',
    discard: 'Discard and start new',
  },
  scan: {
    notFound: 'No ticket has the number {{number}}.',
    failed: 'The scanned ticket could not be opened: {{message}}',
  },
};

export const counterZh: Widen<typeof counterEn> = {
  draft: {
    restored: '已恢复本柜台未完成的受理登记。',
    discardTitle: '开始新的受理登记？',
    discardText: '当前受理登记尚未登记入库。开始新的登记将放弃已填写的内容。',
    keep: '继续填写',
    discard: '放弃并新建',
  },
  scan: {
    notFound: '没有单号为 {{number}} 的维修单。',
    failed: '无法打开扫描的维修单：{{message}}',
  },
};
