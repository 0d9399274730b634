import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../src/http/app.js';
import { expireScrapeLeases } from '../../src/scraper/queue-maintenance.js';
import { type JobQueue, startJobQueue } from '../../src/worker/job-queue.js';
import { createTestUser, loginAs } from '../support/auth.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { silentLogger } from '../support/logger.js';
import { createScraperKey, seedRoles } from '../support/scraper-fixtures.js';

/** A role whose scrapes keep failing stops at `failed` with its error; an admin sees it and re-queues it. */
describe('scrape retry cap', () => {
  let database: TestDatabase;
  let queue: JobQueue;
  let app: App;
  let scraper: Record<string, string>;
  let admin: Record<string, string>;
  let roleId: number;
  beforeAll(async () => {
    database = await createTestDatabase();
    queue = await startJobQueue(database, { logger: silentLogger, supervise: false });
    app = await buildApp({
      database,
      logger: silentLogger,
      queue,
      webRoot: false,
      scraping: { failureLimit: 20, failureWindowMs: 60_000, bodyLimit: 1024 * 1024, maxAttempts: 3 },
    });
    roleId = (await seedRoles(database, [{ name: 'Flaky Role', candidates: 2 }])).get('Flaky Role')!;
    scraper = { authorization: `Bearer ${(await createScraperKey(database)).secret}` };
    admin = (await loginAs(app, (await createTestUser(database, { role: 'PM_ADMIN', tenantId: null })).email))
      .headers;
  });
  afterAll(async () => {
    await app.close();
    await queue.stop();
    await database.close();
  });

  const claim = async () => {
    const response = await app.inject({ method: 'POST', url: '/api/scraper/queue/claim', headers: scraper });
    return response.statusCode === 200 ? (response.json().session_id as string) : null;
  };
  const role = async () =>
    (
      await database.sql.query<{
        queue_status: string;
        scrape_failures: number;
        last_scrape_error: string | null;
      }>('SELECT queue_status, scrape_failures, last_scrape_error FROM global_roles WHERE id = $1', [roleId])
    ).rows[0]!;

  it('two failures and a timed-out lease: the role is failed with its error, no longer claimed, re-queued by hand', async () => {
    for (const message of ['indeed returned 503', 'captcha']) {
      const session = await claim();
      const failed = await app.inject({
        method: 'POST',
        url: '/api/scraper/queue/fail',
        headers: scraper,
        payload: { session_id: session, error_message: message },
      });
      expect(failed.statusCode).toBe(200);
    }
    expect(await role()).toEqual({
      queue_status: 'pending',
      scrape_failures: 2,
      last_scrape_error: 'captcha',
    });

    const lastSession = await claim();
    await database.sql.query(
      `UPDATE scrape_sessions SET started_at = now() - interval '2 hours' WHERE session_id = $1`,
      [lastSession],
    );
    expect(await expireScrapeLeases(database, 1800, 3)).toBe(1);
    expect(await role()).toEqual({
      queue_status: 'failed',
      scrape_failures: 3,
      last_scrape_error: 'The scraper did not post results within the lease.',
    });
    expect(await claim()).toBeNull();

    const listed = await app.inject({ method: 'GET', url: '/api/admin/queue?status=failed', headers: admin });
    expect(listed.json().items).toEqual([
      expect.objectContaining({ id: roleId, queue_status: 'failed', scrape_failures: 3 }),
    ]);
    const requeued = await app.inject({
      method: 'POST',
      url: `/api/admin/queue/${roleId}/requeue`,
      headers: admin,
    });
    expect(requeued.json()).toEqual({ id: roleId, queue_status: 'pending' });
    expect(await claim()).not.toBeNull();
    expect(
      (await app.inject({ method: 'POST', url: '/api/admin/queue/2147483647/requeue', headers: admin }))
        .statusCode,
    ).toBe(404);
  });
});
