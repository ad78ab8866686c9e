// One document in a print table: its name, how its print went (and why it
// failed), and the button that fits: Reprint after a failure, Print for one
// turned off in Settings, Print again otherwise; Preview for main documents.
import { Badge, Button, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export type PrintRowState = 'idle' | 'printing' | 'printed' | 'failed' | 'skipped';

const BADGE: Record<Exclude<PrintRowState, 'idle'>, string> = { printing: 'blue', printed: 'teal', failed: 'red', skipped: 'gray' };

interface Props {
  /** The document's name as the clerk reads it (an extra label carries its caption). */
  document: string;
  state: PrintRowState;
  message: string | null;
  detail: string | null;
  /** Extra labels have no preview of their own. */
  canPreview: boolean;
  onPrint(): void;
  onPreview(): void;
}

export function PrintResultRow({ document, state, message, detail, canPreview, onPrint, onPreview }: Props) {
  const { t } = useTranslation();
  const busy = state === 'printing';
  return (
    <Table.Tr>
      <Table.Th scope="row" fw={500}>
        {document}
      </Table.Th>
      <Table.Td>
        <Stack gap={2} aria-live="polite">
          {state !== 'idle' && (
            <Group gap={6} wrap="nowrap">
              {busy && <Loader size={12} />}
              <Badge color={BADGE[state]} variant="light" tt="none">
                {t(`printResult.${state}`)}
              </Badge>
            </Group>
          )}
          {state === 'failed' && message && (
            <Text size="sm" c="red.8" title={detail ?? undefined}>
              {message}
            </Text>
          )}
        </Stack>
      </Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          {state === 'failed' ? (
            <Button size="xs" color="red" aria-label={t('printResult.reprintFor', { document })} onClick={onPrint}>
              {t('printResult.reprint')}
            </Button>
          ) : state === 'skipped' ? (
            <Button size="xs" variant="default" aria-label={t('printResult.printFor', { document })} onClick={onPrint}>
              {t('printResult.print')}
            </Button>
          ) : (
            <Button size="xs" variant="default" disabled={busy} aria-label={t('printResult.printAgainFor', { document })} onClick={onPrint}>
              {t('printResult.printAgain')}
            </Button>
          )}
          {canPreview && (
            <Button size="xs" variant="subtle" aria-label={t('printResult.previewFor', { document })} onClick={onPreview}>
              {t('printResult.preview')}
            </Button>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
