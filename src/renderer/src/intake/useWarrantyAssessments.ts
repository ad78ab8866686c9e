// Each device's warranty status, worked out on the screen whenever its purchase
// date or proof changes (no call to main per keystroke); the answer decides the
// fee reminder and the consent box.
import { useMemo } from 'react';
import type { WarrantyAssessment } from '../../../shared/contract';
import { useDesk } from '../desk/desk-context';
import { deskToday } from '../desk/today';
import { deviceWarranty } from './device-warranty';
import type { DeviceDraft } from './draft';

export function useWarrantyAssessments(devices: DeviceDraft[]): Record<string, WarrantyAssessment | undefined> {
  const { warrantyMonths } = useDesk().settings;
  return useMemo(() => {
    const today = deskToday();
    return Object.fromEntries(devices.map((device) => [device.key, deviceWarranty(device, today, warrantyMonths)]));
  }, [devices, warrantyMonths]);
}
