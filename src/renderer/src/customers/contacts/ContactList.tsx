// Calls and messages with the customer, newest first (a ticket's or a customer's).
import { List, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ContactEntry } from '../../../../shared/customer-care-contract';
import { useFormat } from '../../desk/useFormat';

export function ContactList({ contacts, empty }: { contacts: ContactEntry[]; empty: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (contacts.length === 0) return <Text c="dimmed">{empty}</Text>;
  return (
    <List spacing={6} size="sm">
      {contacts.map((contact, index) => (
        <List.Item key={index}>
          <Text size="sm" fw={600} span>
            {t(`care.contact.${contact.kind}`)}
          </Text>{' '}
          <Text size="sm" span>
            {describe(contact, t)}
          </Text>
          {contact.text && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {contact.text}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {contact.displayNumber} · {contact.staffName ?? '?'} · {format.instant(contact.at)}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}

function describe(contact: ContactEntry, t: TFunction): string {
  if (contact.kind === 'message') return t(`care.templates.name.${contact.detail}` as 'care.templates.name.ready');
  if (contact.kind === 'notification') {
    const [method, outcome] = contact.detail.split(':');
    return `${t(`workflow.notificationMethod.${method}` as 'workflow.notificationMethod.phone')} · ${t(`workflow.notificationOutcome.${outcome}` as 'workflow.notificationOutcome.reached')}`;
  }
  const parts = [t(`care.contact.${contact.detail}` as 'care.contact.reached')];
  if (contact.working !== null) parts.push(t(contact.working ? 'care.contact.working' : 'care.contact.notWorking'));
  if (contact.quality !== null) parts.push(t('care.contact.scores', { quality: contact.quality, attitude: contact.attitude }));
  return parts.join(' · ');
}
