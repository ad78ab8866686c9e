// Finding tickets: the search box (scans, numbers, names, phones, serials) and the board.
import type { FeatureHandlers } from '../../handler-map';
import type { ticketChannels } from '../../../../shared/tickets-contract';
import { loadSettings } from '../settings';
import { ticketBoard } from './board';
import { searchTickets, searchTicketsIn } from './search';

export const ticketHandlers: FeatureHandlers<typeof ticketChannels> = {
  'tickets.search': (input, { db, clock }) => {
    const options = { today: clock.now(), more: input.more };
    // SQLite answers on the driver; PostgreSQL in a read transaction.
    return db.engine.name === 'sqlite'
      ? db.readSql((sql) => searchTickets(sql, input.query, input.limit, options))
      : db.read((tx) => searchTicketsIn(tx, input.query, input.limit, options));
  },
  'tickets.board': (input, { db, clock }) => db.read(async (tx) => ticketBoard(tx, input, (await loadSettings(tx)).ticketPrefix, clock.now())),
};
