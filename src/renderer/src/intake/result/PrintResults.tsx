// What became of each document of one ticket: sent to the printer, off in
// Settings, or not printed (with why, and Reprint); Print again and Preview
// for each, and extra device labels for the accessories left with the device.
import { Alert, Badge, Button, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintableDocument } from '../../../../shared/contract';
import { invoke } from '../../api';
import type { CheckInPrinting, PrintRow, PrintState } from './useCheckInPrinting';

const BADGE: Record<PrintState, string> = { printing: 'blue', printed: 'teal', failed: 'red', skipped: 'gray' };

interface Props {
  number: string;
  printing: CheckInPrinting;
  /** Captions of the extra labels: the accessories handed over, translated. */
  accessoryCaptions: string[];
}

export function PrintResults({ number, printing, accessoryCaptions }: Props) {
  const { t } = useTranslation();
  const rows = printing.rows(number);
  const [previewFailed, setPreviewFailed] = useState<string | null>(null);
  const anyFailed = rows.some((row) => row.state === 'failed');
  const extraBusy = rows.some((row) => row.caption !== null && row.state === 'printing');

  const name = (row: PrintRow) =>
    row.caption === null ? t(`printResult.documents.${row.document}`) : t('printResult.extraLabel', { caption: row.caption });

  const preview = async (document: PrintableDocument) => {
    setPreviewFailed(null);
    const result = await invoke('printing.preview', { number, document });
    if (!result.ok) setPreviewFailed(result.error.message || t(`errors.${result.error.code}` as 'errors.internal'));
  };

  return (
    <Stack gap="xs">
      <Table
        aria-label={t('printResult.documentsFor', { number })}
        verticalSpacing={6}
        horizontalSpacing="sm"
        withTableBorder
        layout="fixed"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="26%">{t('printResult.document')}</Table.Th>
            <Table.Th>{t('printResult.result')}</Table.Th>
            <Table.Th w={250}>{t('printResult.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            const document = name(row);
            const busy = row.state === 'printing';
            return (
              <Table.Tr key={row.key}>
                <Table.Th scope="row" fw={500}>
                  {document}
                </Table.Th>
                <Table.Td>
                  <Stack gap={2} aria-live="polite">
                    <Group gap={6} wrap="nowrap">
                      {busy && <Loader size={12} />}
                      <Badge color={BADGE[row.state]} variant="light" tt="none">
                        {t(`printResult.${row.state}`)}
                      </Badge>
                    </Group>
                    {row.state === 'failed' && row.message && (
                      <Text size="sm" c="red.8" title={row.detail ?? undefined}>
                        {row.message}
                      </Text>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    {row.state === 'failed' ? (
                      <Button
                        size="xs"
                        color="red"
                        aria-label={t('printResult.reprintFor', { document })}
                        onClick={() => void printing.print(number, row.document, row.caption)}
                      >
                        {t('printResult.reprint')}
                      </Button>
                    ) : row.state === 'skipped' ? (
                      <Button size="xs" variant="default" aria-label={t('printResult.printFor', { document })} onClick={() => void printing.print(number, row.document, row.caption)}>
                        {t('printResult.print')}
                      </Button>
                    ) : (
                      <Button
                        size="xs"
                        variant="default"
                        disabled={busy}
                        aria-label={t('printResult.printAgainFor', { document })}
                        onClick={() => void printing.print(number, row.document, row.caption)}
                      >
                        {t('printResult.printAgain')}
                      </Button>
                    )}
                    {row.caption === null && (
                      <Button size="xs" variant="subtle" aria-label={t('printResult.previewFor', { document })} onClick={() => void preview(row.document)}>
                        {t('printResult.preview')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {anyFailed && (
        <Text size="sm" c="dimmed">
          {t('printResult.savedAnyway')}
        </Text>
      )}
      {previewFailed && (
        <Alert color="red" p="xs">
          {t('printResult.previewFailed')} {previewFailed}
        </Alert>
      )}
      {accessoryCaptions.length > 0 && (
        <Group gap="sm" wrap="nowrap">
          <Button
            size="xs"
            variant="light"
            disabled={extraBusy}
            aria-label={t('printResult.extraLabelsFor', { number })}
            onClick={() => void printing.printExtraLabels(number, accessoryCaptions)}
          >
            {t('printResult.extraLabels')}
          </Button>
          <Text size="sm" c="dimmed">
            {t('printResult.extraLabelsHint', { accessories: accessoryCaptions.join(t('printResult.listSeparator')) })}
          </Text>
        </Group>
      )}
    </Stack>
  );
}
