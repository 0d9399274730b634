import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../src/http/app.js';
import { startWorkerHeartbeat } from '../../src/operations/worker-heartbeat.js';
import { claimNextRole } from '../../src/scraper/claim-next-role.js';
import { type JobQueue, startJobQueue } from '../../src/worker/job-queue.js';
import { createTestUser, loginAs } from '../support/auth.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { silentLogger } from '../support/logger.js';
import { createScraperKey, seedRoles } from '../support/scraper-fixtures.js';

async function waitFor(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('admin health report', () => {
  let database: TestDatabase;
  let queue: JobQueue;
  let app: App;

  beforeAll(async () => {
    database = await createTestDatabase();
    queue = await startJobQueue(database, { logger: silentLogger, pollingIntervalSeconds: 0.5 });
    await queue.work([
      {
        name: 'test/broken',
        retryLimit: 0,
        handler: async () => {
          throw new Error('the broken task broke');
        },
      },
    ]);
    await queue.register([{ name: 'test/idle', handler: async () => {} }]);
    app = await buildApp({ database, logger: silentLogger, queue, webRoot: false });
  });
  afterAll(async () => {
    await app.close();
    await queue.stop();
    await database.close();
  });

  it('reports workers with host and pid, backlog and oldest waiting task per queue, failed tasks with their error, and the last session per scraper', async () => {
    const heartbeat = await startWorkerHeartbeat(database, 'worker');
    await queue.send('test/idle', {});
    await queue.send('test/idle', {});
    await queue.send('test/broken', {});
    await seedRoles(database, [{ name: 'Health Role', candidates: 1 }]);
    const scraper = await createScraperKey(database, 'health-scraper');
    await database.transaction((tx) => claimNextRole(tx, scraper.key));

    const admin = await createTestUser(database, { role: 'PM_ADMIN', tenantId: null });
    const { headers } = await loginAs(app, admin.email);
    const get = () => app.inject({ method: 'GET', url: '/api/admin/health', headers });
    await waitFor(async () => get().then((response) => response.json().failed_tasks.length > 0));
    const report = (await get()).json();

    expect(report.database).toMatchObject({ reachable: true });
    expect(report.migrations.pending).toEqual([]);
    expect(report.workers).toContainEqual(
      expect.objectContaining({ pid: process.pid, kind: 'worker', alive: true }),
    );
    const idle = report.queues.find((q: { name: string }) => q.name === 'test/idle');
    expect(idle).toMatchObject({ waiting: 2 });
    expect(Date.parse(idle.oldest_waiting_at)).toBeLessThanOrEqual(Date.now());
    expect(report.failed_tasks[0]).toMatchObject({ queue: 'test/broken', error: 'the broken task broke' });
    expect(report.scrapers).toContainEqual(
      expect.objectContaining({ scraper_name: 'health-scraper', last_status: 'in_progress' }),
    );

    // /readyz, unauthenticated, carries the live workers and the same backlog, without the task errors.
    const ready = (await app.inject({ method: 'GET', url: '/readyz' })).json();
    expect(ready.workers.alive).toBeGreaterThanOrEqual(1);
    expect(ready.queues).toContainEqual({
      name: 'test/idle',
      waiting: 2,
      active: 0,
      failed: 0,
      oldestWaitingAt: new Date(idle.oldest_waiting_at).toISOString(),
    });
    expect(ready.queues).toContainEqual(expect.objectContaining({ name: 'test/broken', failed: 1 }));
    expect(JSON.stringify(ready)).not.toContain('the broken task broke');

    await heartbeat.stop();
    expect((await get()).json().workers).not.toContainEqual(expect.objectContaining({ pid: process.pid }));
  });

  it('is for platform admins only', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/admin/health' })).statusCode).toBe(401);
  });

  it('retries a failed task on request: it runs again, once; without CSRF, signed out or unknown it is refused', async () => {
    const admin = await createTestUser(database, { role: 'PM_ADMIN', tenantId: null });
    const { headers, cookie } = await loginAs(app, admin.email);
    const failedTask = async () =>
      (await app.inject({ method: 'GET', url: '/api/admin/health', headers })).json().failed_tasks[0] as {
        id: string;
        retry_count: number;
      };
    await waitFor(async () => (await failedTask()) !== undefined);
    const failed = await failedTask();
    const retry = (id: string, withHeaders: Record<string, string>) =>
      app.inject({ method: 'POST', url: `/api/admin/health/failed-tasks/${id}/retry`, headers: withHeaders });

    expect((await retry(failed.id, { cookie })).statusCode).toBe(403);
    expect((await retry(failed.id, {})).statusCode).toBe(401);
    expect((await retry('not-a-uuid', headers)).statusCode).toBe(400);
    const done = await retry(failed.id, headers);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toEqual({ id: failed.id, queue: 'test/broken' });
    expect((await retry(failed.id, headers)).statusCode).toBe(404);
    // The worker takes it again, and it fails again with one more attempt counted.
    await waitFor(async () => {
      const again = await failedTask();
      return again?.id === failed.id && again.retry_count > failed.retry_count;
    });
  });
});
