// A settings form's last row: its save button, then "Saved" or what went wrong.
import { Alert, Button, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export type SaveStatus = 'idle' | 'saving' | 'saved' | 'failed';

export function SaveRow({ status, saveLabel, savedLabel, failure }: { status: SaveStatus; saveLabel: string; savedLabel: string; failure: ReactNode }) {
  return (
    <Group gap="sm">
      <Button type="submit" data-enter-target disabled={status === 'saving'}>
        {saveLabel}
      </Button>
      {status === 'saved' && (
        <Text size="sm" c="teal" role="status">
          {savedLabel}
        </Text>
      )}
      {status === 'failed' && (
        <Alert color="red" py={6} role="alert">
          {failure}
        </Alert>
      )}
    </Group>
  );
}
