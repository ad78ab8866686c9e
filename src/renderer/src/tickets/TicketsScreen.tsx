// The Tickets screen: search (with nothing typed, the open tickets board),
// then one ticket's page. It stays mounted while the clerk is on another
// screen, so the search and the open ticket are still there on return (and
// fetched fresh).
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { barcodeText } from '../../../shared/ticket-number';
import type { TicketRef } from '../../../shared/repair-contract';
import { useScanAnywhere } from '../forms/useScanAnywhere';
import { TicketBoard } from './board/TicketBoard';
import { OpenTicketContext } from './actions/more/open-ticket';
import { TicketPage } from './TicketPage';
import { TicketSearch } from './TicketSearch';
import { useTicketSearch } from './useTicketSearch';

interface Props {
  active: boolean;
  /** Bumped by the search shortcut (Ctrl+F / F3): back to the search box, ready to type or scan. */
  focusSearchKey: number;
  /** A repair to open, asked for by another screen (a customer's page); a new key asks again. */
  openRequest?: { number: number; key: number } | null;
  /** A claim ticket scanned elsewhere in the desk: its page opens (serial: each scan anew). */
  scanned?: { number: string; serial: number } | null;
}

export function TicketsScreen({ active, focusSearchKey, openRequest = null, scanned = null }: Props) {
  const { t } = useTranslation();
  const search = useTicketSearch((code, message) => message || t(`errors.${code}` as 'errors.internal'));
  const [open, setOpen] = useState<string | null>(null);
  const [shown, setShown] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);

  /** Focuses the search box once the list is back on screen; `always` re-selects its text even when it has focus. */
  const focusSearch = useCallback((always: boolean) => {
    requestAnimationFrame(() => {
      const input = inputRef.current;
      if (!input || (!always && document.activeElement === input)) return;
      input.focus();
      input.select();
    });
  }, []);

  // Each time the screen is shown: fresh data, and the search box ready when no ticket is open.
  const { refresh } = search;
  useEffect(() => {
    if (!active) return;
    setShown((n) => n + 1);
    refresh();
  }, [active, refresh]);

  useEffect(() => {
    if (active && open === null) focusSearch(false);
  }, [active, open, focusSearch]);

  useEffect(() => {
    if (focusSearchKey === 0) return;
    setOpen(null);
    focusSearch(true);
  }, [focusSearchKey, focusSearch]);

  useEffect(() => {
    if (scanned) setOpen(scanned.number);
  }, [scanned]);

  // A claim ticket scanned on a ticket's page (focus on a button) closes it and goes to the search box.
  const { setQuery } = search;
  const typeFromScanner = useCallback(
    (digit: string) => {
      setOpen(null);
      setQuery(digit);
    },
    [setQuery],
  );
  useScanAnywhere(active, inputRef, typeFromScanner);

  useEffect(() => {
    if (openRequest) setOpen(barcodeText(openRequest.number));
  }, [openRequest]);

  const onOpen = useCallback((ticket: TicketRef) => setOpen(barcodeText(ticket.number)), []);
  const openByNumber = useCallback((number: number) => setOpen(barcodeText(number)), []);
  const onBack = useCallback(() => {
    setOpen(null);
    refresh();
  }, [refresh]);

  return (
    <>
      <div hidden={open !== null}>
        <TicketSearch search={search} inputRef={inputRef} onOpen={onOpen} />
        {/* With the search box empty, the open tickets board; fetched fresh on each return to the list. */}
        {search.query.trim() === '' && <TicketBoard refreshKey={`${shown}:${open === null}`} onOpen={onOpen} />}
      </div>
      {/* The ticket's page may open another ticket (a rework and its original). */}
      {open !== null && (
        <OpenTicketContext.Provider value={openByNumber}>
          <TicketPage key={open} number={open} refreshKey={shown} active={active} onBack={onBack} />
        </OpenTicketContext.Provider>
      )}
    </>
  );
}
