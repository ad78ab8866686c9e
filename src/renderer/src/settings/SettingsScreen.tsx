import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FollowUpSettingsForm } from '../customers';
import { FiguresSettings } from '../figures';
import { PrintingSettings } from './PrintingSettings';
import { ShopSettingsForm } from './ShopSettingsForm';
import { StaffManager } from './StaffManager';
import { BackupSettings } from '../backups';

export function SettingsScreen() {
  const { t } = useTranslation();
  return (
    <Stack gap="md" maw={1100}>
      <Title order={2}>{t('settings.title')}</Title>
      <ShopSettingsForm />
      <FollowUpSettingsForm />
      <PrintingSettings />
      <FiguresSettings />
      <StaffManager />
      <BackupSettings />
    </Stack>
  );
}
