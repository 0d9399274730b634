import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { Database, SqlExecutor } from '../db/database.js';

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
  const boss = new PgBoss({
    db: bossDbFor(database.sql, (text) => database.exec(text)) as PgBoss.Db,
    schema: 'pgboss',
    supervise: options.supervise ?? true,
    schedule: options.supervise ?? true,
    migrate: true,
  });
  boss.on('error', (error) => options.logger.error({ err: error }, 'background task system error'));
  await boss.start();
  if (database.tenantRole) await grantQueueAccess(database, database.tenantRole);
  const registered = new Set<string>();
  const register = async (tasks: TaskDefinition<never>[]) => {
    for (const task of tasks) {
      if (registered.has(task.name)) continue;
      await boss.createQueue(task.name, {
        name: task.name,
        retryLimit: task.retryLimit ?? 5,
        retryDelay: task.retryDelaySeconds ?? 5,
        retryBackoff: true,
        expireInSeconds: task.expireInSeconds ?? 15 * 60,
      });
      if (task.cron) await boss.schedule(task.name, task.cron, {}, { tz: 'UTC' } as PgBoss.ScheduleOptions);
      registered.add(task.name);
    }
  };
  return {
    boss,
    register,
    async send(name, data, sendOptions = {}) {
      return boss.send(name, data, {
        ...(sendOptions.tx ? { db: bossDbFor(sendOptions.tx.sql) as PgBoss.Db } : {}),
        ...(sendOptions.singletonKey ? { singletonKey: sendOptions.singletonKey } : {}),
      });
    },
    async work(tasks) {
      await register(tasks);
      for (const task of tasks) {
        await boss.work<object>(
          task.name,
          {
            pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1,
            batchSize: task.batchSize ?? 1,
            includeMetadata: true,
          },
          async (jobs) => {
            for (const job of jobs) {
              const started = Date.now();
              try {
                await (task.handler as TaskDefinition['handler'])(job.data ?? {}, {
                  id: job.id,
                  retryCount: job.retryCount,
                });
                options.logger.debug({ task: task.name, id: job.id, ms: Date.now() - started }, 'task done');
              } catch (error) {
                options.logger.warn(
                  { task: task.name, id: job.id, err: error },
                  'task failed; it will be retried',
                );
                throw error;
              }
            }
          },
        );
      }
    },
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }),
  };
}

/**
 * Tenant-scoped transactions run as the application role and enqueue tasks (`candidates/changed`) in the
 * same transaction, so that role needs pg-boss's tables. pg-boss creates its schema at start; grant after.
 */
export async function grantQueueAccess(database: Pick<Database, 'exec'>, role: string): Promise<void> {
  await database.exec(`
    GRANT USAGE ON SCHEMA pgboss TO ${role};
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA pgboss TO ${role};
    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA pgboss TO ${role};
    GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA pgboss TO ${role};`);
}
