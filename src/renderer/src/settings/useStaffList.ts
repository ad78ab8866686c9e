import { useCallback, useEffect, useState } from 'react';
import type { Staff } from '../../../shared/contract';
import { invoke } from '../api';
import { useDesk } from '../desk/desk-context';

/** Everyone, former staff included; after a change the app's active list is refreshed too. */
export function useStaffList() {
  const { reloadStaff } = useDesk();
  const [staff, setStaff] = useState<Staff[]>([]);
  const [failure, setFailure] = useState<string | null>(null);

  const load = useCallback(async () => {
    const result = await invoke('staff.list', { includeInactive: true });
    if (result.ok) setStaff(result.data);
    setFailure(result.ok ? null : result.error.message);
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const changed = useCallback(async () => {
    await Promise.all([load(), reloadStaff()]);
  }, [load, reloadStaff]);

  return { staff, failure, changed };
}
