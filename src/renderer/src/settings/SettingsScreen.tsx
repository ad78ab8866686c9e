// Settings: every section is a manager's to change (the role table). Anyone
// else sees each one disabled, with why, and can hand over to a manager.
import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FollowUpSettingsForm } from '../customers';
import { FiguresSettings } from '../figures';
import { HistoryCheck } from './HistoryCheck';
import { MoneyLimitsSettings } from './MoneyLimitsSettings';
import { PrintingSettings } from './PrintingSettings';
import { ShopSettingsForm } from './ShopSettingsForm';
import { StaffManager } from './StaffManager';
import { BackupSettings } from '../backups';
import { SharedDatabaseSettings } from './SharedDatabaseSettings';
import { RoleSection } from '../widgets/RoleSection';

export function SettingsScreen() {
  const { t } = useTranslation();
  return (
    <Stack gap="md" maw={1100}>
      <Title order={2}>{t('settings.title')}</Title>
      <RoleSection channel="settings.update" label={t('settings.shop')}>
        <ShopSettingsForm />
      </RoleSection>
      <MoneyLimitsSettings />
      <RoleSection channel="settings.update" label={t('app.nav.customers')}>
        <FollowUpSettingsForm />
      </RoleSection>
      <RoleSection channel="settings.update" label={t('settings.printing.title')}>
        <PrintingSettings />
      </RoleSection>
      <RoleSection channel="settings.update" label={t('app.nav.figures')}>
        <FiguresSettings />
      </RoleSection>
      <StaffManager />
      <BackupSettings />
      <SharedDatabaseSettings />
      <HistoryCheck />
    </Stack>
  );
}
