import { InitialSchema1763856000000 } from './0001-initial-schema';
import { RepairWorkflow1764201600000 } from './0002-repair-workflow';
import { Collection1764288000000 } from './0003-collection';
import { DepositMethod1764374400000 } from './0004-deposit-method';
import { TrustedRecord1764460800000 } from './0005-trusted-record';

/** Every migration, oldest first. Append; never edit one that has shipped. */
export const MIGRATIONS = [InitialSchema1763856000000, RepairWorkflow1764201600000, Collection1764288000000, DepositMethod1764374400000, TrustedRecord1764460800000];
