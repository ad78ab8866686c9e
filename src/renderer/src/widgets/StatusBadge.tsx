import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TicketStatus } from '../../../shared/domain';

/** Where a status stands: waiting on the shop, waiting on the customer, ready, or closed. */
const COLOUR: Record<TicketStatus, string> = {
  received: 'blue',
  diagnosing: 'blue',
  awaiting_approval: 'orange',
  approved: 'blue',
  declined: 'gray',
  awaiting_parts: 'orange',
  in_repair: 'blue',
  at_manufacturer: 'grape',
  back_from_manufacturer: 'blue',
  testing: 'blue',
  ready: 'teal',
  collected: 'gray',
  unrepairable: 'gray',
  cancelled: 'gray',
};

export function StatusBadge({ status, size = 'sm' }: { status: TicketStatus; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    // A status is read whole ("Ready for collection"): the badge keeps its width rather than cutting the words in a narrow column.
    <Badge
      color={COLOUR[status]}
      variant="light"
      tt="none"
      size={size}
      styles={{ root: { minWidth: 'max-content', overflow: 'visible' }, label: { overflow: 'visible' } }}
    >
      {t(`status.${status}`)}
    </Badge>
  );
}
