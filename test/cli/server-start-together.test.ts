import { afterAll, expect, it } from 'vitest';
import { type JobmatchProcess, servingUrl, spawnJobmatch } from '../support/jobmatch-process.js';
import { createServerDatabase, describeOnServer } from '../support/pg-server.js';

/**
 * A server deployment starts in any order: `serve` (without inline workers) and two `worker`s started at the
 * same moment on a brand-new database all come up, and the database ends up migrated, with the task queues.
 */
describeOnServer('serve + 2 workers started together on a fresh database', () => {
  const running: JobmatchProcess[] = [];
  afterAll(() => {
    for (const process of running) process.child.kill('SIGKILL');
  });

  it('5 fresh databases, then one migrated first: every process starts, serves or works, and stops cleanly', async () => {
    for (let round = 0; round < 6; round += 1) {
      // The last round is the issue's: `jobmatch migrate` first (task-queue schema included), then all at once.
      const server = await createServerDatabase(`start_together_${round}`, {
        migrated: round === 5,
        poolSize: 1,
      });
      try {
        const env = { DATABASE_URL: server.url, JOBMATCH_INLINE_WORKERS: 'false', PORT: '0' };
        const processes = [
          spawnJobmatch(['serve'], env),
          spawnJobmatch(['worker'], env),
          spawnJobmatch(['worker'], env),
        ];
        running.push(...processes);
        const [serve, ...workers] = processes as [JobmatchProcess, ...JobmatchProcess[]];
        const url = await servingUrl(serve);
        for (const worker of workers) await worker.waitFor(/worker running/);
        expect((await fetch(`${url}/readyz`)).status).toBe(200);
        // Let the workers poll and the supervisors elect one another for a moment.
        await new Promise((resolve) => setTimeout(resolve, 1500));
        for (const process of processes) process.child.kill('SIGTERM');
        for (const process of processes) {
          expect(await process.exited, process.output()).toBe(0);
          expect(process.output()).not.toMatch(/"level":(50|60)/);
        }
        const queues = await server.database.sql.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM pgboss.queue',
        );
        expect(queues.rows[0]!.n).toBeGreaterThan(0);
      } finally {
        await server.drop();
      }
    }
  }, 400_000);
});
