import { PostgresSchema1765065600000 } from './0001-schema';

/** Every PostgreSQL migration, oldest first. Append; never edit one that has shipped. */
export const POSTGRES_MIGRATIONS = [PostgresSchema1765065600000];
