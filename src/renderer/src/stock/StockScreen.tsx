// Parts & fees: the fee standard, the parts stock and the loaner units, one tab each.
import { Stack, Tabs, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FeeStandardTab } from './FeeStandardTab';
import { LoanersTab } from './LoanersTab';
import { PartsTab } from './PartsTab';

const TABS = ['fees', 'parts', 'loaners'] as const;
type Tab = (typeof TABS)[number];

export function StockScreen() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('fees');
  return (
    <Stack gap="md" maw={1200}>
      <Title order={2}>{t('stock.title')}</Title>
      <Tabs value={tab} onChange={(value) => value && setTab(value as Tab)} keepMounted={false}>
        <Tabs.List mb="md">
          {TABS.map((value) => (
            <Tabs.Tab key={value} value={value}>
              {t(`stock.tab.${value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="fees">
          <FeeStandardTab />
        </Tabs.Panel>
        <Tabs.Panel value="parts">
          <PartsTab />
        </Tabs.Panel>
        <Tabs.Panel value="loaners">
          <LoanersTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
