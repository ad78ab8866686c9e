// The shop's database behind TypeORM: its SQLite file, or a PostgreSQL server
// every counter of the shop shares. Every use case runs through `write` or
// `read`: one transaction each, one at a time on this desk.
import type BetterSqlite3 from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import pg from 'pg';
import { dirname } from 'node:path';
import { DataSource, type EntityManager, type QueryRunner } from 'typeorm';
import { ALL_ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import type { SqlReader } from './sql-reader';
import { sqlReadOn } from './lone-read';
import { chainNewRows } from './history-chain';
import { bindNumbersAsParameters } from './bound-numbers';
import { engineNamed, type PostgresConnection, type StorageEngine } from './engine';
import { POSTGRES_MIGRATIONS } from './postgres-migrations';
import { asReadTx, asWriteTx, type ReadTx, type WriteTx } from './transactions';
import { guardReads, UNGUARDED, type ReadOnlyGuard } from './read-only-guard';
import { postgresTransactionControl, sqliteTransactionControl, type TransactionControl, type TransactionKind } from './transaction-control';

export const BUSY_TIMEOUT_MS = 5000;

export class Database {
  // TypeORM's SQLite drivers share one query runner per connection, so two
  // interleaved async transactions would nest inside each other. This chain
  // makes them take turns.
  private queue: Promise<unknown> = Promise.resolve();
  /** Use cases queued or running: none means synchronous work may run at once, in its turn all the same. */
  private pending = 0;
  /** Set once the shop has moved to another database: work still waiting here must not land in this one. */
  private retiredBecause: Error | null = null;

  /** Refuses a statement that writes while a read runs: SQLite's guard, or none where the transaction is READ ONLY. */
  private readonly readOnly: ReadOnlyGuard;

  private constructor(
    readonly dataSource: DataSource,
    readonly engine: StorageEngine = engineNamed('sqlite'),
  ) {
    this.readOnly = engine.name === 'sqlite' ? guardReads(dataSource) : UNGUARDED;
  }

  /** Opens the shop's PostgreSQL database and brings its schema up to date. */
  static async openPostgres(connection: PostgresConnection): Promise<Database> {
    // Ids, ticket numbers and counts are bigint there: numbers here, as SQLite returns them.
    pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));
    // SUM over bigint money and AVG give numeric: numbers too (the schema has no numeric columns of its own).
    pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value: string) => Number(value));
    const dataSource = new DataSource({
      type: 'postgres',
      host: connection.host,
      port: connection.port,
      database: connection.database,
      username: connection.user,
      password: connection.password,
      ssl: connection.tls,
      // The reports' day totals count this counter's local days, as the SQLite file counts them with 'localtime'.
      extra: { options: `-c TimeZone=${Intl.DateTimeFormat().resolvedOptions().timeZone}` },
      entities: ALL_ENTITIES,
      migrations: POSTGRES_MIGRATIONS,
      migrationsRun: true,
      synchronize: false,
      logging: false,
    });
    await dataSource.initialize();
    const engine = engineNamed('postgres');
    // After the migrations (their SQL is PostgreSQL's own): every later runner, inside a use case or not, speaks `?`.
    const createQueryRunner = dataSource.createQueryRunner.bind(dataSource);
    dataSource.createQueryRunner = (mode) => speakPostgres(createQueryRunner(mode), engine);
    return new Database(dataSource, engine);
  }

  /** Opens (creating if needed) the file and brings its schema up to date. */
  static async open(file: string): Promise<Database> {
    mkdirSync(dirname(file), { recursive: true });
    const dataSource = new DataSource({
      type: 'better-sqlite3',
      database: file,
      entities: ALL_ENTITIES,
      migrations: MIGRATIONS,
      migrationsRun: true,
      synchronize: false,
      enableWAL: true,
      timeout: BUSY_TIMEOUT_MS,
      prepareDatabase: (db: { pragma(source: string): unknown }) => {
        db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
        db.pragma('foreign_keys = ON');
        // An INSERT OR REPLACE then fires the delete triggers that keep the record append-only.
        db.pragma('recursive_triggers = ON');
        // Money is written here: a committed payment must survive a power cut.
        db.pragma('synchronous = FULL');
      },
      logging: false,
    });
    bindNumbersAsParameters(dataSource);
    await dataSource.initialize();
    return new Database(dataSource);
  }

  /** Runs a use case that changes data in one transaction (transaction-control.ts says how each engine begins it). */
  write<T>(work: (tx: WriteTx) => Promise<T>): Promise<T> {
    return this.enqueue(() =>
      this.inTransaction('write', async (manager, control) => {
        const tx = asWriteTx(manager);
        await control.openWriteGuard();
        const result = await work(tx);
        await chainNewRows(tx);
        await control.closeWriteGuard();
        return result;
      }),
    );
  }

  /**
   * Runs a read-only use case on one consistent snapshot. A write inside it does not compile (ReadTx), and
   * the engine refuses one that got through anyway: PostgreSQL's READ ONLY transaction, and on SQLite each
   * statement's own read-only verdict (read-only-guard.ts says why not query_only).
   */
  read<T>(work: (tx: ReadTx) => Promise<T>): Promise<T> {
    return this.enqueue(() => this.inTransaction('read', (manager) => this.readOnly.reading(() => work(asReadTx(manager)))));
  }

  private sqliteConnection(): BetterSqlite3.Database {
    return (this.dataSource.driver as unknown as { databaseConnection: BetterSqlite3.Database }).databaseConnection;
  }

  /**
   * Runs a read-only use case straight on the driver, on one snapshot (one
   * transaction, or one lone probe: lone-read.ts): for lookups at the counter,
   * where the ORM's own cost would be most of the time. It takes its turn like
   * any other use case. The work may run twice, so it must only read.
   */
  readSql<T>(work: (sql: SqlReader) => T): Promise<T> {
    const run = () => {
      if (this.engine.name !== 'sqlite') throw new Error(`readSql runs on SQLite only, not on ${this.engine.name}`);
      return sqlReadOn(this.sqliteConnection())(work);
    };
    // Nothing waiting and nothing running: the lookup's turn is now. It runs to its end before anything
    // else can start, so it is the same as queueing it, without the hops through the queue's promises.
    if (this.pending === 0 && !this.retiredBecause) {
      try {
        return Promise.resolve(run());
      } catch (error) {
        return Promise.reject(error);
      }
    }
    return this.enqueue(async () => run());
  }

  async close(): Promise<void> {
    await this.queue.catch(() => undefined);
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }

  /**
   * Refuses every use case that has not started yet (with the given error): the
   * shop now lives elsewhere, and a write queued here would be lost with this file.
   */
  retire(because: Error): void {
    this.retiredBecause = because;
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const guarded = async () => {
      try {
        if (this.retiredBecause) throw this.retiredBecause;
        return await task();
      } finally {
        // Counted off before its caller resumes, so the caller's next lookup need not queue.
        this.pending--;
      }
    };
    this.pending++;
    const result = this.queue.then(guarded, guarded);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async inTransaction<T>(kind: TransactionKind, work: (tx: EntityManager, control: TransactionControl) => Promise<T>): Promise<T> {
    // SQLite's runner is the connection's one; PostgreSQL's comes from the pool for this transaction.
    const runner: QueryRunner = this.dataSource.createQueryRunner();
    const control = this.engine.name === 'sqlite' ? sqliteTransactionControl(this.sqliteConnection()) : postgresTransactionControl(runner);
    // The transaction is the engine's own BEGIN (IMMEDIATE on SQLite, a READ ONLY snapshot on PostgreSQL),
    // which TypeORM's startTransaction cannot open. Nothing inside can open another: a ReadTx or WriteTx has
    // none of the EntityManager methods that would (save, remove, transaction, repositories, query builders).
    try {
      // Inside the try: a BEGIN of several statements that fails halfway is rolled back too.
      await control.begin(kind);
      const result = await work(runner.manager, control);
      await control.commit();
      return result;
    } catch (error) {
      try {
        await control.rollback();
      } catch {
        // The failure that led here is the one to report.
      }
      throw error;
    } finally {
      await control.release();
    }
  }
}

/**
 * The services write `?` placeholders and 0/1 flags, as SQLite takes them: on PostgreSQL
 * the runner rewrites each statement's placeholders and passes flags as numbers.
 */
function speakPostgres(runner: QueryRunner, engine: StorageEngine): QueryRunner {
  const query = runner.query.bind(runner) as (sql: string, params?: unknown[], structured?: boolean) => Promise<unknown>;
  const rewritten = (sql: string, params?: unknown[], structured?: boolean) =>
    query(
      engine.placeholders(sql),
      params?.map((value) => (typeof value === 'boolean' ? Number(value) : value)),
      structured,
    );
  (runner as unknown as { query: typeof rewritten }).query = rewritten;
  return runner;
}
