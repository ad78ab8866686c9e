import { InitialSchema1763856000000 } from './0001-initial-schema';

/** Every migration, oldest first. Append; never edit one that has shipped. */
export const MIGRATIONS = [InitialSchema1763856000000];
