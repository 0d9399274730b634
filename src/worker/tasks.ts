import { deleteExpiredSessions } from '../accounts/session-queries.js';
import type { Config } from '../config/config.js';
import type { Database } from '../db/database.js';
import { recoverInterruptedImports } from '../ingestion/recover-imports.js';
import { expireJobs } from '../jobs/expire-jobs.js';
import { expireScrapeLeases, recycleScrapedRoles } from '../scraper/queue-maintenance.js';
import type { TaskDefinition } from './job-queue.js';

/** Names of the recurring upkeep tasks (events and their names live in `events/events.ts`). */
export const TASK = {
  expireJobs: 'jobs/expire',
  recoverImports: 'imports/recover',
  deleteExpiredSessions: 'sessions/delete-expired',
  expireScrapeLeases: 'scraper/expire-leases',
  recycleScrapedRoles: 'scraper/recycle-roles',
} as const;

export interface TaskDependencies {
  database: Database;
  config: Pick<Config, 'imports' | 'scraping'>;
}

/** Recurring upkeep: every task is idempotent, so any worker may run it, any number of times. */
export function maintenanceTasks(deps: TaskDependencies): TaskDefinition<never>[] {
  return [
    {
      name: TASK.deleteExpiredSessions,
      cron: '17 * * * *',
      retryLimit: 2,
      handler: async () => {
        await deleteExpiredSessions(deps.database.sql);
      },
    },
    {
      name: TASK.expireScrapeLeases,
      cron: '* * * * *',
      retryLimit: 2,
      handler: async () => {
        await expireScrapeLeases(
          deps.database,
          deps.config.scraping.leaseSeconds,
          deps.config.scraping.maxAttempts,
        );
      },
    },
    {
      name: TASK.recycleScrapedRoles,
      cron: '* * * * *',
      retryLimit: 2,
      handler: async () => {
        await recycleScrapedRoles(deps.database, deps.config.scraping.rescrapeAfterSeconds);
      },
    },
    {
      name: TASK.expireJobs,
      cron: '*/15 * * * *',
      retryLimit: 2,
      handler: async () => {
        await expireJobs(deps.database);
      },
    },
    {
      name: TASK.recoverImports,
      cron: '*/5 * * * *',
      retryLimit: 2,
      handler: async () => {
        await recoverInterruptedImports(deps.database, deps.config.imports.staleAfterSeconds);
      },
    },
  ];
}
