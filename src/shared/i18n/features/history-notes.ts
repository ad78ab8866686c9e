// Strings of one feature, in both languages; en.ts and zh-CN.ts mount them under `historyNotes`.
// The short notes the backend writes on a ticket's history (timeline) when it
// records a diagnosis, a decision, a call, a payment or the hand-over. They are
// written once, in the shop's language; what staff or the customer typed is
// inserted verbatim. Vocabulary (fault category, payment method, ...) comes from
// the shared tables (workflow.*, receipt.method, accessory.*).
import type { Widen } from '../widen';

export const historyNotesEn = {
  fittedPartRestocked: 'taken off the device, the repair was cancelled',
  /** Between the parts of a note. */
  separator: ' · ',
  /** Before what someone typed (a cause, a reason, a note). */
  colon: ': ',
  /** Between the items of a list. */
  listSeparator: ', ',
  severity: 'L{{level}}',
  userCaused: 'user caused',
  quoteWithdrawn: 'quote v{{version}} withdrawn',
  quoteVersion: 'v{{version}}',
  discountPercent: 'discount {{value}}%',
  discountAmount: 'discount {{amount}}',
  decision: { accepted: 'accepted', declined: 'declined' },
  approvalInPerson: 'v{{version}} {{decision}} (in person, signed)',
  approvalByPhone: 'v{{version}} {{decision}} (phone: {{contact}})',
  tenderedChange: 'tendered {{tendered}}, change {{change}}',
  voided: '#{{id}} {{method}}',
  repaired: 'repaired',
  returnedUnrepaired: 'returned unrepaired',
  identityClaimTicket: 'claim ticket',
  identityPhoneAndName: 'ticket lost, checked phone and name',
  returnedItems: 'returned: {{items}}',
};

export const historyNotesZh: Widen<typeof historyNotesEn> = {
  fittedPartRestocked: '维修已取消，配件已拆回',
  separator: ' · ',
  colon: '：',
  listSeparator: '、',
  severity: '{{level}}级',
  userCaused: '人为损坏',
  quoteWithdrawn: '报价 v{{version}} 已作废',
  quoteVersion: '报价 v{{version}}',
  discountPercent: '优惠 {{value}}%',
  discountAmount: '优惠 {{amount}}',
  decision: { accepted: '客户同意', declined: '客户拒绝' },
  approvalInPerson: '报价 v{{version}} {{decision}}（到店签字）',
  approvalByPhone: '报价 v{{version}} {{decision}}（电话：{{contact}}）',
  tenderedChange: '实收 {{tendered}}，找零 {{change}}',
  voided: '#{{id}} {{method}}',
  repaired: '已修复',
  returnedUnrepaired: '未修复退还',
  identityClaimTicket: '出示取机凭证',
  identityPhoneAndName: '取机凭证遗失，已核对电话和姓名',
  returnedItems: '归还：{{items}}',
};
