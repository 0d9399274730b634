import type { Logger } from 'pino';
import type { Config } from './config/config.js';
import type { Database } from './db/database.js';
import { openDatabase } from './db/open-database.js';
import { digestTasks } from './digest/digest-tasks.js';
import type { SkillMatcher } from './domain/skills.js';
import { createEmbeddingProvider } from './embeddings/create-embedding-provider.js';
import type { EmbeddingProvider } from './embeddings/embedding-provider.js';
import { embeddingTasks } from './embeddings/embedding-tasks.js';
import { EVENT, eventPublisher } from './events/events.js';
import { inboxTasks, refreshInboxAfter } from './inbox/inbox-tasks.js';
import { matchingTasks } from './matching/matching-tasks.js';
import { prepareDatabase } from './operations/prepare-database.js';
import { startWorkerHeartbeat } from './operations/worker-heartbeat.js';
import { loadSkillMatcher } from './skills/skill-dictionary.loader.js';
import { webhooksAfterRefresh, webhookTasks } from './webhooks/webhook-tasks.js';
import { type JobQueue, startJobQueue } from './worker/job-queue.js';
import { maintenanceTasks } from './worker/tasks.js';

/** Everything a Jobmatch process runs on: the database, background tasks and shared services. */
export interface Runtime {
  config: Config;
  logger: Logger;
  database: Database;
  queue: JobQueue;
  skills: SkillMatcher;
  /** The configured embedding provider, created once per process. */
  embeddings: EmbeddingProvider;
  stop(): Promise<void>;
}

/**
 * Opens and prepares the database and starts the background task system. With `workers`, this process
 * also runs the tasks (in-process by default; `jobmatch worker` runs them alone against a server database).
 */
export async function startRuntime(
  config: Config,
  logger: Logger,
  options: { workers: boolean; shareEmbedded?: boolean; kind?: 'serve' | 'worker' },
): Promise<Runtime> {
  const database = await openDatabase(config.database, { share: options.shareEmbedded ?? false });
  let queue: JobQueue | undefined;
  try {
    const prepared = await prepareDatabase(database, config);
    if (prepared.migrationsApplied.length > 0)
      logger.info({ applied: prepared.migrationsApplied }, 'migrations applied');
    if (prepared.importsRecovered > 0)
      logger.warn({ count: prepared.importsRecovered }, 'interrupted imports ended');
    queue = await startJobQueue(database, {
      logger,
      pollingIntervalSeconds: config.workers.pollingIntervalSeconds,
      supervise: options.workers,
    });
    const skills = loadSkillMatcher();
    const embeddings = await createEmbeddingProvider(config.embeddings);
    const tasks = [
      ...maintenanceTasks({ database, config }),
      ...embeddingTasks({ database, embeddings, logger }),
      ...refreshInboxAfter(queue, matchingTasks({ database, config, logger, skills, embeddings })),
      ...inboxTasks({ database, logger, afterRefresh: webhooksAfterRefresh(queue) }),
      ...webhookTasks({ database, logger, config: config.webhooks }),
      ...digestTasks({ database, logger, mail: config.mail }),
    ];
    if (options.workers) {
      await queue.work(tasks);
      // After an upgrade that changed the scoring version, stored matches are rescored in the background.
      await eventPublisher(queue).publishNow({ name: EVENT.matchesUpgrade, data: {} });
    } else await queue.register(tasks);
    const heartbeat = options.workers
      ? await startWorkerHeartbeat(database, options.kind ?? 'worker', queue)
      : undefined;
    const startedQueue = queue;
    let stopping: Promise<void> | undefined;
    return {
      config,
      logger,
      database,
      queue: startedQueue,
      skills,
      embeddings,
      stop() {
        stopping ??= (async () => {
          await heartbeat?.stop();
          await startedQueue.stop();
          await database.close();
        })();
        return stopping;
      },
    };
  } catch (error) {
    await queue?.stop().catch(() => undefined);
    await database.close().catch(() => undefined);
    throw error;
  }
}
