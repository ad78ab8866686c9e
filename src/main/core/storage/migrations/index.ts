import { InitialSchema1763856000000 } from './0001-initial-schema';
import { RepairWorkflow1764201600000 } from './0002-repair-workflow';

/** Every migration, oldest first. Append; never edit one that has shipped. */
export const MIGRATIONS = [InitialSchema1763856000000, RepairWorkflow1764201600000];
