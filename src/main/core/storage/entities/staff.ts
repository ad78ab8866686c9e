// The shop's staff (their PIN hashes live in settings).
import { EntitySchema } from 'typeorm';
import type { StaffRole } from '../../../../shared/domain';
import { flag, id, integer, nullableText, text } from './columns';

export interface StaffRow {
  id: number;
  name: string;
  role: StaffRole;
  active: boolean;
  createdAt: string;
  /** The PIN's hash (security/pin); null until a PIN is set. */
  pinHash: string | null;
  /** Wrong PINs in a row; a lock-out starts at the limit. */
  pinFailedCount: number;
  pinLockedUntil: string | null;
}

export const StaffEntity = new EntitySchema<StaffRow>({
  name: 'Staff',
  tableName: 'staff',
  columns: {
    id,
    name: text,
    role: text,
    active: flag,
    createdAt: { ...text, name: 'created_at' },
    pinHash: { ...nullableText, name: 'pin_hash' },
    // The ORM writes what a new row leaves out as NULL on SQLite unless the schema names the default.
    pinFailedCount: { ...integer, name: 'pin_failed_count', default: 0 },
    pinLockedUntil: { ...nullableText, name: 'pin_locked_until' },
  },
});
