// The ticket page's Print panel: each document again or as a preview, and
// extra device labels for the accessories left with the device (or any other
// caption the clerk types), each with what became of it.
import { Alert, Button, Checkbox, Fieldset, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INTAKE_DOCUMENTS, PRINTABLE_DOCUMENTS, type PrintableDocument, type TicketDetail } from '../../../shared/contract';
import { invoke } from '../api';
import { useTicketPrinting, type TicketPrintRow } from '../printing/useTicketPrinting';
import { PrintResultRow } from '../printing/PrintResultRow';
import { useErrorText } from '../widgets/error-text';

const CAPTION_MAX = 40;

export function TicketPrintPanel({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const number = ticket.displayNumber;
  // The receipt is the record of a collection: offered once the ticket is collected.
  const printing = useTicketPrinting(number, ticket.status === 'collected' ? PRINTABLE_DOCUMENTS : INTAKE_DOCUMENTS);
  const [preview, setPreview] = useState<{ ok: boolean; text: string } | null>(null);
  const accessories = ticket.accessories.map((code) => ({ code, caption: t(`accessory.${code}` as 'accessory.charger') }));
  const [chosen, setChosen] = useState<string[]>(() => ticket.accessories);
  const [caption, setCaption] = useState('');
  const [captionMissing, setCaptionMissing] = useState(false);

  const name = (row: TicketPrintRow) =>
    row.caption === null ? t(`printResult.documents.${row.document}`) : t('printResult.extraLabel', { caption: row.caption });

  const openPreview = async (document: PrintableDocument) => {
    setPreview(null);
    const result = await invoke('printing.preview', { number, document });
    const documentName = t(`printResult.documents.${document}`);
    setPreview(
      result.ok
        ? { ok: true, text: t('tickets.print.previewOpened', { document: documentName }) }
        : { ok: false, text: `${t('printResult.previewFailed')} ${errorText(result.error)}` },
    );
  };

  const printExtra = async () => {
    const captions = [...accessories.filter((a) => chosen.includes(a.code)).map((a) => a.caption), caption.trim()].filter(Boolean);
    if (captions.length === 0) return setCaptionMissing(true);
    setCaptionMissing(false);
    await printing.printExtraLabels([...new Set(captions)]);
    setCaption('');
  };

  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-labelledby="ticket-print-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="ticket-print-title">
          {t('tickets.print.title')}
        </Title>
        <Table aria-label={t('printResult.documentsFor', { number })} verticalSpacing={6} horizontalSpacing="sm" withTableBorder layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="30%">{t('printResult.document')}</Table.Th>
              <Table.Th>{t('printResult.result')}</Table.Th>
              <Table.Th w={230}>{t('printResult.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {printing.rows.map((row) => (
              <PrintResultRow
                key={row.key}
                document={name(row)}
                state={row.state}
                message={row.message}
                detail={row.detail}
                canPreview={row.caption === null}
                onPrint={() => void printing.print(row.document, row.caption)}
                onPreview={() => void openPreview(row.document)}
              />
            ))}
          </Table.Tbody>
        </Table>
        {printing.rows.some((row) => row.state === 'failed') && (
          <Text size="sm" c="dimmed">
            {t('tickets.print.fixPrinter')}
          </Text>
        )}
        {preview && (
          <Alert
            color={preview.ok ? 'gray' : 'red'}
            p="xs"
            role={preview.ok ? 'status' : 'alert'}
            withCloseButton
            closeButtonLabel={t('tickets.print.dismiss')}
            onClose={() => setPreview(null)}
          >
            {preview.text}
          </Alert>
        )}

        <Fieldset legend={t('tickets.print.extraTitle')} variant="filled" p="sm">
          <Stack gap="xs">
            <Text size="sm" c="dimmed">
              {t('tickets.print.extraHint')}
            </Text>
            {accessories.length > 0 ? (
              <Checkbox.Group value={chosen} onChange={setChosen} aria-label={t('tickets.print.extraAccessories')}>
                <Group gap="md">
                  {accessories.map((a) => (
                    <Checkbox key={a.code} value={a.code} label={a.caption} />
                  ))}
                </Group>
              </Checkbox.Group>
            ) : (
              <Text size="sm">{t('tickets.print.noAccessories')}</Text>
            )}
            <Group gap="sm" align="flex-end" wrap="nowrap">
              <TextInput
                label={t('tickets.print.otherCaption')}
                placeholder={t('tickets.print.otherCaptionPlaceholder')}
                value={caption}
                maxLength={CAPTION_MAX}
                w={300}
                error={captionMissing ? t('tickets.print.nothingChosen') : undefined}
                onChange={(event) => {
                  setCaption(event.currentTarget.value);
                  setCaptionMissing(false);
                }}
                onKeyDown={(event) => {
                  if (event.key === 'Enter' && !event.nativeEvent.isComposing && event.keyCode !== 229) {
                    event.preventDefault();
                    void printExtra();
                  }
                }}
              />
              <Button variant="light" disabled={printing.busy} onClick={() => void printExtra()}>
                {t('tickets.print.printExtra')}
              </Button>
            </Group>
          </Stack>
        </Fieldset>
      </Stack>
    </Paper>
  );
}
