// Opens a complaint (投诉) for a customer, optionally about one of their
// repairs: category, reason, severity, owner (a manager unless chosen) and due date.
import { Button, Group, NativeSelect, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { COMPLAINT_CATEGORIES, COMPLAINT_SEVERITIES, type ComplaintCategory, type ComplaintSeverity } from '../../../../shared/customer-care-contract';
import { useDesk } from '../../desk/desk-context';
import { useSignedInCall } from '../../session/useSignedInCall';
import { ActionForm } from '../../widgets/ActionForm';
import { DayInput } from '../../widgets/DayInput';
import { useWorkflowCall } from '../../session/useWorkflowCall';

const FIELDS = ['ticketId', 'category', 'reason', 'severity', 'ownerId', 'dueDate'];

interface Props {
  customerId: number;
  /** The repairs the complaint may be about. */
  tickets: { id: number; label: string }[];
  /** Opened from a repair's page: that repair. */
  initialTicketId?: number | null;
  onOpened(complaintId: number): void;
  onCancel(): void;
}

export function ComplaintOpenForm({ customerId, tickets, initialTicketId = null, onOpened, onCancel }: Props) {
  const { t } = useTranslation();
  const { staff } = useDesk();
  const signedIn = useSignedInCall();
  const action = useWorkflowCall(FIELDS);
  const form = useForm({
    initialValues: {
      ticketId: initialTicketId === null ? '' : String(initialTicketId),
      category: 'quality' as ComplaintCategory,
      reason: '',
      severity: 'medium' as ComplaintSeverity,
      ownerId: '',
      dueDate: '',
    },
  });
  const submit = async () => {
    const v = form.getValues();
    const opened = await action.submit(() =>
      signedIn('complaints.open', {
        customerId,
        ticketId: v.ticketId === '' ? null : Number(v.ticketId),
        category: v.category,
        reason: v.reason,
        severity: v.severity,
        ownerId: v.ownerId === '' ? null : Number(v.ownerId),
        dueDate: v.dueDate === '' ? null : v.dueDate,
      }),
    );
    if (opened) onOpened(opened.id);
  };
  const err = (field: string) => action.fieldErrors[field];
  return (
    <ActionForm title={t('care.complaint.open')} error={action.error} onSubmit={() => void submit()}>
      <Stack gap="sm">
        <Group grow align="flex-start">
          <NativeSelect
            label={t('care.complaint.category')}
            {...form.getInputProps('category')}
            error={err('category')}
            data={COMPLAINT_CATEGORIES.map((value) => ({ value, label: t(`care.category.${value}`) }))}
            autoFocus
          />
          <NativeSelect
            label={t('care.complaint.severity')}
            {...form.getInputProps('severity')}
            error={err('severity')}
            data={COMPLAINT_SEVERITIES.map((value) => ({ value, label: t(`care.severity.${value}`) }))}
          />
          <NativeSelect
            label={t('care.complaint.ticket')}
            {...form.getInputProps('ticketId')}
            error={err('ticketId')}
            data={[{ value: '', label: t('care.page.none') }, ...tickets.map((ticket) => ({ value: String(ticket.id), label: ticket.label }))]}
          />
        </Group>
        <Textarea
          label={t('care.complaint.reason')}
          description={t('care.complaint.reasonHint')}
          {...form.getInputProps('reason')}
          error={err('reason')}
          autosize
          minRows={2}
        />
        <Group grow align="flex-start">
          <NativeSelect
            label={t('care.complaint.owner')}
            {...form.getInputProps('ownerId')}
            error={err('ownerId')}
            data={[
              { value: '', label: t('care.complaint.ownerDefault') },
              ...staff.map((person) => ({ value: String(person.id), label: `${person.name} (${t(`role.${person.role}`)})` })),
            ]}
          />
          <DayInput
            label={t('care.complaint.dueDate')}
            description={t('care.complaint.dueDateHint')}
            value={form.getValues().dueDate}
            onChange={(day) => form.setFieldValue('dueDate', day)}
            error={err('dueDate')}
          />
        </Group>
        <Group>
          <Button type="submit" color="red" loading={action.busy} data-enter-target>
            {t('care.complaint.submitOpen')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('care.complaint.cancel')}
          </Button>
        </Group>
      </Stack>
    </ActionForm>
  );
}
