// A part's stock ledger, newest first: every restock, draw, old part back and correction.
import { Alert, Loader, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StockMoveView } from '../../../shared/repair-contract';
import { useFormat } from '../desk/useFormat';
import type { Loaded } from '../widgets/useLoaded';

/** Main books a new part's shelf quantity with this fixed note; show it in the desk's language. */
const OPENING_STOCK_NOTE = 'opening stock';

export function StockMoves({ moves }: { moves: Loaded<StockMoveView[]> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const noteText = (move: StockMoveView) => (move.reason === 'restock' && move.note === OPENING_STOCK_NOTE ? t('stock.moves.openingStock') : move.note);
  if (moves.state === 'loading') return <Loader size="sm" aria-label={t('app.loading')} />;
  if (moves.state === 'failed') {
    return (
      <Alert color="red" p="xs" role="alert">
        {moves.message}
      </Alert>
    );
  }
  if (moves.data.length === 0) return <Text c="dimmed">{t('stock.moves.empty')}</Text>;
  return (
    <Table aria-label={t('stock.moves.title')} withTableBorder verticalSpacing={4} fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('stock.moves.at')}</Table.Th>
          <Table.Th>{t('stock.moves.reason')}</Table.Th>
          <Table.Th ta="right">{t('stock.moves.qty')}</Table.Th>
          <Table.Th>{t('stock.moves.ticket')}</Table.Th>
          <Table.Th>{t('stock.moves.by')}</Table.Th>
          <Table.Th>{t('stock.moves.note')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {moves.data.map((move) => (
          <Table.Tr key={move.id}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.instant(move.at)}</Table.Td>
            <Table.Td>{t(`workflow.stockMoveReason.${move.reason}`)}</Table.Td>
            <Table.Td ta="right" fw={600} c={move.qtyDelta < 0 ? 'red.8' : 'teal.8'} style={{ fontVariantNumeric: 'tabular-nums' }}>
              {move.qtyDelta > 0 ? `+${move.qtyDelta}` : move.qtyDelta}
            </Table.Td>
            <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
              {move.ticketDisplayNumber ?? '—'}
            </Table.Td>
            <Table.Td>
              {move.staffName ?? '—'}
              {move.approvedByName && move.approvedByName !== move.staffName && (
                <Text component="span" size="xs" c="dimmed" display="block">
                  {t('stock.moves.approvedBy', { name: move.approvedByName })}
                </Text>
              )}
            </Table.Td>
            <Table.Td>{noteText(move)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
