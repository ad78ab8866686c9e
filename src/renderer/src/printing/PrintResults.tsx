// What became of each document of one ticket: sent to the printer, off in
// Settings, or not printed (with why, and Reprint); Print again and Preview
// for each, and extra device labels for the accessories left with the device.
import { Alert, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintableDocument } from '../../../shared/contract';
import { invoke } from '../api';
import type { CheckInPrinting, PrintRow } from './useCheckInPrinting';
import { PrintResultRow } from './PrintResultRow';
import { useErrorText } from '../widgets/error-text';

interface Props {
  number: string;
  printing: CheckInPrinting;
  /** Captions of the extra labels: the accessories handed over, translated. */
  accessoryCaptions: string[];
}

export function PrintResults({ number, printing, accessoryCaptions }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const rows = printing.rows(number);
  const [previewFailed, setPreviewFailed] = useState<string | null>(null);
  const anyFailed = rows.some((row) => row.state === 'failed');
  const extraBusy = rows.some((row) => row.caption !== null && row.state === 'printing');

  const name = (row: PrintRow) => (row.caption === null ? t(`printResult.documents.${row.document}`) : t('printResult.extraLabel', { caption: row.caption }));

  const preview = async (document: PrintableDocument) => {
    setPreviewFailed(null);
    const result = await invoke('printing.preview', { number, document });
    if (!result.ok) setPreviewFailed(errorText(result.error));
  };

  return (
    <Stack gap="xs">
      <Table aria-label={t('printResult.documentsFor', { number })} verticalSpacing={6} horizontalSpacing="sm" withTableBorder layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="26%">{t('printResult.document')}</Table.Th>
            <Table.Th>{t('printResult.result')}</Table.Th>
            <Table.Th w={250}>{t('printResult.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <PrintResultRow
              key={row.key}
              document={name(row)}
              state={row.state}
              message={row.message}
              detail={row.detail}
              canPreview={row.caption === null}
              onPrint={() => void printing.print(number, row.document, row.caption)}
              onPreview={() => void preview(row.document)}
            />
          ))}
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
