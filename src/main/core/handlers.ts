// Every contract channel's handler, joined from the features' own maps (a
// channel handled twice stops the desk at load). Inputs arrive already
// validated by the dispatcher; each handler is one use case in one transaction.
import { joinFeatures } from '../../shared/join-features';
import { collectionHandlers } from './features/collection/handlers';
import { customerCareHandlers } from './features/customers/handlers';
import { dataSafetyHandlers } from './features/data-safety/handlers';
import { sharedDatabaseHandlers } from './features/data-safety/shared-database-handlers';
import { figuresHandlers } from './features/figures/handlers';
import { intakeDraftHandlers } from './features/intake/draft-handlers';
import { intakeHandlers } from './features/intake/handlers';
import { printingHandlers } from './features/printing/handlers';
import { repairHandlers } from './features/repair/handlers';
import { settingsHandlers } from './features/settings/handlers';
import { sessionHandlers } from './features/staff/session-handlers';
import { trustHandlers } from './features/staff/trust-handlers';
import { stockHandlers } from './features/stock/handlers';
import { ticketHandlers } from './features/tickets/handlers';
import type { Handlers } from './handler-map';

export type { Handlers };

export const handlers: Handlers = joinFeatures(
  settingsHandlers,
  intakeHandlers,
  intakeDraftHandlers,
  printingHandlers,
  sessionHandlers,
  trustHandlers,
  ticketHandlers,
  repairHandlers,
  stockHandlers,
  collectionHandlers,
  customerCareHandlers,
  figuresHandlers,
  dataSafetyHandlers,
  sharedDatabaseHandlers,
);
