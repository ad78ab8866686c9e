import { useEffect, useState } from 'react';
import type { CustomerDetail } from '../../../shared/contract';
import { invoke } from '../api';

/**
 * The archive record of a linked customer, with past repairs; null while none is linked.
 * A new `version` reads it again (after the record was updated).
 */
export function useCustomerDetail(customerId: number | null, version = 0): CustomerDetail | null {
  const [detail, setDetail] = useState<CustomerDetail | null>(null);
  useEffect(() => {
    if (customerId === null) return;
    let current = true;
    void invoke('customers.get', { id: customerId }).then((result) => {
      if (current && result.ok) setDetail(result.data);
    });
    return () => {
      current = false;
    };
  }, [customerId, version]);
  return customerId !== null && detail?.id === customerId ? detail : null;
}
