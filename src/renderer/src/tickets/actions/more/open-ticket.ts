// Lets a ticket's page open another ticket (a rework and its original) in the
// Tickets screen, which knows which ticket is open. Null where nothing provides it.
import { createContext, useContext } from 'react';

/** Opens the ticket with this number (as a barcode reads it). */
export type OpenTicket = (number: number) => void;

export const OpenTicketContext = createContext<OpenTicket | null>(null);

export function useOpenTicket(): OpenTicket | null {
  return useContext(OpenTicketContext);
}
