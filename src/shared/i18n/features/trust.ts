// Strings of the trusted record: first-run setup, switching user and the idle
// lock, what a role may not do, the manager's money limits and the history
// check. en.ts and zh-CN.ts mount them under `trust`; the refusals are spread
// into errors.field.
import type { Widen } from '../widen';

export const trustFieldErrorsEn = {
  role_repair_only: 'Only a technician or a manager may do this',
  role_counter_only: 'Only counter staff (a clerk or a manager) may do this',
  move_not_for_role: 'Your role may not make this move: ask a technician or a manager',
  setup_required: 'Finish the shop setup first (shop name, address, phone and the first manager)',
  setup_done: 'The shop is already set up',
};

export const trustFieldErrorsZh: Widen<typeof trustFieldErrorsEn> = {
  role_repair_only: '只有维修员或主管可以执行此操作',
  role_counter_only: '只有前台或主管可以执行此操作',
  move_not_for_role: '您的岗位不能执行此状态变更，请由维修员或主管操作',
  setup_required: '请先完成店铺设置（店名、地址、电话和第一位主管）',
  setup_done: '店铺已经设置完成',
};

export const trustEn = {
  setup: {
    title: 'Set up the shop',
    intro: 'Before the first check-in: the shop’s name, address and phone print on every intake form, claim ticket and receipt.',
    shopStep: 'Shop',
    managerStep: 'First manager',
    printersStep: 'Printers',
    shopName: 'Shop name',
    shopAddress: 'Shop address',
    shopPhone: 'Shop phone',
    language: 'Language of the desk and its printouts',
    managerName: 'Manager’s name',
    managerPin: 'Manager’s PIN (4 to 8 digits)',
    repeatPin: 'Repeat the PIN',
    pinsDiffer: 'The two PINs differ',
    next: 'Next',
    back: 'Back',
    finish: 'Save and sign in',
    printersIntro: 'Choose the printer and paper for each document and print a test page. You can change this later in Settings.',
    done: 'Start using the desk',
    skip: 'Skip for now',
    stepOf: 'Step {{step}} of {{count}}: {{name}}',
  },
  switchUser: 'Switch user (F2)',
  locked: 'Locked: the next action asks for a PIN',
  lockNow: 'Lock (F2)',
  gate: {
    refused: '{{rule}}: you are signed in as {{role}}.',
    approval: 'A manager’s PIN is asked for',
    signInAsManager: 'Sign in as a manager',
    costsHidden: 'Cost prices are shown to managers only.',
    costManagerOnly: 'Manager only: the quantity is booked at the part’s current cost.',
  },
  needsRole: {
    manager_required: 'Manager only',
    role_repair_only: 'Technicians and managers only',
    role_counter_only: 'Counter staff only',
  },
  limits: {
    title: 'Money limits and repair warranty',
    intro: 'Only a manager changes these: they decide what the shop gives away.',
    repairWarrantyDays: 'Repair warranty (days after collection, 免费维修时限)',
    discountApprovalPercent: 'Discount a clerk may give without a manager (percent)',
    warrantyMonths: 'Purchase warranty (months)',
    idleLockMinutes: 'Lock the counter after this many idle minutes',
    save: 'Save limits',
    saved: 'Limits saved',
    managerOnly: 'Only a manager may change these. Sign in as a manager to edit them.',
  },
  history: {
    title: 'History check',
    intro:
      'Every ticket event, payment and settings change is chained to the one before it. The check walks the chain and reports the first record changed behind the desk’s back.',
    verify: 'Check the history',
    ok: 'The history is intact: {{count}} records checked.',
    broken: 'The history was changed outside the desk: the first broken record is {{source}} #{{rowId}} ({{reason}}).',
    reasons: { row_changed: 'changed', row_missing: 'removed', link_changed: 'chain altered' },
    sources: { ticket_event: 'ticket event', payment: 'payment', audit_entry: 'settings or archive change' },
  },
  customerUpdate: {
    action: 'Update customer',
    hint: 'The archive record differs from what is typed here. Update the customer’s record (kept in the history) or check in with the record as it is.',
    updated: 'Customer record updated',
    owner: 'Their technician: {{name}} (chosen for this repair: one owner per customer)',
  },
};

export const trustZh: Widen<typeof trustEn> = {
  setup: {
    title: '店铺设置',
    intro: '第一次受理登记之前：店名、地址和电话会打印在每张维修接件单、取机凭证和收据上。',
    shopStep: '店铺',
    managerStep: '第一位主管',
    printersStep: '打印机',
    shopName: '店名',
    shopAddress: '店铺地址',
    shopPhone: '店铺电话',
    language: '界面和打印语言',
    managerName: '主管姓名',
    managerPin: '主管 PIN 码（4 至 8 位数字）',
    repeatPin: '再次输入 PIN 码',
    pinsDiffer: '两次输入的 PIN 码不一致',
    next: '下一步',
    back: '上一步',
    finish: '保存并登录',
    printersIntro: '为每种单据选择打印机和纸张，并打印测试页。以后可以在“设置”中修改。',
    done: '开始使用',
    skip: '暂时跳过',
    stepOf: '第 {{step}} 步，共 {{count}} 步：{{name}}',
  },
  switchUser: '切换用户 (F2)',
  locked: '已锁定：下一步操作需要输入 PIN 码',
  lockNow: '锁定 (F2)',
  gate: {
    refused: '{{rule}}：您当前的岗位是{{role}}。',
    approval: '需要主管输入 PIN 码授权',
    signInAsManager: '以主管身份登录',
    costsHidden: '成本价仅对主管显示。',
    costManagerOnly: '仅限主管：数量按配件现有成本入库。',
  },
  needsRole: {
    manager_required: '仅限主管',
    role_repair_only: '仅限维修员和主管',
    role_counter_only: '仅限前台和主管',
  },
  limits: {
    title: '金额权限与维修保修',
    intro: '只有主管可以修改：这些设置决定店里让出多少钱。',
    repairWarrantyDays: '免费维修时限（取机后天数）',
    discountApprovalPercent: '前台无需主管即可给的折扣（百分比）',
    warrantyMonths: '购机保修期（月）',
    idleLockMinutes: '无人操作多少分钟后锁定',
    save: '保存',
    saved: '已保存',
    managerOnly: '只有主管可以修改。请以主管身份登录后编辑。',
  },
  history: {
    title: '记录校验',
    intro: '每条维修记录、收款和设置变更都与上一条串联。校验会逐条检查，并报告第一条在系统之外被改动的记录。',
    verify: '校验记录',
    ok: '记录完整：已校验 {{count}} 条。',
    broken: '记录在系统之外被改动：第一条异常记录是{{source}} #{{rowId}}（{{reason}}）。',
    reasons: { row_changed: '被修改', row_missing: '被删除', link_changed: '链条被改动' },
    sources: { ticket_event: '维修记录', payment: '收款', audit_entry: '设置或档案变更' },
  },
  customerUpdate: {
    action: '更新客户资料',
    hint: '客户档案与这里填写的不同。可以更新客户档案（变更会记入历史），或按档案原样受理。',
    updated: '客户资料已更新',
    owner: '专人负责：{{name}}（已选为本单维修员）',
  },
};
