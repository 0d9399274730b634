import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { type App, buildApp } from '../../src/http/app.js';
import { type JobQueue, startJobQueue } from '../../src/worker/job-queue.js';
import { createTenantWithUsers, createTestUser, loginAs } from '../support/auth.js';
import { silentLogger } from '../support/logger.js';
import { startPgOverSocket } from '../support/pg-socket.js';
import { createScraperKey, sampleJobs, seedRoles } from '../support/scraper-fixtures.js';

/**
 * The product's main paths on the server engine (`pg`, as with DATABASE_URL), against PGlite served over the
 * wire: type parsing, transactions, tenant role switching and background tasks as a server runs them.
 */
describe('main flows on the pg engine', () => {
  let database: Database;
  let stop: () => Promise<void>;
  let queue: JobQueue;
  let app: App;

  beforeAll(async () => {
    ({ database, stop } = await startPgOverSocket());
    queue = await startJobQueue(database, { logger: silentLogger, supervise: false });
    await queue.register([
      { name: 'jobs/imported', handler: async () => {} },
      { name: 'candidates/changed', handler: async () => {} },
    ]);
    app = await buildApp({ database, logger: silentLogger, queue, webRoot: false });
  });
  afterAll(async () => {
    await app.close();
    await queue.stop();
    await stop();
  });

  it('scraper claim and post, admin reports, candidate CRUD and matches lists work through pg', async () => {
    await seedRoles(database, [{ name: 'Pg Role', candidates: 2 }]);
    const { secret } = await createScraperKey(database, 'pg-scraper');
    const scraper = { authorization: `Bearer ${secret}` };
    const claimed = (
      await app.inject({ method: 'POST', url: '/api/scraper/queue/claim', headers: scraper })
    ).json();
    expect(claimed.role.name).toBe('Pg Role');
    const posted = await app.inject({
      method: 'POST',
      url: '/api/scraper/queue/jobs',
      headers: scraper,
      payload: { session_id: claimed.session_id, jobs: sampleJobs('pg', 3) },
    });
    expect(posted.json()).toMatchObject({ jobs_imported: 3, jobs_failed: 0 });

    const admin = (
      await loginAs(app, (await createTestUser(database, { role: 'PM_ADMIN', tenantId: null })).email)
    ).headers;
    const summary = (
      await app.inject({ method: 'GET', url: '/api/admin/scrape-sessions/summary', headers: admin })
    ).json();
    expect(summary.items[0]).toMatchObject({ scraper_name: 'pg-scraper', completed: 1, jobs_imported: 3 });

    const { recruiter } = await createTenantWithUsers(database);
    const headers = (await loginAs(app, recruiter.email)).headers;
    const created = await app.inject({
      method: 'POST',
      url: '/api/candidates',
      headers,
      payload: {
        first_name: 'Pia',
        last_name: 'Gray',
        email: 'pia@example.test',
        skills: ['Python'],
        total_experience_years: 4,
      },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const list = (await app.inject({ method: 'GET', url: '/api/candidates?search=gray', headers })).json();
    expect(list.items.map((c: { id: number }) => c.id)).toEqual([id]);
    const matches = await app.inject({ method: 'GET', url: `/api/candidates/${id}/matches`, headers });
    expect(matches.statusCode).toBe(200);
    expect(matches.json()).toMatchObject({ items: [], total: 0 });
    const jobs = (await app.inject({ method: 'GET', url: '/api/jobs?q=python', headers })).json();
    expect(jobs.items.length).toBeGreaterThan(0);
  });
});
