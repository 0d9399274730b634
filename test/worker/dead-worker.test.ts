import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { abandonedTasks } from '../../src/operations/task-queries.js';
import { startWorkerHeartbeat, WORKER_ALIVE_SECONDS } from '../../src/operations/worker-heartbeat.js';
import { type JobQueue, startJobQueue } from '../../src/worker/job-queue.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { silentLogger } from '../support/logger.js';

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Worker A takes a task and dies in the middle of it (its handler never returns, its heartbeat stops at the
 * moment of death, still listing the task); worker B, alive, fails the abandoned task at one of its beats and
 * runs it again, well within a minute (pg-boss alone would wait for the 15-minute expiry).
 */
describe('a dead worker’s task', () => {
  let database: TestDatabase;
  const queues: JobQueue[] = [];
  const attempts: { id: string; retryCount: number; at: number }[] = [];
  let completed: string | undefined;
  const task = {
    name: 'test/long',
    retryLimit: 2,
    handler: async (_data: object, meta: { id: string; retryCount: number }) => {
      attempts.push({ ...meta, at: Date.now() });
      // The first attempt's worker dies mid-task: it never finishes.
      if (attempts.length === 1) await new Promise(() => undefined);
      completed = meta.id;
    },
  };
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    for (const queue of queues) await queue.stop().catch(() => undefined);
    await database.close();
  });

  it('is retried by a live worker within a minute of the death, and completes', async () => {
    const workerA = await startJobQueue(database, { logger: silentLogger, pollingIntervalSeconds: 0.5 });
    queues.push(workerA);
    await workerA.work([task]);
    const id = await workerA.send(task.name, {});
    await waitFor(() => attempts.length === 1, 20_000);
    expect(attempts[0]!.id).toBe(id);
    expect(workerA.runningTasks()).toEqual([id]);

    // A's last heartbeat, as its beat writes it: it lists the task. While it is fresh the task is A's.
    const deadWorker = randomUUID();
    await database.sql.query(
      `INSERT INTO worker_heartbeats (worker_id, host, pid, kind, active_tasks) VALUES ($1, 'host-a', 4242, 'worker', $2::uuid[])`,
      [deadWorker, workerA.runningTasks()],
    );
    const diedAt = Date.now();
    const alive = { aliveSeconds: WORKER_ALIVE_SECONDS, graceSeconds: 0 };
    expect(await abandonedTasks(database.sql, alive)).toEqual([]);

    const workerB = await startJobQueue(database, { logger: silentLogger, pollingIntervalSeconds: 0.5 });
    queues.push(workerB);
    await workerB.work([task]);
    const heartbeatB = await startWorkerHeartbeat(database, 'worker', workerB);
    try {
      await waitFor(() => completed !== undefined, 75_000);
    } finally {
      await heartbeatB.stop();
    }
    const redoneAfter = (attempts[1]!.at - diedAt) / 1000;
    console.log(`dead worker's task redone ${redoneAfter.toFixed(1)} s after its last heartbeat`);
    expect(attempts).toHaveLength(2);
    expect(attempts[1]).toMatchObject({ id, retryCount: 1 });
    expect(completed).toBe(id);
    expect(redoneAfter).toBeGreaterThanOrEqual(WORKER_ALIVE_SECONDS - 1);
    expect(redoneAfter).toBeLessThan(60);
  }, 120_000);
});
