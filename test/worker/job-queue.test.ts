import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { type JobQueue, startJobQueue } from '../../src/worker/job-queue.js';
import { createTestDatabase } from '../support/database.js';
import { silentLogger } from '../support/logger.js';
import { startPgOverSocket } from '../support/pg-socket.js';

async function waitFor(check: () => boolean, timeoutMs = 15_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

for (const engine of ['PGlite', 'pg over the wire'] as const) {
  describe(`background tasks on ${engine}`, () => {
    let database: Database;
    let stop: () => Promise<void>;
    let queue: JobQueue;
    const seen: { data: unknown; retryCount: number }[] = [];
    let failuresLeft = 1;

    beforeAll(async () => {
      if (engine === 'PGlite') {
        const db = await createTestDatabase();
        database = db;
        stop = () => db.close();
      } else {
        ({ database, stop } = await startPgOverSocket());
      }
      queue = await startJobQueue(database, { logger: silentLogger, pollingIntervalSeconds: 0.5 });
      await queue.work([
        {
          name: 'test/echo',
          retryDelaySeconds: 1,
          handler: async (data: { n: number }, meta) => {
            if (data.n === 2 && failuresLeft-- > 0) throw new Error('transient');
            seen.push({ data, retryCount: meta.retryCount });
          },
        },
      ]);
    });
    afterAll(async () => {
      await queue.stop();
      await stop();
    });

    it('a task sent inside a committed transaction runs; one in a rolled-back transaction never exists', async () => {
      await database.transaction(async (tx) => {
        await queue.send('test/echo', { n: 1 }, { tx });
      });
      await expect(
        database.transaction(async (tx) => {
          await queue.send('test/echo', { n: 99 }, { tx });
          throw new Error('rollback');
        }),
      ).rejects.toThrow('rollback');
      await waitFor(() => seen.some((s) => (s.data as { n: number }).n === 1));
      await new Promise((resolve) => setTimeout(resolve, 1200));
      expect(seen.map((s) => (s.data as { n: number }).n)).not.toContain(99);
    });

    it('a failing task is retried', async () => {
      await queue.send('test/echo', { n: 2 });
      await waitFor(() => seen.some((s) => (s.data as { n: number }).n === 2), 20_000);
      expect(seen.find((s) => (s.data as { n: number }).n === 2)?.retryCount).toBe(1);
    });
  });
}
