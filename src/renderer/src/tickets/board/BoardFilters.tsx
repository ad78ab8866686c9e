// The board's filters: status chips with their counts, a technician, and
// "My tickets" for whoever is signed in at this counter.
import { Chip, Group, NativeSelect, Switch } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TicketStatus } from '../../../../shared/domain';
import type { TicketBoard } from '../../../../shared/tickets-contract';
import { useDesk } from '../../desk/desk-context';
import { BOARD_STATUSES } from './board-statuses';

interface Props {
  statuses: TicketStatus[];
  onStatuses(statuses: TicketStatus[]): void;
  counts: TicketBoard['countsByStatus'];
  technicianId: number | null;
  onTechnician(id: number | null): void;
  mine: boolean;
  /** Who "My tickets" means; null when nobody is signed in. */
  mineName: string | null;
  onMine(on: boolean): void;
}

export function BoardFilters({ statuses, onStatuses, counts, technicianId, onTechnician, mine, mineName, onMine }: Props) {
  const { t } = useTranslation();
  const { staff } = useDesk();
  const technicians = staff.filter((person) => person.role !== 'clerk');
  const total = Object.values(counts).reduce((sum, n) => sum + (n ?? 0), 0);
  return (
    <Group gap="sm" align="flex-end" role="group" aria-label={t('board.filters')}>
      <Group gap={6} role="group" aria-label={t('board.statusFilter')} style={{ flex: '1 1 100%' }}>
        <Chip size="xs" variant="outline" checked={statuses.length === 0} onChange={() => onStatuses([])}>
          {t('board.statusCount', { status: t('board.allOpen'), count: total })}
        </Chip>
        <Chip.Group multiple value={statuses} onChange={(value) => onStatuses(value as TicketStatus[])}>
          {BOARD_STATUSES.map((status) => (
            <Chip key={status} size="xs" variant="outline" value={status}>
              {t('board.statusCount', { status: t(`status.${status}`), count: counts[status] ?? 0 })}
            </Chip>
          ))}
        </Chip.Group>
      </Group>
      <NativeSelect
        label={t('board.technician')}
        size="sm"
        w={220}
        disabled={mine}
        value={mine ? '' : String(technicianId ?? '')}
        onChange={(event) => onTechnician(event.currentTarget.value === '' ? null : Number(event.currentTarget.value))}
        data={[
          { value: '', label: mine && mineName ? mineName : t('board.anyTechnician') },
          ...technicians.map((person) => ({ value: String(person.id), label: person.name })),
        ]}
      />
      <Switch
        label={t('board.mine')}
        description={mineName === null ? t('board.mineSignedOut') : undefined}
        checked={mine}
        onChange={(event) => onMine(event.currentTarget.checked)}
        mb={mineName === null ? 0 : 8}
      />
    </Group>
  );
}
