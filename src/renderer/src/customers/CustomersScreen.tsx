// 客户档案: the archive (search, a customer's page), the follow-up calls due
// (回访), the complaints (投诉) and the devices at manufacturers (返厂), one tab each. The screen remembers which
// customer or complaint is open while the clerk moves between tabs.
import { Stack, Tabs, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IntakePrefill } from '../shell/intake-request';
import { ArchiveTab } from './archive/ArchiveTab';
import { ComplaintsTab } from './complaints/ComplaintsTab';
import { FollowUpsTab } from './follow-ups/FollowUpsTab';
import { ManufacturerTab } from './manufacturer/ManufacturerTab';
import type { CareNavigation } from './navigation';

const TABS = ['archive', 'followUps', 'complaints', 'manufacturer'] as const;
type Tab = (typeof TABS)[number];

interface Props {
  /** The screen stays mounted; each return to it reads the data afresh. */
  active: boolean;
  onNewIntake(prefill: IntakePrefill): void;
  onOpenTicket(number: number): void;
}

export function CustomersScreen({ active, onNewIntake, onOpenTicket }: Props) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('archive');
  const [customerId, setCustomerId] = useState<number | null>(null);
  const [complaintId, setComplaintId] = useState<number | null>(null);
  const [shown, setShown] = useState(0);
  useEffect(() => {
    if (active) setShown((n) => n + 1);
  }, [active]);
  const navigation: CareNavigation = {
    openCustomer: (id) => {
      setCustomerId(id);
      setTab('archive');
    },
    openComplaint: (id) => {
      setComplaintId(id);
      setTab('complaints');
    },
    openTicket: onOpenTicket,
    newIntake: onNewIntake,
  };
  return (
    <Stack gap="md" maw={1300}>
      <Title order={2}>{t('care.title')}</Title>
      <Tabs value={tab} onChange={(value) => value && setTab(value as Tab)} keepMounted={false}>
        <Tabs.List mb="md">
          {TABS.map((value) => (
            <Tabs.Tab key={value} value={value}>
              {t(`care.tab.${value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="archive">
          <ArchiveTab customerId={customerId} onSelect={setCustomerId} navigation={navigation} refreshKey={shown} />
        </Tabs.Panel>
        <Tabs.Panel value="followUps">
          <FollowUpsTab navigation={navigation} refreshKey={shown} />
        </Tabs.Panel>
        <Tabs.Panel value="complaints">
          <ComplaintsTab complaintId={complaintId} onSelect={setComplaintId} navigation={navigation} refreshKey={shown} />
        </Tabs.Panel>
        <Tabs.Panel value="manufacturer">
          <ManufacturerTab navigation={navigation} refreshKey={shown} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
