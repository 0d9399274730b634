import type { Logger } from 'pino';
import type { Database } from '../db/database.js';
import type { TaskDefinition } from '../worker/job-queue.js';
import { EMBEDDED_TABLES, embedMissing, repairVectorIndex } from './embed-rows.js';
import type { EmbeddingProvider } from './embedding-provider.js';

export const EMBEDDING_BACKFILL_TASK = 'embeddings/backfill';

/** A run stops starting batches after this long, well inside the one-minute schedule. */
const BACKFILL_BUDGET_MS = 40_000;

export interface EmbeddingTaskDependencies {
  database: Database;
  embeddings: EmbeddingProvider;
  logger: Logger;
}

/**
 * Every minute, embeds rows without a vector of the configured model (roles first: normalization needs them),
 * and rebuilds a vector index that an interrupted bulk load left dropped. Idempotent; a provider outage is
 * logged and the rows wait for the next run.
 */
export function embeddingTasks(deps: EmbeddingTaskDependencies): TaskDefinition<never>[] {
  return [
    {
      name: EMBEDDING_BACKFILL_TASK,
      cron: '* * * * *',
      retryLimit: 0,
      expireInSeconds: 5 * 60,
      handler: async () => {
        await runEmbeddingBackfill(deps);
      },
    },
  ];
}

export async function runEmbeddingBackfill(
  deps: EmbeddingTaskDependencies,
  budgetMs = BACKFILL_BUDGET_MS,
): Promise<void> {
  const deadline = Date.now() + budgetMs;
  for (const table of [...EMBEDDED_TABLES].reverse()) {
    const result = await embedMissing(deps.database, deps.embeddings, { table, deadline });
    if (result.embedded > 0 || result.error) {
      const log = {
        table,
        embedded: result.embedded,
        remaining: result.remaining,
        model: deps.embeddings.modelId,
      };
      if (result.error) deps.logger.warn({ ...log, error: result.error }, 'embedding backfill interrupted');
      else deps.logger.info(log, 'embeddings backfilled');
    }
    if (result.error) return;
    // Nothing left to embed, so no bulk load is between dropping and rebuilding this index.
    if (result.remaining === 0) await repairVectorIndex(deps.database, table);
  }
}
