import { Center, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Section } from './sections';

/** Sections not built yet say so plainly rather than show made-up data. */
export function ComingSoon({ section }: { section: Section }) {
  const { t } = useTranslation();
  return (
    <Center mih={300}>
      <Stack align="center" gap="xs">
        <Title order={2}>{t(`app.nav.${section}`)}</Title>
        <Text c="dimmed">{t('app.coming')}</Text>
      </Stack>
    </Center>
  );
}
