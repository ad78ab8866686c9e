// What the window shows while the desk is still opening. A start after a clean
// close answers before anything is drawn; one that checks the shop's file after
// a power cut can take minutes, and a bare spinner for that long looks like a
// hung desk that a clerk would close and start again, interrupting the check.
import { Center, Loader, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { i18next, systemLanguage } from '../i18n';
import { LANGUAGES } from '../../../shared/domain';

/** From the page's start: past this, the wait is explained. */
const SLOW_START_MS = 2000;

/** The shop's language is in the file being opened: both languages, the computer's first. */
function languagesInOrder() {
  const first = systemLanguage();
  return [first, ...LANGUAGES.filter((language) => language !== first)];
}

export function StartingScreen() {
  const [slow, setSlow] = useState(() => performance.now() >= SLOW_START_MS);
  useEffect(() => {
    if (slow) return;
    const timer = setTimeout(() => setSlow(true), SLOW_START_MS - performance.now());
    return () => clearTimeout(timer);
  }, [slow]);

  return (
    <Center h="100vh" aria-busy="true" p="xl">
      <Stack align="center" maw={560} gap="lg">
        <Loader />
        {slow
          ? languagesInOrder().map((language) => {
              const t = i18next.getFixedT(language);
              return (
                <Stack key={language} lang={language} gap={4} align="center" ta="center">
                  <Title order={3}>{t('dataSafety.starting.title')}</Title>
                  <Text c="dimmed">{t('dataSafety.starting.body')}</Text>
                </Stack>
              );
            })
          : null}
      </Stack>
    </Center>
  );
}
