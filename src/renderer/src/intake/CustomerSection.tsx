import { Fieldset, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerDetail, CustomerSummary } from '../../../shared/contract';
import { CustomerLookupInput } from './CustomerLookupInput';
import type { CustomerDraft } from './draft';
import type { FieldProps } from './field-props';
import { ReturningCustomer } from './ReturningCustomer';
import { differsFromArchive, UpdateCustomer } from './UpdateCustomer';
import { useCustomerSearch, type LookupSource } from './useCustomerSearch';
import { required } from '../forms/required';

interface Props {
  customer: CustomerDraft;
  detail: CustomerDetail | null;
  field: FieldProps;
  onChange(patch: Partial<Omit<CustomerDraft, 'id'>>): void;
  onPick(customer: CustomerSummary): void;
  onUnlink(): void;
  /** The customer's own technician (one owner per customer), offered for this intake. */
  ownerName: string | null;
  /** The archive record was updated from what is typed here. */
  updated: boolean;
  onUpdated(): void;
}

export function CustomerSection({ customer, detail, field, onChange, onPick, onUnlink, ownerName, updated, onUpdated }: Props) {
  const { t } = useTranslation();
  // The field typed in last drives the lookup; its matches open under it.
  const [source, setSource] = useState<LookupSource | null>(null);
  const linked = customer.id !== null;
  const matches = useCustomerSearch(linked ? null : source, source === 'phone' ? customer.phone : customer.name);

  return (
    <Fieldset legend={t('intake.customerSection')} variant="filled">
      <Stack gap="sm">
        <SimpleGrid cols={4} spacing="sm">
          <CustomerLookupInput
            {...field('customer.name')}
            label={t('intake.customerName')}
            {...required()}
            value={customer.name}
            matches={source === 'name' ? matches : []}
            offerMatches={!linked}
            onChange={(name) => {
              setSource('name');
              onChange({ name });
            }}
            onPick={onPick}
          />
          <CustomerLookupInput
            {...field('customer.phone')}
            label={t('intake.phone')}
            {...required()}
            type="tel"
            inputMode="tel"
            value={customer.phone}
            matches={source === 'phone' ? matches : []}
            offerMatches={!linked}
            onChange={(phone) => {
              setSource('phone');
              onChange({ phone });
            }}
            onPick={onPick}
          />
          <TextInput
            {...field('customer.address')}
            label={t('intake.address')}
            value={customer.address}
            onChange={(event) => onChange({ address: event.currentTarget.value })}
          />
          <TextInput
            {...field('customer.notes')}
            label={t('intake.customerNotes')}
            value={customer.notes}
            onChange={(event) => onChange({ notes: event.currentTarget.value })}
          />
        </SimpleGrid>
        {linked && differsFromArchive(customer, detail) && <UpdateCustomer typed={customer} onUpdated={onUpdated} />}
        {linked && updated && !differsFromArchive(customer, detail) && (
          <Text size="sm" c="teal" role="status">
            {t('trust.customerUpdate.updated')}
          </Text>
        )}
        {linked ? (
          <ReturningCustomer customer={detail} ownerName={ownerName} onNewCustomer={onUnlink} />
        ) : (
          <Text size="xs" c="dimmed">
            {t('intake.lookupHint')}
          </Text>
        )}
      </Stack>
    </Fieldset>
  );
}
