import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api';
import { useDesk } from '../desk/desk-context';
import { loadFailure, useLoaded } from '../widgets/useLoaded';

/** Everyone, former staff included; after a change the app's active list is refreshed too. */
export function useStaffList() {
  const { t } = useTranslation();
  const { reloadStaff } = useDesk();
  const [loaded, load] = useLoaded(
    () => call('staff.list', { includeInactive: true }),
    (error) => loadFailure(t, error),
  );

  const changed = useCallback(async () => {
    await Promise.all([load(), reloadStaff()]);
  }, [load, reloadStaff]);

  return { staff: loaded.state === 'done' ? loaded.data : [], failure: loaded.state === 'failed' ? loaded.message : null, changed };
}
