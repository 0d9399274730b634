import { createRequire } from 'node:module';
import type PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import {
  type Database,
  isConcurrentCatalogChange,
  lockSchemaChanges,
  type SqlExecutor,
  type TransactionContext,
} from '../db/database.js';
import { AppError } from '../errors.js';

/**
 * pg-boss (and the metrics it feeds) load only when a process runs or installs the task queue: every CLI command
 * checks the schema is current at start, and loading pg-boss was a tenth of its start time.
 */
const loadPgBoss = async () => (await import('pg-boss')).default;

/** pg-boss's schema version (its package's version.json). */
const REGISTER_ATTEMPTS = 5;
const TASK_QUEUE_SCHEMA_VERSION: number = createRequire(import.meta.url)('pg-boss/version.json').schema;

/**
 * The channel a task's queue name is announced on when the task is sent: workers listening on it fetch at
 * once instead of at their next poll (sent in the sending transaction, the notice arrives when it commits).
 */
export const TASK_SENT_CHANNEL = 'jobmatch_task_sent';

/** How long after a notification an embedded-database worker fetches (see `wake`). */
const EMBEDDED_WAKE_DELAY_MS = 100;

/** The schema pg-boss keeps its tables and functions in. */
export const TASK_QUEUE_SCHEMA = 'pgboss';

