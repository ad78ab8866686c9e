// What the settings feature offers the other features; they import only from here.
export { DEFAULT_SETTINGS, loadSettings, readTicketPrefix } from './settings';
export { completeSetup, requireSetupDone, setupStatus } from './setup';
