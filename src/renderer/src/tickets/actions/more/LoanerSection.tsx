// 备机: a loaner unit lent to the customer while their device is in repair, and
// recorded back when they return it (usually at collection).
import { Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoanView, TicketWorkflow } from '../../../../../shared/repair-contract';
import { useFormat } from '../../../desk/useFormat';
import { useSignedInCall } from '../../../session/useSignedInCall';
import { required } from '../../../forms/required';
import { ActionCard } from '../../../widgets/ActionCard';
import { useAvailableLoaners } from './useAvailableLoaners';
import { useWorkflowCall } from '../../../session/useWorkflowCall';

interface Props {
  workflow: TicketWorkflow;
  onChanged(next: TicketWorkflow): void;
}

function loanerName(loan: LoanView): string {
  return loan.loanerSerial ? `${loan.loanerName} (${loan.loanerSerial})` : loan.loanerName;
}

function OpenLoan({ loan, canReturn, onChanged }: { loan: LoanView; canReturn: boolean; onChanged(next: TicketWorkflow): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const run = useSignedInCall();
  const call = useWorkflowCall(['note']);
  const [note, setNote] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const next = await call.submit(() => run('loans.return', { loanId: loan.id, note }));
    if (next !== null) onChanged(next);
  };

  return (
    <Stack gap={6} data-testid="open-loan">
      <Text size="sm">
        <strong>{t('ticketMore.loaner.onLoan')}:</strong> {loanerName(loan)} ·{' '}
        {t('ticketMore.loaner.lent', { date: format.instant(loan.lentAt), name: loan.lentByName ?? '—' })}
        {loan.lendNote ? ` · ${loan.lendNote}` : ''}
      </Text>
      {canReturn ? (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              label={t('ticketMore.loaner.returnNote')}
              placeholder={t('ticketMore.loaner.returnNoteHint')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              error={call.fieldErrors.note}
              style={{ flex: 1, minWidth: 220 }}
            />
            <Button type="submit" loading={call.busy}>
              {t('ticketMore.loaner.returnSubmit')}
            </Button>
          </Group>
        </form>
      ) : null}
      {call.error ? (
        <Text size="sm" c="red" role="alert">
          {call.error}
        </Text>
      ) : null}
    </Stack>
  );
}

function LendForm({ workflow, onChanged }: Props) {
  const { t } = useTranslation();
  const run = useSignedInCall();
  const call = useWorkflowCall(['loanerId', 'note']);
  const loansKey = workflow.loans.map((l) => `${l.id}:${l.returnedAt ?? ''}`).join(',');
  const available = useAvailableLoaners(loansKey);
  const [loanerId, setLoanerId] = useState('');
  const [note, setNote] = useState('');

  if (available.state === 'loading') return null;
  if (available.state === 'failed') {
    return (
      <Text size="sm" c="red" role="alert">
        {t('ticketMore.loaner.loadFailed')}
      </Text>
    );
  }
  if (available.loaners.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('ticketMore.loaner.noneAvailable')}
      </Text>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const next = await call.submit(() => run('loans.lend', { ticketId: workflow.ticketId, loanerId: Number(loanerId) || 0, note }));
    if (next === null) return;
    setLoanerId('');
    setNote('');
    onChanged(next);
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="sm">
        <NativeSelect
          label={t('ticketMore.loaner.loaner')}
          value={loanerId}
          onChange={(e) => {
            setLoanerId(e.currentTarget.value);
            call.clearField('loanerId');
          }}
          data={[
            { value: '', label: t('ticketMore.loaner.choose') },
            ...available.loaners.map((l) => ({ value: String(l.id), label: l.serial ? `${l.name} (${l.serial})` : l.name })),
          ]}
          error={call.fieldErrors.loanerId}
          {...required()}
          maw={320}
        />
        <TextInput
          label={t('ticketMore.loaner.note')}
          description={t('ticketMore.loaner.noteHint')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={call.fieldErrors.note}
        />
      </Stack>
      <Group justify="flex-end" mt="sm">
        <Button type="submit" loading={call.busy}>
          {t('ticketMore.loaner.submit')}
        </Button>
      </Group>
      {call.error ? (
        <Text size="sm" c="red" role="alert" mt="xs">
          {call.error}
        </Text>
      ) : null}
    </form>
  );
}

export function LoanerSection({ workflow, onChanged }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const open = workflow.loans.filter((l) => l.returnedAt === null);
  const past = workflow.loans.filter((l) => l.returnedAt !== null);
  // One loaner per ticket at a time: lending another waits until this one is back.
  const canLend = workflow.actions.includes('loans.lend') && open.length === 0;
  const canReturn = workflow.actions.includes('loans.return');

  return (
    <ActionCard title={t('ticketMore.loaner.title')}>
      {open.map((loan) => (
        <OpenLoan key={loan.id} loan={loan} canReturn={canReturn} onChanged={onChanged} />
      ))}
      {canLend ? <LendForm workflow={workflow} onChanged={onChanged} /> : null}
      {past.length > 0 ? (
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            {t('ticketMore.loaner.past')}
          </Text>
          {past.map((loan) => (
            <Text size="sm" key={loan.id} c="dimmed">
              {loanerName(loan)} · {t('ticketMore.loaner.returned', { date: format.instant(loan.returnedAt!), name: loan.returnedByName ?? '—' })}
              {loan.returnNote ? ` · ${loan.returnNote}` : ''}
            </Text>
          ))}
        </Stack>
      ) : null}
    </ActionCard>
  );
}
