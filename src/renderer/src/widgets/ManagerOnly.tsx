// Said when a screen or a change needs a manager's own sign-in: whoever is at
// the counter hands it over, and the manager signs in here.
import { Alert, Button, Group, Text } from '@mantine/core';
import { useSession } from '../session/session-context';

export function ManagerOnly({ message, signInLabel, maw }: { message: string; signInLabel: string; maw?: number }) {
  const { signOut, ensureSession } = useSession();
  return (
    <Alert color="orange" p="xs" role="alert" maw={maw}>
      <Group gap="sm" justify="space-between">
        <Text size="sm">{message}</Text>
        <Button
          size="xs"
          variant="default"
          onClick={async () => {
            await signOut();
            await ensureSession();
          }}
        >
          {signInLabel}
        </Button>
      </Group>
    </Alert>
  );
}
