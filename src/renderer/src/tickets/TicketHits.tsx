// The search's hits, best first: the part of each that matched is marked, so
// the clerk can tell two customers apart at a glance. A click (or Enter in
// the search box) opens the highlighted one.
import { Table, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TicketSearchHit } from '../../../shared/tickets-contract';
import { useFormat } from '../desk/useFormat';
import { StatusBadge } from '../widgets/StatusBadge';
import { MatchMark } from './MatchMark';

interface Props {
  hits: TicketSearchHit[];
  /** The highlighted row's index. */
  active: number;
  /** The text the hits were found for, marked in the field each matched on. */
  matched: string | null;
  onOpen(hit: TicketSearchHit): void;
  onHover(index: number): void;
}

const rowId = (hit: TicketSearchHit) => `ticket-hit-${hit.ticketId}`;

export function TicketHits({ hits, active, matched, onOpen, onHover }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const mark = (hit: TicketSearchHit, field: TicketSearchHit['matchedOn']) => (hit.matchedOn === field ? matched : null);
  return (
    <Table id="ticket-hits" aria-label={t('tickets.results')} highlightOnHover withTableBorder verticalSpacing={6} layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={170}>{t('tickets.column.number')}</Table.Th>
          <Table.Th>{t('tickets.column.customer')}</Table.Th>
          <Table.Th w={150}>{t('tickets.column.phone')}</Table.Th>
          <Table.Th>{t('tickets.column.device')}</Table.Th>
          <Table.Th w={140}>{t('tickets.column.status')}</Table.Th>
          <Table.Th w={200}>{t('tickets.column.dateIn')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {hits.map((hit, index) => {
          const selected = index === active;
          return (
            <Table.Tr
              key={hit.ticketId}
              id={rowId(hit)}
              data-active={selected || undefined}
              bg={selected ? 'var(--mantine-primary-color-light)' : undefined}
              style={{ cursor: 'pointer' }}
              onClick={() => onOpen(hit)}
              onMouseEnter={() => onHover(index)}
            >
              <Table.Td>
                <UnstyledButton
                  ff="monospace"
                  fw={600}
                  c="var(--mantine-primary-color-filled)"
                  aria-label={t('tickets.open', { number: hit.displayNumber })}
                  onClick={(event) => {
                    event.stopPropagation();
                    onOpen(hit);
                  }}
                >
                  <MatchMark text={hit.displayNumber} query={mark(hit, 'number')} digitsOnly />
                </UnstyledButton>
              </Table.Td>
              <Table.Td>
                <MatchMark text={hit.customerName} query={mark(hit, 'name')} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                <MatchMark text={hit.customerPhone} query={mark(hit, 'phone')} digitsOnly />
              </Table.Td>
              <Table.Td>
                {t(`deviceType.${hit.deviceType}`)} · <MatchMark text={`${hit.brand} ${hit.model}`} query={mark(hit, 'model')} />
                {hit.matchedOn === 'serial' && (
                  <Text component="span" size="xs" c="dimmed" display="block">
                    {t('intake.serial')}: <MatchMark text={hit.serial} query={matched} />
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <StatusBadge status={hit.status} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.instant(hit.createdAt)}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
