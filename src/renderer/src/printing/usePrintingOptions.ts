// What the Printing settings choose from: the paper presets (fixed) and the
// printers the system knows (refreshable, since a printer can be plugged in
// while the screen is open).
import { useCallback, useEffect, useState } from 'react';
import type { PaperPresetView, PrinterListView } from '../../../shared/contract';
import { invoke } from '../api';

export interface PrinterList extends PrinterListView {
  /** False until the first answer. */
  loaded: boolean;
  /** True while asking (first load or Refresh). */
  loading: boolean;
  /** Bumped on each answer, so a Refresh can announce its result. */
  version: number;
}

export function usePrintingOptions() {
  const [presets, setPresets] = useState<PaperPresetView[]>([]);
  const [presetsFailure, setPresetsFailure] = useState<string | null>(null);
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

  useEffect(() => {
    let live = true;
    void invoke('printing.presets', {}).then((result) => {
      if (!live) return;
      if (result.ok) setPresets(result.data);
      setPresetsFailure(result.ok ? null : result.error.message || result.error.code);
    });
    void refreshPrinters();
    return () => {
      live = false;
    };
  }, [refreshPrinters]);

  return { presets, presetsFailure, printers, refreshPrinters };
}
