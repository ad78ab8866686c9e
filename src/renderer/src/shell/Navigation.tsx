import { NavLink, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SECTIONS, type Section } from './sections';

export function Navigation({ active, onSelect }: { active: Section; onSelect(section: Section): void }) {
  const { t } = useTranslation();
  return (
    <Stack component="nav" gap={2} p="xs" aria-label={t('app.navigation')}>
      {SECTIONS.map((section) => (
        <NavLink
          key={section}
          component="button"
          type="button"
          label={t(`app.nav.${section}`)}
          active={section === active}
          aria-current={section === active ? 'page' : undefined}
          onClick={() => onSelect(section)}
        />
      ))}
    </Stack>
  );
}
