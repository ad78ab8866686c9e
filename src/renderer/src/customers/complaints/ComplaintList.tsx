// Complaints in a table with their age and due date; each row opens the complaint.
import { Badge, Button, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ComplaintSummary } from '../../../../shared/customer-care-contract';
import { useFormat } from '../../desk/useFormat';

const SEVERITY_COLOUR = { low: 'gray', medium: 'orange', high: 'red' } as const;
const STATUS_COLOUR = { open: 'red', resolved: 'blue', closed: 'gray' } as const;
// A narrow table must not cut a badge's word or break "3 days" over two lines.
const NO_WRAP = { whiteSpace: 'nowrap' } as const;
const WHOLE_LABEL = { minWidth: 'max-content' } as const;

export function ComplaintList({ complaints, empty, onOpen }: { complaints: ComplaintSummary[]; empty: string; onOpen(id: number): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (complaints.length === 0) return <Text c="dimmed">{empty}</Text>;
  return (
    <Table verticalSpacing="xs" highlightOnHover>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>#</Table.Th>
          <Table.Th>{t('care.complaint.customer')}</Table.Th>
          <Table.Th>{t('care.complaint.category')}</Table.Th>
          <Table.Th>{t('care.complaint.reason')}</Table.Th>
          <Table.Th>{t('care.complaint.severity')}</Table.Th>
          <Table.Th>{t('care.complaint.status')}</Table.Th>
          <Table.Th>{t('care.complaints.age')}</Table.Th>
          <Table.Th>{t('care.complaints.due')}</Table.Th>
          <Table.Th>{t('care.complaints.owner')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {complaints.map((complaint) => (
          <Table.Tr key={complaint.id}>
            <Table.Td>
              <Button size="compact-sm" variant="subtle" aria-label={t('care.complaints.openOne', { id: complaint.id })} onClick={() => onOpen(complaint.id)}>
                #{complaint.id}
              </Button>
            </Table.Td>
            <Table.Td>
              {complaint.customerName}
              {complaint.displayNumber && (
                <Text size="xs" c="dimmed">
                  {complaint.displayNumber}
                </Text>
              )}
            </Table.Td>
            <Table.Td>{t(`care.category.${complaint.category}`)}</Table.Td>
            <Table.Td maw={260}>{complaint.reason}</Table.Td>
            <Table.Td style={NO_WRAP}>
              <Badge color={SEVERITY_COLOUR[complaint.severity]} variant="light" tt="none" style={WHOLE_LABEL}>
                {t(`care.severity.${complaint.severity}`)}
              </Badge>
            </Table.Td>
            <Table.Td style={NO_WRAP}>
              <Badge color={STATUS_COLOUR[complaint.status]} variant="light" tt="none" style={WHOLE_LABEL}>
                {t(`care.status.${complaint.status}`)}
              </Badge>
            </Table.Td>
            <Table.Td style={NO_WRAP}>{t('care.complaints.ageDays', { count: complaint.ageDays })}</Table.Td>
            <Table.Td>
              {format.day(complaint.dueDate)}{' '}
              {complaint.overdue && (
                <Badge color="red" tt="none">
                  {t('care.complaints.overdue')}
                </Badge>
              )}
            </Table.Td>
            <Table.Td>{complaint.ownerName}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
