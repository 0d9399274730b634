import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../src/http/app.js';
import { type JobQueue, startJobQueue } from '../../src/worker/job-queue.js';
import { createTenantWithUsers, createTestUser, loginAs } from '../support/auth.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { silentLogger } from '../support/logger.js';
import { sampleJobs, seedRoles } from '../support/scraper-fixtures.js';

describe('scraper administration API', () => {
  let database: TestDatabase;
  let queue: JobQueue;
  let app: App;
  let admin: Record<string, string>;
  let recruiter: Record<string, string>;

  beforeAll(async () => {
    database = await createTestDatabase();
    queue = await startJobQueue(database, { logger: silentLogger, supervise: false });
    await queue.register([{ name: 'jobs/imported', handler: async () => {} }]);
    app = await buildApp({ database, logger: silentLogger, queue });
    admin = (await loginAs(app, (await createTestUser(database, { role: 'PM_ADMIN', tenantId: null })).email))
      .headers;
    recruiter = (await loginAs(app, (await createTenantWithUsers(database)).recruiter.email)).headers;
  });
  afterAll(async () => {
    await app.close();
    await queue.stop();
    await database.close();
  });

  it('creates a key whose secret is shown once, lists keys without secrets, and revokes', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/admin/scraper-keys',
      headers: admin,
      payload: { name: 'prod-scraper' },
    });
    expect(created.statusCode).toBe(201);
    const { key, secret } = created.json();
    expect(secret).toMatch(/^jm_sk_/);
    expect(key).toMatchObject({ name: 'prod-scraper', is_active: true });
    const list = await app.inject({ method: 'GET', url: '/api/admin/scraper-keys', headers: admin });
    expect(list.body).not.toContain(secret);
    expect(list.body).not.toContain('key_hash');
    expect(list.json().items.map((k: { id: number }) => k.id)).toContain(key.id);

    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/scraper/queue/claim',
          headers: { authorization: `Bearer ${secret}` },
        })
      ).statusCode,
    ).toBe(204);
    const revoked = await app.inject({
      method: 'POST',
      url: `/api/admin/scraper-keys/${key.id}/revoke`,
      headers: admin,
    });
    expect(revoked.json()).toMatchObject({ key: { is_active: false }, already_revoked: false });
    expect(
      (
        await app.inject({ method: 'POST', url: `/api/admin/scraper-keys/${key.id}/revoke`, headers: admin })
      ).json().already_revoked,
    ).toBe(true);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/scraper/queue/claim',
          headers: { authorization: `Bearer ${secret}` },
        })
      ).statusCode,
    ).toBe(401);
    expect(
      (await app.inject({ method: 'POST', url: '/api/admin/scraper-keys/999999/revoke', headers: admin }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/admin/scraper-keys',
          headers: admin,
          payload: { name: '' },
        })
      ).statusCode,
    ).toBe(400);
  });

  it('shows the queue, sessions with filters and per-scraper summaries', async () => {
    const roles = await seedRoles(database, [
      { name: 'Report Role A', candidates: 3 },
      { name: 'Report Role B', candidates: 1 },
    ]);
    const { secret, key } = (
      await app.inject({
        method: 'POST',
        url: '/api/admin/scraper-keys',
        headers: admin,
        payload: { name: 'reporter' },
      })
    ).json();
    const scraper = { authorization: `Bearer ${secret}` };
    const first = (
      await app.inject({ method: 'POST', url: '/api/scraper/queue/claim', headers: scraper })
    ).json();
    await app.inject({
      method: 'POST',
      url: '/api/scraper/queue/jobs',
      headers: scraper,
      payload: { session_id: first.session_id, jobs: sampleJobs('report', 4) },
    });
    const second = (
      await app.inject({ method: 'POST', url: '/api/scraper/queue/claim', headers: scraper })
    ).json();
    await app.inject({
      method: 'POST',
      url: '/api/scraper/queue/fail',
      headers: scraper,
      payload: { session_id: second.session_id, error_message: 'blocked' },
    });

    const queueList = (await app.inject({ method: 'GET', url: '/api/admin/queue', headers: admin })).json();
    expect(queueList.items.find((r: { id: number }) => r.id === roles.get('Report Role A'))).toMatchObject({
      queue_status: 'completed',
      total_jobs_scraped: 4,
      candidate_count: 3,
    });
    const pending = (
      await app.inject({ method: 'GET', url: '/api/admin/queue?status=pending', headers: admin })
    ).json();
    expect(pending.items.map((r: { name: string }) => r.name)).toContain('Report Role B');

    const sessions = (
      await app.inject({
        method: 'GET',
        url: `/api/admin/scrape-sessions?scraper_key_id=${key.id}`,
        headers: admin,
      })
    ).json();
    expect(sessions.total).toBe(2);
    const failed = (
      await app.inject({
        method: 'GET',
        url: `/api/admin/scrape-sessions?scraper_key_id=${key.id}&status=failed`,
        headers: admin,
      })
    ).json();
    expect(failed.items).toEqual([expect.objectContaining({ status: 'failed', error_message: 'blocked' })]);
    const none = (
      await app.inject({
        method: 'GET',
        url: `/api/admin/scrape-sessions?scraper_key_id=${key.id}&from=2099-01-01`,
        headers: admin,
      })
    ).json();
    expect(none.total).toBe(0);

    const summary = (
      await app.inject({
        method: 'GET',
        url: `/api/admin/scrape-sessions/summary?scraper_key_id=${key.id}`,
        headers: admin,
      })
    ).json();
    expect(summary.items).toEqual([
      expect.objectContaining({
        scraper_name: 'reporter',
        sessions: 2,
        completed: 1,
        failed: 1,
        jobs_imported: 4,
        failure_rate: 0.5,
        timeout_rate: 0,
        jobs_per_session: 4,
      }),
    ]);
    expect(summary.items[0].median_duration_seconds).toBeGreaterThanOrEqual(0);
  });

  it('scraper routes take API keys only: a signed-in user, even a platform admin, gets 401', async () => {
    for (const headers of [admin, recruiter]) {
      const claim = await app.inject({ method: 'POST', url: '/api/scraper/queue/claim', headers });
      expect(claim.statusCode).toBe(401);
      expect(claim.headers['content-type']).toMatch(/problem\+json/);
    }
  });

  it('is for platform admins only', async () => {
    for (const url of [
      '/api/admin/scraper-keys',
      '/api/admin/queue',
      '/api/admin/scrape-sessions',
      '/api/admin/scrape-sessions/summary',
    ]) {
      expect((await app.inject({ method: 'GET', url })).statusCode).toBe(401);
      expect((await app.inject({ method: 'GET', url, headers: recruiter })).statusCode).toBe(403);
    }
  });
});
