import type { Logger } from 'pino';
import type { Database, DbContext, SqlExecutor } from '../db/database.js';
import { EVENT, type EventQueue, eventPublisher } from '../events/events.js';
import type { TaskDefinition } from '../worker/job-queue.js';
import { refreshAllInboxes } from './refresh-inbox.js';

export const INBOX_TASK = { refresh: EVENT.inboxRefresh } as const;

export interface InboxTaskDependencies {
  database: Database;
  logger: Logger;
  /** Runs in each tenant's transaction after its refresh (webhook events and their dispatch). */
  afterRefresh?: (tx: DbContext, tenantId: number) => Promise<void>;
}

/** Refreshes every tenant's inbox: queued after each matching run, and once a minute as a safety net. */
export function inboxTasks(deps: InboxTaskDependencies): TaskDefinition<never>[] {
  return [
    {
      name: INBOX_TASK.refresh,
      cron: '* * * * *',
      retryLimit: 3,
      retryDelaySeconds: 5,
      expireInSeconds: 5 * 60,
      handler: async () => {
        const announced = await refreshAllInboxes(deps.database, deps.afterRefresh);
        if (announced > 0) deps.logger.info({ task: INBOX_TASK.refresh, announced }, 'matches announced');
      },
    },
  ];
}

/**
 * Queues an inbox refresh after each run of the given tasks (the matching tasks), so a recommended match
 * reaches the inbox and the webhooks seconds after it is stored. One pending refresh covers many runs.
 */
export function refreshInboxAfter(
  queue: EventQueue,
  tasks: TaskDefinition<never>[],
): TaskDefinition<never>[] {
  return tasks.map((task) => ({
    ...task,
    handler: async (data, meta) => {
      await task.handler(data, meta);
      await eventPublisher(queue).publishNow({ name: EVENT.inboxRefresh, data: {} });
    },
  }));
}

/**
 * Queues an inbox refresh inside `tx` (it exists once the change commits): after a pipeline move or a
 * placement, its inbox entries and webhook deliveries go out within seconds instead of at the next
 * scheduled refresh. One pending refresh covers many changes. Without a queue, nothing to do.
 */
export async function refreshInboxSoon(
  queue: EventQueue | undefined,
  tx: { sql: SqlExecutor },
): Promise<void> {
  await eventPublisher(queue).publish(tx, { name: EVENT.inboxRefresh, data: {} });
}
