// On a ticket's page: a message to the customer from a template (device
// ready, quote waiting, follow-up, unclaimed reminder) in either language with
// the ticket's data filled in, copied in one click and logged; below it every
// call and message about this ticket.
import { Button, Group, NativeSelect, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketDetail } from '../../../../shared/contract';
import { MESSAGE_TEMPLATES, type ContactEntry, type MessageTemplate } from '../../../../shared/customer-care-contract';
import { LANGUAGES, type Language } from '../../../../shared/domain';
import type { TicketWorkflow } from '../../../../shared/repair-contract';
import { call } from '../../api';
import { useDesk } from '../../desk/desk-context';
import { useSignedInCall } from '../../session/useSignedInCall';
import { loadFailure, useLoaded } from '../../widgets/useLoaded';
import { useWorkflowCall } from '../../session/useWorkflowCall';
import { ComplaintOpenForm } from '../complaints/ComplaintOpenForm';
import { ContactList } from './ContactList';
import { messageText, type MessageFacts } from './message-text';

/** The template that fits the ticket's status best. */
function suggested(ticket: TicketDetail): MessageTemplate {
  if (ticket.status === 'awaiting_approval') return 'quote';
  if (ticket.status === 'collected') return 'follow_up';
  return 'ready';
}

function factsOf(ticket: TicketDetail, workflow: TicketWorkflow | null, shop: { shopName: string; shopPhone: string }): MessageFacts {
  const quote = workflow?.quotes.find((q) => q.status === 'sent' || q.status === 'draft') ?? workflow?.quotes[0] ?? null;
  const ready = workflow?.timeline.filter((event) => event.toStatus === 'ready').at(-1) ?? null;
  return {
    customerName: ticket.customer.name,
    device: `${ticket.brand} ${ticket.model}`,
    displayNumber: ticket.displayNumber,
    shopName: shop.shopName,
    shopPhone: shop.shopPhone,
    currency: ticket.currency,
    quoteTotalMinor: quote ? quote.totalMinor : null,
    readySince: ready ? ready.at.slice(0, 10) : null,
  };
}

export function CustomerContactPanel({ ticket }: { ticket: TicketDetail }) {
  const { t, i18n } = useTranslation();
  const { settings } = useDesk();
  const signedIn = useSignedInCall();
  const action = useWorkflowCall(['text']);
  const [contacts, reloadContacts] = useLoaded(
    () => call('tickets.contacts', { ticketId: ticket.id }),
    (error) => loadFailure(t, error),
    `${ticket.id}:${ticket.updatedAt}`,
  );
  const [workflow] = useLoaded(
    () => call('tickets.getWorkflow', { ticketId: ticket.id }),
    (error) => loadFailure(t, error),
    `${ticket.id}:${ticket.updatedAt}`,
  );
  const [template, setTemplate] = useState<MessageTemplate>(() => suggested(ticket));
  const [language, setLanguage] = useState<Language>(i18n.language === 'zh-CN' ? 'zh-CN' : 'en');
  const facts = useMemo(() => factsOf(ticket, workflow.state === 'done' ? workflow.data : null, settings), [ticket, workflow, settings]);
  const [text, setText] = useState(() => messageText(template, language, facts));
  const [notice, setNotice] = useState<string | null>(null);
  const [complaining, setComplaining] = useState(false);
  const [complaintOpened, setComplaintOpened] = useState<number | null>(null);
  useEffect(() => setText(messageText(template, language, facts)), [template, language, facts]);

  const copy = async () => {
    const copied = await navigator.clipboard.writeText(text).then(
      () => true,
      () => false,
    );
    const logged = await action.submit(() => signedIn('messages.log', { ticketId: ticket.id, template, language, text }));
    if (logged) {
      setNotice(copied ? t('care.templates.copied') : t('care.templates.copyFailed'));
      await reloadContacts();
    }
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={t('care.templates.title')}>
      <Stack gap="sm">
        <Title order={4} fz="md">
          {t('care.templates.title')}
        </Title>
        <Group grow align="flex-start">
          <NativeSelect
            label={t('care.templates.template')}
            value={template}
            onChange={(event) => setTemplate(event.currentTarget.value as MessageTemplate)}
            data={MESSAGE_TEMPLATES.map((value) => ({ value, label: t(`care.templates.name.${value}`) }))}
          />
          <NativeSelect
            label={t('care.templates.language')}
            value={language}
            onChange={(event) => setLanguage(event.currentTarget.value as Language)}
            data={LANGUAGES.map((value) => ({ value, label: t(`care.templates.languages.${value}`) }))}
          />
        </Group>
        <Textarea
          aria-label={t('care.templates.title')}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          error={action.fieldErrors.text}
          autosize
          minRows={2}
        />
        <Group>
          <Button onClick={() => void copy()} loading={action.busy}>
            {t('care.templates.copy')}
          </Button>
          {notice && (
            <Text size="sm" c="green" role="status">
              {notice}
            </Text>
          )}
          {action.error && (
            <Text size="sm" c="red" role="alert">
              {action.error}
            </Text>
          )}
        </Group>
        <Group justify="space-between">
          <Title order={5} fz="sm">
            {t('care.page.contacts')}
          </Title>
          <Button size="xs" variant="light" color="red" onClick={() => setComplaining(true)}>
            {t('care.complaints.newForCustomer')}
          </Button>
        </Group>
        {complaintOpened !== null && (
          <Text size="sm" c="red" role="status">
            {t('care.call.complaintOpened', { id: complaintOpened })}
          </Text>
        )}
        {complaining && (
          <ComplaintOpenForm
            customerId={ticket.customer.id}
            tickets={[{ id: ticket.id, label: `${ticket.displayNumber} · ${ticket.brand} ${ticket.model}` }]}
            initialTicketId={ticket.id}
            onOpened={(id) => {
              setComplaining(false);
              setComplaintOpened(id);
            }}
            onCancel={() => setComplaining(false)}
          />
        )}
        {contacts.state === 'done' && <ContactList contacts={contacts.data as ContactEntry[]} empty={t('care.page.noContacts')} />}
      </Stack>
    </Paper>
  );
}
