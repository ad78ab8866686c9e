// Strings of PIN sign-in and manager approval, in both languages; en.ts and zh-CN.ts mount them under `session`.
import type { Widen } from '../widen';

export const sessionEn = {
  signIn: 'Sign in',
  signOut: 'Sign out',
  signInTitle: 'Sign in with your PIN',
  signedInLabel: 'Signed in',
  signedInAs: '{{name}} ({{role}})',
  staffMember: 'Staff member',
  pin: 'PIN',
  newPin: 'New PIN',
  repeatPin: 'Repeat PIN',
  pinsDiffer: 'The two PINs differ',
  setPinAndSignIn: 'Set PIN and sign in',
  firstPinHint: 'No manager has a PIN yet. Choose a 4 to 8 digit PIN for the first manager; the manager then sets PINs for everyone else in Settings.',
  nobodyHasPin: 'Nobody here has a PIN yet: a manager sets PINs in Settings.',
  cancel: 'Cancel',
  approvalTitle: 'Manager approval',
  approve: 'Approve',
};

export const sessionZh: Widen<typeof sessionEn> = {
  signIn: '登录',
  signOut: '退出登录',
  signInTitle: '输入 PIN 登录',
  signedInLabel: '已登录',
  signedInAs: '{{name}}（{{role}}）',
  staffMember: '员工',
  pin: 'PIN 码',
  newPin: '新 PIN 码',
  repeatPin: '再次输入 PIN 码',
  pinsDiffer: '两次输入的 PIN 码不一致',
  setPinAndSignIn: '设置 PIN 码并登录',
  firstPinHint: '还没有主管设置 PIN 码。请为第一位主管设置 4 至 8 位数字的 PIN 码，之后由主管在“设置”中为其他员工设置。',
  nobodyHasPin: '这里还没有人设置 PIN 码：请主管在“设置”中设置。',
  cancel: '取消',
  approvalTitle: '主管授权',
  approve: '授权',
};
