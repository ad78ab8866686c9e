// Shown instead of a manager's screen to anyone else: the manager signs in here.
import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session/session-context';

export function ManagerGate() {
  const { t } = useTranslation();
  const { signOut, ensureSession } = useSession();
  return (
    <Alert color="orange" p="sm" role="alert" maw={640}>
      <Group gap="sm" justify="space-between">
        <Text size="sm">{t('figures.managerOnly')}</Text>
        <Button
          size="xs"
          variant="default"
          onClick={async () => {
            await signOut();
            await ensureSession();
          }}
        >
          {t('figures.signInAsManager')}
        </Button>
      </Group>
    </Alert>
  );
}
