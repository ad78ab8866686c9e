// What one screen may ask of the intake screen through the app shell: a new
// intake for a customer from the archive, with one of their devices filled in.
import type { CustomerSummary } from '../../../shared/contract';
import type { DeviceType } from '../../../shared/domain';

export interface IntakePrefill {
  customer: CustomerSummary;
  device: { type: DeviceType; brand: string; model: string; serial: string; colour: string } | null;
}
