// The desk's today as main reckons it when it checks a ticket in: the machine's
// clock in its local time zone, through the same shared function, so what the
// intake screen says about a date agrees with what check-in stores.
import { localIsoDate } from '../../../shared/calendar';

export function deskToday(): string {
  return localIsoDate(new Date());
}
