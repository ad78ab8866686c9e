// What the settings feature offers the other features; they import only from here.
export { DEFAULT_SETTINGS, loadSettings, ticketPrefixOf } from './settings';
export { STORED_TICKET_PREFIX } from './queries/settings';
export { completeSetup, requireSetupDone, setupStatus } from './setup';
