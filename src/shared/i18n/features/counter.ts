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
  settings: {
    /** The receipt prints when the device is collected, not at check-in. */
    printAtCollection: 'Print at collection',
    printAtCollectionFor: '{{document}}: print at collection',
  },
  documents: {
    /** Nothing ticked and no note: the form says so, and claims nothing. */
    conditionNotRecorded: 'Not recorded',
    depositWithMethod: '{{amount}} ({{method}})',
    technician: 'Technician',
    warranty: 'Warranty',
    manufacturerRepair: 'repaired by the manufacturer',
    nothingToPay: 'Nothing to pay',
    unrepairedTerms:
      'Keep this receipt: it is your proof of payment.\nThe device was returned unrepaired, so the shop gives no repair warranty for it.\nThe diagnosis fee pays for the inspection only.',
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
  settings: {
    printAtCollection: '取机时自动打印',
    printAtCollectionFor: '{{document}}：取机时自动打印',
  },
  documents: {
    conditionNotRecorded: '未记录',
    depositWithMethod: '{{amount}}（{{method}}）',
    technician: '维修员',
    warranty: '保修',
    manufacturerRepair: '返厂维修',
    nothingToPay: '无需付费',
    unrepairedTerms: '请妥善保管本收据，作为付款凭证。\n设备未修复退还，本店不提供维修保修。\n检测费仅为检测服务的费用。',
  },
};
