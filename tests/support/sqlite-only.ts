// Tests of the SQLite file itself, kept apart from the test desk because this
// module needs vitest, and the crash and intake workers load the desk in plain Node.
import { it } from 'vitest';
import { suiteOnPostgres } from './suite-engine';

/**
 * A test of the SQLite file itself (an old release's file, its FTS5 and name gram tables): it runs wherever test
 * desks are SQLite files and shows as skipped in the PostgreSQL run, which has no such file.
 */
export const onSqliteFile = it.skipIf(suiteOnPostgres());
