// The setup's last step: the printer, paper and copies for each document, with
// a test print each, saved by the manager who just signed in. Skippable: the
// same section is in Settings.
import { Button, Container, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PrintingSettings } from '../settings';

export function SetupPrinters({ onDone }: { onDone(): void }) {
  const { t } = useTranslation();
  return (
    <Container size="lg" py="md">
      <Stack gap="md">
        <div>
          <Title order={2} id="setup-printers-title">
            {t('trust.setup.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('trust.setup.stepOf', { step: 2, count: 2, name: t('trust.setup.printersStep') })}
          </Text>
        </div>
        <Text size="sm">{t('trust.setup.printersIntro')}</Text>
        <PrintingSettings />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('trust.setup.skip')}
          </Button>
          <Button onClick={onDone}>{t('trust.setup.done')}</Button>
        </Group>
      </Stack>
    </Container>
  );
}
