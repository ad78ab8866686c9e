import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../desk/desk-context';
import type { FieldProps } from './field-props';

/** Technicians and managers repair; one of them owns the customer from now on. */
export function TechnicianSelect({ value, onChange, field }: { value: number | null; onChange(id: number | null): void; field: FieldProps }) {
  const { t } = useTranslation();
  const { staff } = useDesk();
  const repairers = staff.filter((person) => person.role === 'technician' || person.role === 'manager');
  return (
    <NativeSelect
      {...field('technicianId')}
      label={t('intake.technician')}
      value={value === null ? '' : String(value)}
      onChange={(event) => onChange(event.currentTarget.value === '' ? null : Number(event.currentTarget.value))}
      data={[
        { value: '', label: t('intake.noTechnician') },
        ...repairers.map((person) => ({ value: String(person.id), label: `${person.name} (${t(`role.${person.role}`)})` })),
      ]}
      w={360}
      styles={{ root: { display: 'flex', alignItems: 'center', gap: 8 }, label: { whiteSpace: 'nowrap' } }}
    />
  );
}

export function isRepairer(staffIds: { id: number; role: string }[], id: number | null): boolean {
  return id !== null && staffIds.some((person) => person.id === id && (person.role === 'technician' || person.role === 'manager'));
}
