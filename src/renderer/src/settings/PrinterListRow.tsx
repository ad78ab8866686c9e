// The top of the Printing section: Refresh the printers the system knows (a
// printer can be plugged in while the screen is open), what that found, and
// why the printer or paper lists could not be read.
import { Alert, Button, Group, Loader, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrinterList } from '../printing/usePrintingOptions';

interface Props {
  printers: PrinterList;
  presetsFailure: string | null;
  refreshPrinters(): Promise<void>;
}

export function PrinterListRow({ printers, presetsFailure, refreshPrinters }: Props) {
  const { t } = useTranslation();
  const [announceRefresh, setAnnounceRefresh] = useState(false);

  const refresh = async () => {
    await refreshPrinters();
    setAnnounceRefresh(true);
  };

  return (
    <>
      <Group gap="sm" align="center">
        <Button type="button" variant="default" onClick={() => void refresh()} loading={printers.loading}>
          {t('settings.printing.refresh')}
        </Button>
        {printers.loading && !printers.loaded && <Loader size="xs" />}
        <Text size="sm" c="dimmed" role="status">
          {announceRefresh && !printers.loading && !printers.error ? t('settings.printing.refreshed', { count: printers.printers.length }) : ''}
        </Text>
      </Group>
      {printers.error && (
        <Alert color="orange" py={6} role="alert" title={t('settings.printing.listFailed')}>
          {t(`errors.print.${printers.error.code}` as 'errors.print.spooler_error', { defaultValue: printers.error.message })}
        </Alert>
      )}
      {presetsFailure && (
        <Alert color="red" py={6} role="alert">
          {presetsFailure}
        </Alert>
      )}
    </>
  );
}
