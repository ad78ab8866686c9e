// On a ticket's page: send the device to the manufacturer (返厂) with its RMA
// number, where it went and when it is expected back, and record its return.
// Shown while the repair may go there, is there, or has been there.
import { Badge, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { TicketDetail } from '../../../../shared/contract';
import type { TicketStatus } from '../../../../shared/domain';
import { call } from '../../api';
import { useFormat } from '../../desk/useFormat';
import { keyboardFormKeyDown } from '../../forms/keyboard-form';
import { useSignedInCall } from '../../session/useSignedInCall';
import { DayInput } from '../../widgets/DayInput';
import { loadFailure, useLoaded } from '../../widgets/useLoaded';
import { useWorkflowCall } from '../../session/useWorkflowCall';

/** Statuses a device may leave for the manufacturer from (the status machine's own rule). */
const SENDABLE: readonly TicketStatus[] = ['approved', 'awaiting_parts', 'in_repair', 'back_from_manufacturer'];

export function ManufacturerTripCard({ ticket, onChanged }: { ticket: TicketDetail; onChanged(): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const signedIn = useSignedInCall();
  const action = useWorkflowCall(['rmaNumber', 'manufacturer', 'expectedBack', 'note']);
  const [trips, reload] = useLoaded(
    () => call('manufacturer.ofTicket', { ticketId: ticket.id }),
    (error) => loadFailure(t, error),
    `${ticket.id}:${ticket.updatedAt}`,
  );
  const form = useForm({ initialValues: { rmaNumber: '', manufacturer: '', expectedBack: '', note: '' } });
  const list = trips.state === 'done' ? trips.data : [];
  const away = list.find((trip) => trip.backAt === null) ?? null;
  if (!SENDABLE.includes(ticket.status) && ticket.status !== 'at_manufacturer' && list.length === 0) return null;

  const done = async (ok: unknown) => {
    if (!ok) return;
    form.reset();
    await reload();
    onChanged();
  };
  const send = async () => done(await action.submit(() => signedIn('manufacturer.send', { ticketId: ticket.id, ...form.getValues() })));
  const back = async () => done(await action.submit(() => signedIn('manufacturer.back', { ticketId: ticket.id, note: form.getValues().note })));
  const submit = () => void (away ? back() : send());
  const err = (name: string) => action.fieldErrors[name];

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={t('care.manufacturer.title')}>
      <Stack gap="sm">
        <Title order={4} fz="md">
          {t('care.manufacturer.title')}
        </Title>
        {list.map((trip) => (
          <Group key={trip.id} gap="xs">
            <Text size="sm" fw={600}>
              {trip.manufacturer} · {t('care.manufacturer.rma')} {trip.rmaNumber}
            </Text>
            <Text size="sm">
              {t('care.manufacturer.expectedBack')}: {format.day(trip.expectedBack)}
            </Text>
            <Text size="xs" c="dimmed">
              {trip.backAt
                ? t('care.manufacturer.returned', { date: format.instant(trip.backAt) })
                : t('care.manufacturer.away', { date: format.instant(trip.sentAt), name: trip.sentByName ?? '?' })}
            </Text>
            {trip.overdue && (
              <Badge color="red" tt="none">
                {t('care.manufacturer.overdue')}
              </Badge>
            )}
          </Group>
        ))}
        {(away !== null || SENDABLE.includes(ticket.status)) && (
          <form
            noValidate
            onKeyDown={keyboardFormKeyDown(submit)}
            onSubmit={(event) => {
              event.preventDefault();
              submit();
            }}
          >
            <Stack gap="sm">
              {away === null && (
                <Group grow align="flex-start">
                  <TextInput label={t('care.manufacturer.rma')} {...form.getInputProps('rmaNumber')} error={err('rmaNumber')} />
                  <TextInput
                    label={t('care.manufacturer.where')}
                    description={t('care.manufacturer.whereHint')}
                    {...form.getInputProps('manufacturer')}
                    error={err('manufacturer')}
                  />
                  <DayInput
                    label={t('care.manufacturer.expectedBack')}
                    value={form.getValues().expectedBack}
                    onChange={(day) => form.setFieldValue('expectedBack', day)}
                    error={err('expectedBack')}
                  />
                </Group>
              )}
              <TextInput label={away ? t('care.manufacturer.backNote') : t('care.manufacturer.note')} {...form.getInputProps('note')} error={err('note')} />
              <Group>
                <Button type="submit" variant="light" loading={action.busy} data-enter-target>
                  {away ? t('care.manufacturer.back') : t('care.manufacturer.send')}
                </Button>
                {action.error && (
                  <Text size="sm" c="red" role="alert">
                    {action.error}
                  </Text>
                )}
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
