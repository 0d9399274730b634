import type { Config } from '../config/config.js';
import type { Database } from '../db/database.js';
import { recoverInterruptedImports } from '../ingestion/recover-imports.js';
import { expireJobs } from '../jobs/expire-jobs.js';
import type { TaskDefinition } from './job-queue.js';

/** Task names; `jobs/imported` keeps the spec's event name. */
export const TASK = {
  jobsImported: 'jobs/imported',
  expireJobs: 'jobs/expire',
  recoverImports: 'imports/recover',
} as const;

export interface TaskDependencies {
  database: Database;
  config: Pick<Config, 'imports'>;
}

/** Recurring upkeep: every task is idempotent, so any worker may run it, any number of times. */
export function maintenanceTasks(deps: TaskDependencies): TaskDefinition<never>[] {
  return [
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
