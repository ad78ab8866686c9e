// The documents of freshly checked-in tickets: printed once right after the
// check-in (the tickets are already stored, so a slow or broken printer never
// holds up the ticket number), then printed again, reprinted after a failure,
// or extra labels, on the clerk's request.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INTAKE_DOCUMENTS, type PrintableDocument, type PrintResult } from '../../../shared/contract';
import type { ContractResult } from '../../../shared/errors';
import { isCancelled, useSignedInCall } from '../session/useSignedInCall';
import { useErrorText } from '../widgets/error-text';

export type PrintState = 'printing' | 'printed' | 'failed' | 'skipped';

export interface PrintRow {
  /** The document itself, or "device-label:<caption>" for an extra label. */
  key: string;
  document: PrintableDocument;
  /** An extra label's caption (an accessory); null for the document itself. */
  caption: string | null;
  state: PrintState;
  /** Why it did not print, in the interface language. */
  message: string | null;
  /** What the print system said (English, for support). */
  detail: string | null;
}

interface PrintRequest {
  documents: PrintableDocument[];
  labelCaptions: string[];
  onlyEnabled: boolean;
}

/** At most this many captions per call (the contract's limit). */
const CAPTIONS_PER_CALL = 10;

function rowKey(document: PrintableDocument, caption: string | null): string {
  return caption === null ? document : `${document}:${caption}`;
}

function pendingRow(document: PrintableDocument, caption: string | null): PrintRow {
  return { key: rowKey(document, caption), document, caption, state: 'printing', message: null, detail: null };
}

/** Rows a request covers: each document, and one extra device label per caption. */
function requestedRows(request: PrintRequest): { document: PrintableDocument; caption: string | null }[] {
  return [
    ...request.documents.map((document) => ({ document, caption: null })),
    ...request.labelCaptions.map((caption) => ({ document: 'device-label' as const, caption })),
  ];
}

/** Replaces rows by key, keeping their place; new rows (extra labels) go last. */
function upsert(rows: PrintRow[], changed: PrintRow[]): PrintRow[] {
  const byKey = new Map(changed.map((row) => [row.key, row]));
  const next = rows.map((row) => byKey.get(row.key) ?? row);
  for (const row of changed) if (!rows.some((existing) => existing.key === row.key)) next.push(row);
  return next;
}

export type TicketPrints = Record<string, PrintRow[]>;

export interface CheckInPrinting {
  rows(number: string): PrintRow[];
  /** Prints one document (or one extra label) again, whether or not it is enabled in Settings. */
  print(number: string, document: PrintableDocument, caption: string | null): Promise<void>;
  /** One more device label per caption (the accessories left with the device). */
  printExtraLabels(number: string, captions: string[]): Promise<void>;
}

export function useCheckInPrinting(numbers: string[]): CheckInPrinting {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const signedIn = useSignedInCall();
  const [prints, setPrints] = useState<TicketPrints>(() =>
    Object.fromEntries(numbers.map((number) => [number, INTAKE_DOCUMENTS.map((document) => pendingRow(document, null))])),
  );

  const settle = useCallback(
    (number: string, request: PrintRequest, outcome: ContractResult<PrintResult[]>) => {
      const rows = requestedRows(request).map(({ document, caption }): PrintRow => {
        const key = rowKey(document, caption);
        if (!outcome.ok) {
          const message = errorText(outcome.error);
          return { key, document, caption, state: 'failed', message, detail: null };
        }
        const result = outcome.data.find((r) => r.document === document && r.caption === caption);
        // After check-in only the documents enabled in Settings print; the others are left out.
        if (!result) return { key, document, caption, state: request.onlyEnabled ? 'skipped' : 'failed', message: null, detail: null };
        if (result.ok) return { key, document, caption, state: 'printed', message: null, detail: null };
        return {
          key,
          document,
          caption,
          state: 'failed',
          message: result.error?.message || t('errors.print.spooler_error'),
          detail: result.error?.detail ?? null,
        };
      });
      setPrints((current) => ({ ...current, [number]: upsert(current[number] ?? [], rows) }));
    },
    [t, errorText],
  );

  const send = useCallback(
    async (number: string, request: PrintRequest) => {
      const pending = requestedRows(request).map(({ document, caption }) => pendingRow(document, caption));
      setPrints((current) => ({ ...current, [number]: upsert(current[number] ?? [], pending) }));
      const outcome = await signedIn('printing.printTicket', { number, ...request });
      settle(number, request, isCancelled(outcome) ? { ok: false, error: { code: 'forbidden', message: t('errors.field.signed_out') } } : outcome);
    },
    [settle, signedIn, t],
  );

  // Once, right after the check-in, one call per ticket in ticket order (so the
  // labels come out of the printer in the order the numbers are shown). The
  // ref keeps React's development double effects from printing twice.
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void (async () => {
      for (const number of numbers) {
        // Check-in prints the intake documents only; the receipt is printed at collection.
        await send(number, { documents: [...INTAKE_DOCUMENTS], labelCaptions: [], onlyEnabled: true });
      }
    })();
  }, [numbers, send]);

  const rows = useCallback((number: string) => prints[number] ?? [], [prints]);
  const print = useCallback(
    (number: string, document: PrintableDocument, caption: string | null) =>
      send(
        number,
        caption === null ? { documents: [document], labelCaptions: [], onlyEnabled: false } : { documents: [], labelCaptions: [caption], onlyEnabled: false },
      ),
    [send],
  );
  const printExtraLabels = useCallback(
    async (number: string, captions: string[]) => {
      for (let start = 0; start < captions.length; start += CAPTIONS_PER_CALL) {
        // Just the extra labels: the device's own label is not printed again.
        await send(number, { documents: [], labelCaptions: captions.slice(start, start + CAPTIONS_PER_CALL), onlyEnabled: false });
      }
    },
    [send],
  );
  return { rows, print, printExtraLabels };
}
