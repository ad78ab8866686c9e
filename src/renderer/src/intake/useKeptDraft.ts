// Keeps the intake being typed in storage: restored when the screen opens
// (after a reload, or at another visit to this counter), saved a moment after
// each change, dropped once checked in.
import { useEffect, useRef, useState } from 'react';
import type { IntakeDraft } from './draft';
import { discardDraft, isBlankDraft, loadDraft, saveDraft } from './draft-store';

const SETTLE_MS = 300;

export function useKeptDraft(draft: IntakeDraft, restore: (draft: IntakeDraft) => void, checkedIn: boolean): { restored: boolean } {
  const [loaded, setLoaded] = useState(false);
  const [restored, setRestored] = useState(false);
  const latest = useRef(draft);
  latest.current = draft;

  useEffect(() => {
    let stale = false;
    void loadDraft().then((kept) => {
      if (stale) return;
      // Whatever the clerk typed while the draft was on its way wins.
      if (kept && isBlankDraft(latest.current)) {
        restore(kept);
        setRestored(true);
      }
      setLoaded(true);
    });
    return () => {
      stale = true;
    };
  }, [restore]);

  useEffect(() => {
    if (!loaded || checkedIn) return;
    const timer = setTimeout(() => void saveDraft(draft), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [draft, loaded, checkedIn]);

  useEffect(() => {
    if (checkedIn) void discardDraft();
  }, [checkedIn]);

  return { restored };
}
