import { Button, Group, NativeSelect, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../desk/desk-context';
import { fieldId } from '../forms/field-errors';
import { SessionControl } from '../session/SessionControl';

export function AppHeader({ onNewIntake }: { onNewIntake(): void }) {
  const { t } = useTranslation();
  const { staff, clerkId, setClerkId } = useDesk();
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Title order={1} size="h3">
        {t('app.title')}
      </Title>
      <Group gap="md" wrap="nowrap">
        <NativeSelect
          // An intake refused for an unknown clerk points here.
          id={fieldId('intake', 'clerkId')}
          label={t('app.signedInAs')}
          size="xs"
          w={200}
          styles={{ root: { display: 'flex', alignItems: 'center', gap: 8 }, label: { whiteSpace: 'nowrap' } }}
          value={clerkId === null ? '' : String(clerkId)}
          onChange={(event) => setClerkId(Number(event.currentTarget.value) || null)}
          data={staff.map((person) => ({ value: String(person.id), label: person.name }))}
        />
        <SessionControl />
        <Button size="xs" onClick={onNewIntake}>
          {t('app.newIntakeShortcut')}
        </Button>
      </Group>
    </Group>
  );
}
