// Finding tickets: the search box (scans, numbers, names, phones, serials) and the board.
import type { FeatureHandlers } from '../../handler-map';
import type { ticketChannels } from '../../../../shared/contract';
import { loadSettings, readTicketPrefix } from '../settings';
import { ticketBoard } from './board';
import { searchTickets } from './search';

export const ticketHandlers: FeatureHandlers<typeof ticketChannels> = {
  'tickets.search': (input, { db, clock }) =>
    db.readSql((sql) => searchTickets(sql, input.query, input.limit, readTicketPrefix(sql), { today: clock.now(), more: input.more })),
  'tickets.board': (input, { db, clock }) => db.read(async (tx) => ticketBoard(tx, input, (await loadSettings(tx)).ticketPrefix, clock.now())),
};
