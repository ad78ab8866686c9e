// What the Printing settings choose from: the paper presets (fixed) and the
// printers the system knows (refreshable, since a printer can be plugged in
// while the screen is open).
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaperPresetView, PrinterListView } from '../../../shared/contract';
import { call, invoke } from '../api';
import { loadFailure, useLoaded } from '../widgets/useLoaded';

export interface PrinterList extends PrinterListView {
  /** False until the first answer. */
  loaded: boolean;
  /** True while asking (first load or Refresh). */
  loading: boolean;
  /** Bumped on each answer, so a Refresh can announce its result. */
  version: number;
}

export function usePrintingOptions() {
  const { t } = useTranslation();
  const [presetList] = useLoaded(
    () => call('printing.presets', {}),
    (error) => loadFailure(t, error),
  );
  const presets: PaperPresetView[] = presetList.state === 'done' ? presetList.data : [];
  const presetsFailure = presetList.state === 'failed' ? presetList.message : null;
  const [printers, setPrinters] = useState<PrinterList>({ printers: [], error: null, loaded: false, loading: true, version: 0 });

  const refreshPrinters = useCallback(async () => {
    setPrinters((current) => ({ ...current, loading: true }));
    const result = await invoke('printing.printers', {});
    setPrinters((current) => ({
      ...(result.ok ? result.data : { printers: current.printers, error: { code: result.error.code, message: result.error.message } }),
      loaded: true,
      loading: false,
      version: current.version + 1,
    }));
  }, []);

  // The printers are not a plain load: Refresh keeps the last list on screen while it asks again.
  useEffect(() => {
    void refreshPrinters();
  }, [refreshPrinters]);

  return { presets, presetsFailure, printers, refreshPrinters };
}
