// The frame of one secondary action: a titled, labelled region with its refusal shown inline.
import { Alert, Paper, Stack, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';

export function ActionCard({ title, error, children }: { title: string; error?: string | null; children: ReactNode }) {
  const titleId = useId();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Title order={5} fz="md" id={titleId}>
          {title}
        </Title>
        {children}
        {error ? (
          <Alert color="red" role="alert" p="xs">
            {error}
          </Alert>
        ) : null}
      </Stack>
    </Paper>
  );
}
