// Said when a change needs a manager's own sign-in: the clerk hands the
// counter over, the manager signs in here and saves again.
import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session/session-context';

export function ManagerOnly() {
  const { t } = useTranslation();
  const { signOut, ensureSession } = useSession();
  return (
    <Alert color="orange" p="xs" role="alert">
      <Group gap="sm" justify="space-between">
        <Text size="sm">{t('stock.managerOnly')}</Text>
        <Button
          size="xs"
          variant="default"
          onClick={async () => {
            await signOut();
            await ensureSession();
          }}
        >
          {t('stock.signInAsManager')}
        </Button>
      </Group>
    </Alert>
  );
}
