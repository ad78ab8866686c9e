// Asks main for each device's warranty status whenever its purchase date or
// proof changes; the answer decides the fee reminder and the consent box.
import { useEffect, useRef, useState } from 'react';
import type { WarrantyAssessment } from '../../../shared/contract';
import { invoke } from '../api';
import type { DeviceDraft } from './draft';

const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function useWarrantyAssessments(devices: DeviceDraft[]): Record<string, WarrantyAssessment | undefined> {
  const [assessments, setAssessments] = useState<Record<string, WarrantyAssessment | undefined>>({});
  const asked = useRef(new Map<string, string>());

  useEffect(() => {
    for (const device of devices) {
      const purchaseDate = CALENDAR_DAY.test(device.purchaseDate) ? device.purchaseDate : null;
      const question = `${purchaseDate}|${device.proofOfPurchase}`;
      if (asked.current.get(device.key) === question) continue;
      asked.current.set(device.key, question);
      void invoke('warranty.assess', { purchaseDate, proofOfPurchase: device.proofOfPurchase }).then((result) => {
        // A later question for the same device may have been asked meanwhile.
        if (asked.current.get(device.key) !== question) return;
        setAssessments((current) => ({ ...current, [device.key]: result.ok ? result.data : undefined }));
      });
    }
  }, [devices]);

  return assessments;
}
