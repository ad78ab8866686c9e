// The header's sign-in state: who is signed in with their PIN, and the button to change it.
import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from './session-context';

export function SessionControl() {
  const { t } = useTranslation();
  const { current, openSignIn, signOut, switchUser } = useSession();
  if (current === null) {
    return (
      <Button size="xs" variant="default" onClick={openSignIn}>
        {t('session.signIn')}
      </Button>
    );
  }
  return (
    <Group gap="xs" wrap="nowrap">
      <Text size="sm" aria-label={t('session.signedInLabel')}>
        {t('session.signedInAs', { name: current.staff.name, role: t(`role.${current.staff.role}`) })}
      </Text>
      <Button size="xs" variant="default" onClick={() => void switchUser()}>
        {t('trust.switchUser')}
      </Button>
      <Button size="xs" variant="subtle" onClick={() => void signOut()}>
        {t('session.signOut')}
      </Button>
    </Group>
  );
}
