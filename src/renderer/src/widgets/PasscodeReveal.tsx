// A ticket's device passcode, hidden until a signed-in staff member asks; main
// logs each viewing, so `onViewed` lets the page show it in the history.
import { Alert, Button, Code, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePasscodeReveal } from './usePasscodeReveal';

export function PasscodeReveal({ ticketId, onViewed }: { ticketId: number; onViewed?(): void }) {
  const { t } = useTranslation();
  const passcode = usePasscodeReveal(ticketId);
  const show = async () => {
    await passcode.show();
    onViewed?.();
  };
  return (
    <Stack gap="xs">
      <Group gap="sm">
        <Text size="sm">{t('intake.passcode')}</Text>
        {passcode.revealed ? (
          <>
            <Code fz="md" aria-label={t('intake.passcodeValue')}>
              {passcode.revealed.value}
            </Code>
            <Button size="xs" variant="default" onClick={passcode.hide}>
              {t('ticket.hidePasscode')}
            </Button>
          </>
        ) : (
          <Button size="xs" variant="default" onClick={() => void show()}>
            {t('ticket.showPasscode')}
          </Button>
        )}
      </Group>
      {passcode.failure && (
        <Alert color="red" p="xs">
          {passcode.failure}
        </Alert>
      )}
    </Stack>
  );
}
