// The frame every Parts & fees form shares: a titled form that submits on
// Enter, its fields, the refusal (if any) and Save / Cancel.
import { Alert, Button, Group, Paper, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** Id of the title, which names the form for assistive technology and tests. */
  titleId: string;
  title: ReactNode;
  submitLabel: string;
  saving: boolean;
  /** Why the desk refused, in a sentence; null when it did not. */
  failure: string | null;
  /** Shown above the refusal, e.g. that only a manager may do this. */
  notice?: ReactNode;
  onSubmit(): void;
  onCancel(): void;
  children: ReactNode;
}

export function StockFormFrame({ titleId, title, submitLabel, saving, failure, notice, onSubmit, onCancel, children }: Props) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <form
        noValidate
        aria-labelledby={titleId}
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        <Stack gap="sm">
          <Title order={4} id={titleId}>
            {title}
          </Title>
          {children}
          {notice}
          {failure && (
            <Alert color="red" p="xs" role="alert">
              {failure}
            </Alert>
          )}
          <Group gap="sm">
            <Button type="submit" loading={saving}>
              {submitLabel}
            </Button>
            <Button variant="default" onClick={onCancel}>
              {t('stock.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
