// Every contract channel's handler, joined from the features' own maps (a
// channel handled twice stops the desk at load). Inputs arrive already
// validated by the dispatcher; each handler is one use case in one transaction.
import { joinFeatures } from '../../shared/join-features';
import { collectionHandlers } from './collection-handlers';
import { customerCareHandlers } from './customer-care-handlers';
import { dataSafetyHandlers } from './data-safety-handlers';
import { figuresHandlers } from './figures-handlers';
import type { Handlers } from './handler-map';
import { intakeDraftHandlers } from './intake-draft-handlers';
import { intakeHandlers } from './intake-handlers';
import { printingHandlers } from './printing-handlers';
import { settingsHandlers } from './settings-handlers';
import { trustHandlers } from './trust-handlers';
import { workflowHandlers } from './workflow-handlers';

export type { Handlers };

export const handlers: Handlers = joinFeatures(
  settingsHandlers,
  intakeHandlers,
  printingHandlers,
  workflowHandlers,
  collectionHandlers,
  customerCareHandlers,
  figuresHandlers,
  intakeDraftHandlers,
  dataSafetyHandlers,
  trustHandlers,
);
