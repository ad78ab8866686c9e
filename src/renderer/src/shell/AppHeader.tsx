import { Button, Group, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SessionControl } from '../session/SessionControl';

export function AppHeader({ onNewIntake }: { onNewIntake(): void }) {
  const { t } = useTranslation();
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Title order={1} size="h3">
        {t('app.title')}
      </Title>
      <Group gap="md" wrap="nowrap">
        <SessionControl />
        <Button size="xs" onClick={onNewIntake}>
          {t('app.newIntakeShortcut')}
        </Button>
      </Group>
    </Group>
  );
}
