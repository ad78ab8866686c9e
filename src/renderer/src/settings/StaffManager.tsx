import { Alert, Divider, Fieldset, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RoleSection } from '../widgets/RoleSection';
import { StaffForm } from './StaffForm';
import { StaffPinForm } from './StaffPinForm';
import { useStaffList } from './useStaffList';

export function StaffManager() {
  const { t } = useTranslation();
  const { staff, failure, changed } = useStaffList();
  return (
    <Fieldset legend={t('settings.staff')} variant="filled">
      {/* Adding staff, roles and PINs are a manager's: anyone else sees the list, disabled, and why. */}
      <RoleSection channel="staff.save" label={t('settings.staff')}>
        <Stack gap="xs">
          {failure && <Alert color="red">{failure}</Alert>}
          {staff.map((person) => (
            // Keyed by content too, so a saved row starts again from what was stored (forms must not nest).
            <div key={`${person.id}:${person.name}:${person.role}:${person.active}`}>
              <StaffForm person={person} onSaved={changed} />
              {person.active && <StaffPinForm person={person} />}
            </div>
          ))}
          <Divider my={4} />
          <StaffForm onSaved={changed} />
        </Stack>
      </RoleSection>
    </Fieldset>
  );
}
