// One customer's page (客户档案): contact details and totals, every device and
// every repair, loaners out, complaints, calls and messages, and the record's
// history; from here a new intake, an edit, a merge or a complaint starts.
import { Alert, Button, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerArchive } from '../../../../shared/customer-care-contract';
import { call } from '../../api';
import { useFormat } from '../../desk/useFormat';
import { loadFailure, useLoaded } from '../../widgets/useLoaded';
import { LabelledValue } from '../../widgets/LabelledValue';
import { ComplaintOpenForm } from '../complaints/ComplaintOpenForm';
import { ComplaintList } from '../complaints/ComplaintList';
import { ContactList } from '../contacts/ContactList';
import type { CareNavigation } from '../navigation';
import { ChangeHistory } from './ChangeHistory';
import { CustomerDevices } from './CustomerDevices';
import { CustomerEditForm } from './CustomerEditForm';
import { CustomerTickets } from './CustomerTickets';
import { MergePanel } from './MergePanel';
import { summaryOf } from './summary-of';

type Panel = 'none' | 'edit' | 'merge' | 'complaint';

interface Props {
  customerId: number;
  onBack(): void;
  navigation: CareNavigation;
  refreshKey: number;
}

export function CustomerPage({ customerId, onBack, navigation, refreshKey }: Props) {
  const { t } = useTranslation();
  const [loaded, reload] = useLoaded(
    () => call('archive.get', { customerId }),
    (error) => loadFailure(t, error),
    `${customerId}:${refreshKey}`,
  );
  const [panel, setPanel] = useState<Panel>('none');

  if (loaded.state === 'loading') return <Loader aria-label={t('app.loading')} />;
  if (loaded.state === 'failed')
    return (
      <Alert color="red" role="alert">
        {loaded.message}
      </Alert>
    );
  const customer = loaded.data;
  const done = async () => {
    setPanel('none');
    await reload();
  };

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Button variant="subtle" onClick={onBack}>
          {t('care.page.back')}
        </Button>
        {customer.mergedIntoId === null && (
          <Group gap="xs">
            <Button onClick={() => navigation.newIntake({ customer: summaryOf(customer), device: null })}>{t('care.page.newIntake')}</Button>
            <Button variant="default" onClick={() => setPanel('edit')}>
              {t('care.edit.open')}
            </Button>
            <Button variant="default" onClick={() => setPanel('merge')}>
              {t('care.merge.open')}
            </Button>
            <Button variant="default" color="red" onClick={() => setPanel('complaint')}>
              {t('care.complaints.newForCustomer')}
            </Button>
          </Group>
        )}
      </Group>
      <Title order={3}>
        {customer.name} · {customer.phone}
      </Title>
      {customer.mergedIntoId !== null && (
        <Alert color="yellow">
          <Group justify="space-between">
            <Text size="sm">{t('care.page.merged')}</Text>
            <Button size="xs" variant="light" onClick={() => navigation.openCustomer(customer.mergedIntoId as number)}>
              {t('care.page.openMerged')}
            </Button>
          </Group>
        </Alert>
      )}
      {panel === 'edit' && <CustomerEditForm customer={customer} onDone={done} onCancel={() => setPanel('none')} />}
      {panel === 'merge' && <MergePanel customer={customer} onDone={done} onCancel={() => setPanel('none')} />}
      {panel === 'complaint' && (
        <ComplaintOpenForm
          customerId={customer.id}
          tickets={customer.tickets.map((ticket) => ({ id: ticket.id, label: `${ticket.displayNumber} · ${ticket.device}` }))}
          onOpened={(id) => navigation.openComplaint(id)}
          onCancel={() => setPanel('none')}
        />
      )}
      <ContactCard customer={customer} />
      <CustomerDevices customer={customer} onNewIntake={navigation.newIntake} />
      <CustomerTickets customer={customer} onOpenTicket={navigation.openTicket} />
      <Section title={t('care.page.complaints')}>
        <ComplaintList complaints={customer.complaints} empty={t('care.page.noComplaints')} onOpen={navigation.openComplaint} />
      </Section>
      <Section title={t('care.page.contacts')}>
        <ContactList contacts={customer.contacts} empty={t('care.page.noContacts')} />
      </Section>
      <Section title={t('care.page.history')}>
        <ChangeHistory changes={customer.changes} />
      </Section>
    </Stack>
  );
}

function ContactCard({ customer }: { customer: CustomerArchive }) {
  const { t } = useTranslation();
  const format = useFormat();
  const none = t('care.page.none');
  return (
    <Section title={t('care.page.contact')}>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <LabelledValue label={t('care.page.name')}>{customer.name}</LabelledValue>
        <LabelledValue label={t('care.page.phone')}>{customer.phone}</LabelledValue>
        <LabelledValue label={t('care.page.visits')}>{customer.totals.visits}</LabelledValue>
        <LabelledValue label={t('care.page.spent')}>{format.money(customer.totals.spentMinor, customer.currency)}</LabelledValue>
        <LabelledValue label={t('care.page.address')} span={2}>
          {customer.address || none}
        </LabelledValue>
        <LabelledValue label={t('care.page.notes')} span={2}>
          {customer.notes || none}
        </LabelledValue>
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        {t('care.page.since', { date: format.instant(customer.createdAt) })}
      </Text>
      {customer.loansOut.length > 0 && (
        <Alert color="orange" title={t('care.page.loans')}>
          {customer.loansOut.map((loan) => (
            <Text key={`${loan.ticketId}-${loan.loanerName}`} size="sm">
              {t('care.page.loan', { loaner: loan.loanerName, number: loan.displayNumber, date: format.instant(loan.lentAt) })}
            </Text>
          ))}
        </Alert>
      )}
    </Section>
  );
}

export function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={title}>
      <Stack gap="sm">
        <Title order={4} fz="md">
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}
