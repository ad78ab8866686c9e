import { Alert, Divider, Fieldset, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { StaffForm } from './StaffForm';
import { useStaffList } from './useStaffList';

export function StaffManager() {
  const { t } = useTranslation();
  const { staff, failure, changed } = useStaffList();
  return (
    <Fieldset legend={t('settings.staff')} variant="filled">
      <Stack gap="xs">
        {failure && <Alert color="red">{failure}</Alert>}
        {staff.map((person) => (
          // Keyed by content too, so a saved row starts again from what was stored.
          <StaffForm key={`${person.id}:${person.name}:${person.role}:${person.active}`} person={person} onSaved={changed} />
        ))}
        <Divider my={4} />
        <StaffForm onSaved={changed} />
      </Stack>
    </Fieldset>
  );
}
