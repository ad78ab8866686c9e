// The desk's settings (one text value per key), its identity, and the one-row
// table a write takes first so writers queue.
import { EntitySchema } from 'typeorm';
import { text } from './columns';

export interface SettingRow {
  key: string;
  value: string;
}

export const SettingEntity = new EntitySchema<SettingRow>({
  name: 'Setting',
  tableName: 'setting',
  columns: { key: { type: 'text', primary: true }, value: text },
});

export interface DeskMetaRow {
  key: string;
  value: string;
  createdAt: string;
}

export const DeskMetaEntity = new EntitySchema<DeskMetaRow>({
  name: 'DeskMeta',
  tableName: 'desk_meta',
  columns: {
    key: { type: 'text', primary: true },
    value: text,
    createdAt: { ...text, name: 'created_at' },
  },
});

export interface DeskWriteRow {
  id: number;
}

export const DeskWriteEntity = new EntitySchema<DeskWriteRow>({
  name: 'DeskWrite',
  tableName: 'desk_write',
  columns: {
    id: { type: 'integer', primary: true },
  },
});
