// 日结与报表: the day close and past closes (a manager's), and the reports.
import '@mantine/charts/styles.css';
import '@mantine/dates/styles.css';
import { Stack, Tabs, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session/session-context';
import { DayClosePanel } from './DayClosePanel';
import { ManagerOnly } from '../widgets/ManagerOnly';
import { PastClosesPanel } from './PastClosesPanel';
import { ReportsPanel } from './ReportsPanel';

export function FiguresScreen() {
  const { t } = useTranslation();
  const { current } = useSession();
  const [tab, setTab] = useState<string | null>('dayClose');
  const [closes, setCloses] = useState(0);
  const manager = current?.staff.role === 'manager';
  return (
    <Stack gap="md">
      <Title order={2}>{t('figures.title')}</Title>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="dayClose">{t('figures.tabs.dayClose')}</Tabs.Tab>
          <Tabs.Tab value="history">{t('figures.tabs.history')}</Tabs.Tab>
          <Tabs.Tab value="reports">{t('figures.tabs.reports')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="dayClose" pt="md">
          {manager ? (
            <DayClosePanel key={current.staff.id} onClosed={() => setCloses((n) => n + 1)} />
          ) : (
            <ManagerOnly message={t('figures.managerOnly')} signInLabel={t('figures.signInAsManager')} maw={640} />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          {manager ? (
            <PastClosesPanel refreshKey={closes} />
          ) : (
            <ManagerOnly message={t('figures.managerOnly')} signInLabel={t('figures.signInAsManager')} maw={640} />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="reports" pt="md">
          <ReportsPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
