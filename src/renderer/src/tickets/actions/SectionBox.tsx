// One part of the repair panel (diagnosis, quote, approval, parts). The part
// that is the ticket's current task is open; the others show a summary and a
// Change button, so the panel stays short.
import { Button, Group, Paper, Stack, Title } from '@mantine/core';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionSection } from './next-focus';

interface Props {
  section: ActionSection;
  title: string;
  /** Open at first: the section is the ticket's current task. */
  initiallyOpen: boolean;
  /** What is saved already, shown above the form. */
  summary?: ReactNode;
  children: ReactNode;
}

export function SectionBox({ section, title, initiallyOpen, summary, children }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(initiallyOpen);
  const titleId = useId();
  return (
    <Paper withBorder p="sm" radius="sm" component="section" aria-labelledby={titleId} data-section={section}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Title order={4} size="h5" id={titleId}>
            {title}
          </Title>
          {!open && (
            <Button size="compact-sm" variant="default" aria-label={`${t('ticketActions.revise')}: ${title}`} onClick={() => setOpen(true)}>
              {t('ticketActions.revise')}
            </Button>
          )}
        </Group>
        {summary}
        {open && children}
      </Stack>
    </Paper>
  );
}
