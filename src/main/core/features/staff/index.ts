// What the staff feature offers the other features; they import only from here.
export { approvingManager, authoriseStaffChange, requireActor, requireManagerApproval, requireManagerRole, sessionRole } from './auth';
export type { Actor, ManagerApprovalInput } from './auth';
export { listStaff, requireActiveStaff, saveStaffAudited } from './staff';