/** pg-boss's database seam: one call, rows back. */
export interface BossDb {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

/**
 * pg-boss over one of our executors. Without parameters its SQL may hold several statements
 * (schema creation), which the extended protocol refuses: those go through `simpleQuery`.
 */
export function bossDbFor(
  sql: SqlExecutor,
  simpleQuery?: (text: string) => Promise<{ rows: unknown[] }>,
): BossDb {
  return {
    async executeSql(text, values) {
      if ((!values || values.length === 0) && simpleQuery) return simpleQuery(text);
      return sql.query(text, values ?? []);
    },
  };
}

export interface TaskDefinition<T extends object = object> {
  name: string;
  handler: (data: T, meta: { id: string; retryCount: number }) => Promise<void>;
  /** Cron expression (UTC) for recurring tasks. */
  cron?: string;
  retryLimit?: number;
  retryDelaySeconds?: number;
  expireInSeconds?: number;
  /** Jobs fetched per poll. */
  batchSize?: number;
}

export interface JobQueue {
  /** Enqueues a task; with `tx`, the task exists if and only if the transaction commits. */
  send(
    name: string,
    data: object,
    options?: { tx?: { sql: SqlExecutor }; singletonKey?: string },
  ): Promise<string | null>;
  /** Starts polling for the given tasks in this process. */
  work(tasks: TaskDefinition<never>[]): Promise<void>;
  /** Creates queues and schedules without working them (a process that only enqueues). */
  register(tasks: TaskDefinition<never>[]): Promise<void>;
  /** Ids of the tasks this process has taken and not finished (fetched in a batch or running). */
  runningTasks(): string[];
  /** Fails these tasks as their handler throwing would (retried while attempts are left). */
  fail(tasks: { id: string; queue: string }[], message: string): Promise<void>;
  stop(): Promise<void>;
  boss: PgBoss;
}

export interface JobQueueOptions {
  logger: Logger;
  pollingIntervalSeconds?: number;
  /** Whether this process runs cron schedules and maintenance (every worker may; pg-boss elects one). */
  supervise?: boolean;
}

export async function startJobQueue(database: Database, options: JobQueueOptions): Promise<JobQueue> {
  const [PgBoss, { recordTask }] = await Promise.all([loadPgBoss(), import('../operations/metrics.js')]);
  const boss = new PgBoss({
    db: bossDbFor(database.sql, (text) => database.exec(text)) as PgBoss.Db,
    schema: TASK_QUEUE_SCHEMA,
    supervise: options.supervise ?? true,
    schedule: options.supervise ?? true,
    // `jobmatch migrate` installs the schema (installTaskQueueSchema) under the migration lock.
    migrate: false,
  });
  boss.on('error', (error) => options.logger.error({ err: error }, 'background task system error'));
  try {
    await boss.start();
  } catch (error) {
    if ((error as Error).message.includes('not installed') || (error as Error).message.includes('migrations'))
      throw new AppError(
        'unavailable',
        'The task-queue schema is missing or out of date: run `jobmatch migrate` first.',
        { cause: error },
      );
    throw error;
  }
  const registered = new Set<string>();
  /**
   * Creating a queue adds a partition to pg-boss's job table; two processes doing that at once deadlock, so
   * queues and schedules are created in one transaction under the migration lock.
   */
  const register = async (tasks: TaskDefinition<never>[]) => {
    const pending = tasks.filter((task) => !registered.has(task.name));
    if (pending.length === 0) return;
    const createQueues = () =>
      database.transaction(async (tx) => {
        await lockSchemaChanges(tx.sql);
        const existing = new Set(
          (await tx.sql.query<{ name: string }>(`SELECT name FROM ${TASK_QUEUE_SCHEMA}.queue`)).rows.map(
            (row) => row.name,
          ),
        );
        const txBoss = new PgBoss({ db: bossDbFor(tx.sql) as PgBoss.Db, schema: TASK_QUEUE_SCHEMA });
        for (const task of pending) {
          if (!existing.has(task.name))
            await txBoss.createQueue(task.name, {
              name: task.name,
              retryLimit: task.retryLimit ?? 5,
              retryDelay: task.retryDelaySeconds ?? 5,
              retryBackoff: true,
              expireInSeconds: task.expireInSeconds ?? 15 * 60,
            });
          if (task.cron)
            await txBoss.schedule(task.name, task.cron, {}, { tz: 'UTC' } as PgBoss.ScheduleOptions);
        }
        if (database.tenantRole) await grantQueueAccess(tx.sql, database.tenantRole);
      });
    // Another process starting at the same moment can still deadlock with this one on catalog rows the
    // lock does not cover; the loser's transaction is rolled back whole, so it is run again.
    for (let attempt = 1; ; attempt++) {
      try {
        await createQueues();
        break;
      } catch (error) {
        if (attempt >= REGISTER_ATTEMPTS || !isConcurrentCatalogChange(error)) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 100));
      }
    }
    for (const task of pending) registered.add(task.name);
  };
  const running = new Set<string>();
  /** This process's pg-boss workers by queue name: woken when a task of their queue is sent. */
  const workerIds = new Map<string, string[]>();
  /**
   * An embedded database runs its queries on this process's thread: a task started the moment its sender
   * commits would hold up the sender's reply (a scraper's POST) until the task is done, so it starts a
   * moment later there.
   */
  const wakeDelayMs = database.engine === 'pglite' && !database.throughHolder ? EMBEDDED_WAKE_DELAY_MS : 0;
  const wake = (name: string) => {
    const notify = () => {
      for (const id of workerIds.get(name) ?? []) boss.notifyWorker(id);
    };
    if (wakeDelayMs > 0) setTimeout(notify, wakeDelayMs).unref();
    else notify();
  };
  let unlisten: (() => Promise<void>) | undefined;
  return {
    boss,
    register,
    async send(name, data, sendOptions = {}) {
      const id = await boss.send(name, data, {
        ...(sendOptions.tx ? { db: bossDbFor(sendOptions.tx.sql) as PgBoss.Db } : {}),
        ...(sendOptions.singletonKey ? { singletonKey: sendOptions.singletonKey } : {}),
      });
      if (id !== null)
        await (sendOptions.tx?.sql ?? database.sql).query('SELECT pg_notify($1, $2)', [
          TASK_SENT_CHANNEL,
          name,
        ]);
      return id;
    },
    async work(tasks) {
      await register(tasks);
      if (!unlisten && database.listen) {
        // Without notifications (an engine that cannot deliver them) the workers find tasks by polling.
        unlisten = await database.listen(TASK_SENT_CHANNEL, wake).catch((error: unknown) => {
          options.logger.warn({ err: error }, 'task notifications unavailable; workers poll');
          return undefined;
        });
      }
      for (const task of tasks) {
        const workerId = await boss.work<object>(
          task.name,
          {
            pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1,
            batchSize: task.batchSize ?? 1,
            includeMetadata: true,
          },
          async (jobs) => {
            for (const job of jobs) running.add(job.id);
            for (const job of jobs) {
              const started = Date.now();
              try {
                await (task.handler as TaskDefinition['handler'])(job.data ?? {}, {
                  id: job.id,
                  retryCount: job.retryCount,
                });
                options.logger.debug({ task: task.name, id: job.id, ms: Date.now() - started }, 'task done');
                recordTask(task.name, 'completed', (Date.now() - started) / 1000);
                running.delete(job.id);
              } catch (error) {
                recordTask(task.name, 'failed', (Date.now() - started) / 1000);
                running.delete(job.id);
                options.logger.warn(
                  { task: task.name, id: job.id, err: error },
                  'task failed; it will be retried',
                );
                throw error;
              }
            }
          },
        );
        workerIds.set(task.name, [...(workerIds.get(task.name) ?? []), workerId]);
      }
    },
    runningTasks: () => [...running],
    async fail(tasks, message) {
      for (const task of tasks) await boss.fail(task.queue, task.id, { message });
    },
    async stop() {
      await unlisten?.();
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}

/**
 * Tenant-scoped transactions run as the application role and enqueue tasks (`candidates/changed`) in the
 * same transaction, so that role needs pg-boss's tables, including the queue partitions created later.
 */
export async function grantQueueAccess(sql: SqlExecutor, role: string): Promise<void> {
  const { rows } = await sql.query<{ present: boolean }>('SELECT to_regrole($1) IS NOT NULL AS present', [
    role,
  ]);
  if (!rows[0]?.present) return; // prepareDatabase reports a missing tenant role in plain words
  for (const statement of [
    `GRANT USAGE ON SCHEMA ${TASK_QUEUE_SCHEMA} TO ${role}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${TASK_QUEUE_SCHEMA} TO ${role}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${TASK_QUEUE_SCHEMA} TO ${role}`,
    `GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${TASK_QUEUE_SCHEMA} TO ${role}`,
  ])
    await sql.query(statement);
}

/** pg-boss wraps its plans in BEGIN/COMMIT; inside the migration transaction they run without them. */
function withoutTransaction(plan: string): string {
  const unwrapped = plan.replace(/^\s*BEGIN;/, '').replace(/COMMIT;\s*$/, '');
  if (unwrapped === plan) throw new Error('unexpected pg-boss plan: no BEGIN/COMMIT around it');
  return unwrapped;
}

async function installedTaskQueueVersion(sql: SqlExecutor): Promise<number | null> {
  const { rows } = await sql.query<{ present: boolean }>(
    `SELECT to_regclass('${TASK_QUEUE_SCHEMA}.version') IS NOT NULL AS present`,
  );
  if (!rows[0]?.present) return null;
  const version = await sql.query<{ version: number }>(
    `SELECT version::int AS version FROM ${TASK_QUEUE_SCHEMA}.version`,
  );
  return version.rows[0]?.version ?? null;
}

export async function taskQueueSchemaCurrent(sql: SqlExecutor): Promise<boolean> {
  return (await installedTaskQueueVersion(sql)) === TASK_QUEUE_SCHEMA_VERSION;
}

/**
 * Creates pg-boss's schema, or upgrades it, inside the migration transaction (the caller holds the migration
 * lock), so that processes started together never race to create it.
 */
export async function installTaskQueueSchema(
  tx: TransactionContext,
  tenantRole: string | null,
): Promise<void> {
  const installed = await installedTaskQueueVersion(tx.sql);
  const PgBoss = await loadPgBoss();
  if (installed === null) await tx.exec(withoutTransaction(PgBoss.getConstructionPlans(TASK_QUEUE_SCHEMA)));
  else if (installed < TASK_QUEUE_SCHEMA_VERSION)
    await tx.exec(withoutTransaction(PgBoss.getMigrationPlans(TASK_QUEUE_SCHEMA, String(installed))));
  if (tenantRole) await grantQueueAccess(tx.sql, tenantRole);
}
