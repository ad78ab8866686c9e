// Printing from the ticket page: nothing prints by itself here. The clerk asks
// for one document again, or for extra device labels, and sees what became of
// each (sent, or why not, with Reprint).
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INTAKE_DOCUMENTS, type PrintableDocument, type PrintResult } from '../../../shared/contract';
import type { ContractResult } from '../../../shared/errors';
import { isCancelled, useSignedInCall } from '../session/useSignedInCall';
import { useErrorText } from '../widgets/error-text';

export type TicketPrintState = 'idle' | 'printing' | 'printed' | 'failed';

export interface TicketPrintRow {
  /** The document itself, or "device-label:<caption>" for an extra label. */
  key: string;
  document: PrintableDocument;
  caption: string | null;
  state: TicketPrintState;
  /** Why it did not print, in the interface language. */
  message: string | null;
  /** What the print system said, for support. */
  detail: string | null;
}

/** The contract's limit on captions per call. */
const CAPTIONS_PER_CALL = 10;

const rowKey = (document: PrintableDocument, caption: string | null) => (caption === null ? document : `${document}:${caption}`);

function row(
  document: PrintableDocument,
  caption: string | null,
  state: TicketPrintState,
  message: string | null = null,
  detail: string | null = null,
): TicketPrintRow {
  return { key: rowKey(document, caption), document, caption, state, message, detail };
}

/** Replaces rows by key in place; new rows (extra labels) go last. */
function upsert(rows: TicketPrintRow[], changed: TicketPrintRow[]): TicketPrintRow[] {
  const byKey = new Map(changed.map((r) => [r.key, r]));
  const next = rows.map((r) => byKey.get(r.key) ?? r);
  for (const r of changed) if (!rows.some((existing) => existing.key === r.key)) next.push(r);
  return next;
}

export interface TicketPrinting {
  rows: TicketPrintRow[];
  busy: boolean;
  /** One document again (or one extra label), whatever Settings say about printing after check-in. */
  print(document: PrintableDocument, caption: string | null): Promise<void>;
  /** Extra device labels, one per caption, without the device's own label. */
  printExtraLabels(captions: string[]): Promise<void>;
}

/** `documents`: what the panel offers (the receipt only once the ticket is collected). */
export function useTicketPrinting(number: string, documents: readonly PrintableDocument[] = INTAKE_DOCUMENTS): TicketPrinting {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const signedIn = useSignedInCall();
  const [rows, setRows] = useState<TicketPrintRow[]>(() => documents.map((document) => row(document, null, 'idle')));

  const send = useCallback(
    async (documents: PrintableDocument[], captions: string[]) => {
      const wanted = [
        ...documents.map((document) => ({ document, caption: null as string | null })),
        ...captions.map((caption) => ({ document: 'device-label' as const, caption: caption as string | null })),
      ];
      setRows((current) =>
        upsert(
          current,
          wanted.map(({ document, caption }) => row(document, caption, 'printing')),
        ),
      );
      const sent = await signedIn('printing.printTicket', {
        number,
        documents,
        labelCaptions: captions,
        onlyEnabled: false,
      });
      const outcome: ContractResult<PrintResult[]> = isCancelled(sent)
        ? { ok: false, error: { code: 'forbidden', message: t('errors.field.signed_out') } }
        : sent;
      const settled = wanted.map(({ document, caption }) => {
        if (!outcome.ok) {
          return row(document, caption, 'failed', errorText(outcome.error));
        }
        const result = outcome.data.find((r) => r.document === document && r.caption === caption);
        if (result?.ok) return row(document, caption, 'printed');
        return row(document, caption, 'failed', result?.error?.message || t('errors.print.spooler_error'), result?.error?.detail ?? null);
      });
      setRows((current) => upsert(current, settled));
    },
    [number, t, errorText, signedIn],
  );

  const print = useCallback((document: PrintableDocument, caption: string | null) => (caption === null ? send([document], []) : send([], [caption])), [send]);

  const printExtraLabels = useCallback(
    async (captions: string[]) => {
      for (let start = 0; start < captions.length; start += CAPTIONS_PER_CALL) {
        await send([], captions.slice(start, start + CAPTIONS_PER_CALL));
      }
    },
    [send],
  );

  return { rows, busy: rows.some((r) => r.state === 'printing'), print, printExtraLabels };
}
