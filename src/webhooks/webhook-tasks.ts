import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import type { Database, DbContext } from '../db/database.js';
import type { EventQueue } from '../events/events.js';
import type { TaskDefinition } from '../worker/job-queue.js';
import { deliverWebhook, parseDeliveryEvent } from './deliver-webhook.js';
import { collectWebhookEvents, dispatchDeliveries, WEBHOOK_TASK } from './webhook-events.js';

export const policyOf = (config: Config['webhooks']) => ({
  allow: config.allow,
  timeoutMs: config.timeoutMs,
});

/** Delivery attempts: pg-boss retries a failed one with exponential backoff from `retryDelaySeconds`. */
export function webhookTasks(deps: {
  database: Database;
  logger: Logger;
  config: Config['webhooks'];
}): TaskDefinition<never>[] {
  const retryLimit = deps.config.maxAttempts - 1;
  return [
    {
      name: WEBHOOK_TASK.deliver,
      retryLimit,
      retryDelaySeconds: deps.config.retryDelaySeconds,
      expireInSeconds: Math.ceil(deps.config.timeoutMs / 1000) + 60,
      batchSize: 5,
      handler: async (data: unknown, meta) => {
        const event = parseDeliveryEvent(data);
        if (!event) {
          deps.logger.warn({ task: WEBHOOK_TASK.deliver, data }, 'malformed event ignored');
          return;
        }
        const outcome = await deliverWebhook(deps.database, policyOf(deps.config), event, {
          retryCount: meta.retryCount,
          retryLimit,
        });
        deps.logger.info({ task: WEBHOOK_TASK.deliver, ...event, outcome }, 'webhook delivered');
      },
    },
  ];
}

/** After an inbox refresh: the tenant's new webhook events, and a delivery task for each. */
export function webhooksAfterRefresh(queue: EventQueue) {
  return async (tx: DbContext, tenantId: number): Promise<void> => {
    await collectWebhookEvents(tx, tenantId);
    await dispatchDeliveries(tx, queue, tenantId);
  };
}
