// After the hand-over: the repair warranty's end, and the receipt, printed at
// once. The collection is already stored, so a printer that fails loses
// nothing: the row says why, with Reprint and Preview.
import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CollectionResult } from '../../../shared/collection-contract';
import { useFormat } from '../desk/useFormat';
import { PrintResults } from '../printing/PrintResults';
import type { CheckInPrinting } from '../printing/useCheckInPrinting';
import { useTicketPrinting } from '../printing/useTicketPrinting';

interface Props {
  result: CollectionResult;
  onNext(): void;
}

/** The receipt's row of the ticket page's printing, in the shape the check-in result table reads. */
function useReceiptPrinting(number: string): CheckInPrinting {
  const printing = useTicketPrinting(number);
  const { print } = printing;
  // Once, right away; the ref keeps React's development double effects from printing twice.
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void print('receipt', null);
  }, [print]);
  return {
    // Until the first answer comes back the receipt is on its way ("idle" only before the effect ran).
    rows: () => printing.rows.filter((row) => row.document === 'receipt').map((row) => ({ ...row, state: row.state === 'idle' ? 'printing' : row.state })),
    print: (_number, document, caption) => printing.print(document, caption),
    printExtraLabels: async () => {},
  };
}

export function CollectedPanel({ result, onNext }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const receipt = useReceiptPrinting(result.receipt.number);
  const view = result.view;

  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-labelledby="collection-done-title">
      <Stack gap="sm">
        <Alert color="teal" role="status">
          <Stack gap={4}>
            <Title order={3} size="h4" id="collection-done-title">
              {t('collection.done.title', { number: result.displayNumber })}
            </Title>
            <Text fw={600}>
              {result.repairWarrantyUntil
                ? t('collection.done.warranty', { date: format.day(result.repairWarrantyUntil), days: view.repairWarrantyDays })
                : t('collection.done.noWarranty')}
            </Text>
            <Text size="sm">
              {view.customer.name} · {t(`deviceType.${view.device.type}`)} · {view.device.brand} {view.device.model}
            </Text>
          </Stack>
        </Alert>
        <Title order={4} size="h6">
          {t('collection.done.receipt')}
        </Title>
        <PrintResults number={result.receipt.number} printing={receipt} accessoryCaptions={[]} />
        <Group>
          <Button variant="default" onClick={onNext}>
            {t('collection.done.next')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
