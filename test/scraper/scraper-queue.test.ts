import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../src/http/app.js';
import { expireScrapeLeases, recycleScrapedRoles } from '../../src/scraper/queue-maintenance.js';
import { type JobQueue, startJobQueue } from '../../src/worker/job-queue.js';
import { maintenanceTasks } from '../../src/worker/tasks.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { silentLogger } from '../support/logger.js';
import { createScraperKey, sampleJobs, seedRoles } from '../support/scraper-fixtures.js';

describe('scrape queue API', () => {
  let database: TestDatabase;
  let queue: JobQueue;
  let app: App;
  let auth: Record<string, string>;
  let otherAuth: Record<string, string>;

  beforeAll(async () => {
    database = await createTestDatabase();
    queue = await startJobQueue(database, { logger: silentLogger, supervise: false });
    await queue.register([{ name: 'jobs/imported', handler: async () => {} }]);
    app = await buildApp({ database, logger: silentLogger, queue });
    auth = { authorization: `Bearer ${(await createScraperKey(database, 'alpha')).secret}` };
    otherAuth = { 'x-api-key': (await createScraperKey(database, 'beta')).secret };
  });
  afterAll(async () => {
    await app.close();
    await queue.stop();
    await database.close();
  });
  beforeEach(async () => {
    await database.sql.query(`UPDATE global_roles SET queue_status = 'completed', last_scraped_at = now()`);
  });

  const claim = (headers = auth) => app.inject({ method: 'POST', url: '/api/scraper/queue/claim', headers });
  const post = (body: unknown, headers = auth) =>
    app.inject({ method: 'POST', url: '/api/scraper/queue/jobs', headers, payload: body as object });

  it('claims by priority, then candidate count, then least recently scraped; skips roles nobody wants', async () => {
    await seedRoles(database, [
      { name: 'Order Normal Many', candidates: 5 },
      { name: 'Order Urgent Few', candidates: 1, priority: 'urgent' },
      { name: 'Order Normal Few Old', candidates: 2, lastScrapedAt: '2026-01-01' },
      { name: 'Order Normal Few New', candidates: 2, lastScrapedAt: '2026-06-01' },
      { name: 'Order Low', candidates: 50, priority: 'low' },
      { name: 'Order Nobody', candidates: 0, priority: 'urgent' },
    ]);
    const order: string[] = [];
    for (;;) {
      const response = await claim();
      if (response.statusCode === 204) break;
      expect(response.statusCode).toBe(200);
      order.push(response.json().role.name);
    }
    expect(order).toEqual([
      'Order Urgent Few',
      'Order Normal Many',
      'Order Normal Few Old',
      'Order Normal Few New',
      'Order Low',
    ]);
  });

  it('claim → post: jobs imported and linked, session and role completed, jobs/imported enqueued', async () => {
    const roles = await seedRoles(database, [
      { name: 'Flow Python Developer', candidates: 3, locations: ['Austin, TX', 'Remote'] },
    ]);
    const roleId = roles.get('Flow Python Developer')!;
    const claimed = (
      await app.inject({ method: 'GET', url: '/api/scraper/queue/next-role', headers: auth })
    ).json();
    expect(claimed.role).toMatchObject({ id: roleId, name: 'Flow Python Developer', candidate_count: 3 });
    expect(claimed.hints.locations[0]).toEqual({ location: 'Austin, TX', candidates: 3 });
    expect(claimed.hints.remote_candidates).toBe(3);
    const { rows: processing } = await database.sql.query<{ queue_status: string }>(
      `SELECT queue_status FROM global_roles WHERE id = $1`,
      [roleId],
    );
    expect(processing[0]!.queue_status).toBe('processing');

    const [firstJob, ...otherJobs] = sampleJobs('flow', 3);
    const jobs = [
      { ...firstJob, posted_date: 'last Tuesday-ish' },
      ...otherJobs,
      { title: '' },
      { ...sampleJobs('flow', 1)[0] },
    ];
    const response = await post({ session_id: claimed.session_id, jobs });
    expect(response.statusCode).toBe(200);
    const result = response.json();
    expect(result).toMatchObject({
      status: 'completed',
      role_id: roleId,
      jobs_found: 5,
      jobs_imported: 3,
      jobs_skipped: 1,
      jobs_failed: 1,
    });
    expect(result.errors).toEqual([expect.objectContaining({ index: 3, field: 'title' })]);
    // An optional field that does not parse is reported, and the job is stored without it.
    expect(result.warnings).toEqual([expect.objectContaining({ index: 0, field: 'posted_date' })]);

    const { rows: session } = await database.sql.query<Record<string, unknown>>(
      `SELECT status, jobs_found, jobs_imported, jobs_skipped, duration_seconds, scraper_name, role_name FROM scrape_sessions WHERE session_id = $1`,
      [claimed.session_id],
    );
    expect(session[0]).toMatchObject({
      status: 'completed',
      jobs_found: 5,
      jobs_imported: 3,
      jobs_skipped: 1,
      scraper_name: 'alpha',
      role_name: 'Flow Python Developer',
    });
    expect(session[0]!.duration_seconds).toBeGreaterThanOrEqual(0);
    const { rows: role } = await database.sql.query<Record<string, unknown>>(
      `SELECT queue_status, total_jobs_scraped, last_scraped_at FROM global_roles WHERE id = $1`,
      [roleId],
    );
    expect(role[0]).toMatchObject({ queue_status: 'completed', total_jobs_scraped: 3 });
    const { rows: jobsRows } = await database.sql.query<Record<string, unknown>>(
      `SELECT j.normalized_role_id, j.scrape_session_id, j.scraped_by_key_id IS NOT NULL AS by_key, m.global_role_id
       FROM job_postings j JOIN role_job_mapping m ON m.job_posting_id = j.id WHERE j.external_job_id LIKE 'flow-%'`,
    );
    expect(jobsRows).toHaveLength(3);
    for (const row of jobsRows)
      expect(row).toMatchObject({
        normalized_role_id: roleId,
        scrape_session_id: claimed.session_id,
        by_key: true,
        global_role_id: roleId,
      });
    const { rows: events } = await database.sql.query<{
      data: { roleId: number; sessionId: string; jobIds: number[] };
    }>(`SELECT data FROM pgboss.job WHERE name = 'jobs/imported' AND data->>'sessionId' = $1`, [
      claimed.session_id,
    ]);
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toMatchObject({ roleId, sessionId: claimed.session_id });
    expect(events[0]!.data.jobIds.sort()).toEqual([...result.new_job_ids].sort());

    // A network retry of the same body: same answer, nothing imported twice, no second event.
    const retry = await post({ session_id: claimed.session_id, jobs });
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual(result);
    const { rows: eventCount } = await database.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'jobs/imported' AND data->>'sessionId' = $1`,
      [claimed.session_id],
    );
    expect(eventCount[0]!.n).toBe(1);

    // Another body for a completed session is unprocessable; another key's session is forbidden.
    expect((await post({ session_id: claimed.session_id, jobs: sampleJobs('other', 1) })).statusCode).toBe(
      422,
    );
    expect((await post({ session_id: claimed.session_id, jobs }, otherAuth)).statusCode).toBe(403);

    // The same jobs found again in a later session are skipped as duplicates.
    await database.sql.query(`UPDATE global_roles SET queue_status = 'pending' WHERE id = $1`, [roleId]);
    const again = (await claim()).json();
    const second = (await post({ session_id: again.session_id, jobs: sampleJobs('flow', 3) })).json();
    expect(second).toMatchObject({ jobs_found: 3, jobs_imported: 0, jobs_skipped: 3, jobs_failed: 0 });
  });

  it('fail puts the role back in the queue; the session records the error', async () => {
    const roles = await seedRoles(database, [{ name: 'Fail Role', candidates: 1 }]);
    const claimed = (await claim()).json();
    expect(claimed.role.id).toBe(roles.get('Fail Role'));
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/scraper/queue/fail',
          headers: otherAuth,
          payload: { session_id: claimed.session_id, error_message: 'x' },
        })
      ).statusCode,
    ).toBe(403);
    const failed = await app.inject({
      method: 'POST',
      url: '/api/scraper/queue/fail',
      headers: auth,
      payload: { session_id: claimed.session_id, error_message: 'indeed returned 503' },
    });
    expect(failed.statusCode).toBe(200);
    const { rows } = await database.sql.query<Record<string, unknown>>(
      `SELECT s.status, s.error_message, r.queue_status FROM scrape_sessions s JOIN global_roles r ON r.id = s.global_role_id WHERE s.session_id = $1`,
      [claimed.session_id],
    );
    expect(rows[0]).toEqual({
      status: 'failed',
      error_message: 'indeed returned 503',
      queue_status: 'pending',
    });
    expect((await post({ session_id: claimed.session_id, jobs: [] })).statusCode).toBe(409);
  });

  it('rejects bad bodies and unknown sessions clearly', async () => {
    expect((await post({ session_id: 'not-a-uuid', jobs: [] })).statusCode).toBe(400);
    expect((await post({ session_id: '00000000-0000-4000-8000-000000000000', jobs: [] })).statusCode).toBe(
      404,
    );
    expect((await post({ session_id: '00000000-0000-4000-8000-000000000000' })).statusCode).toBe(400);
  });

  it('authenticates scraper keys only, with one uniform 401', async () => {
    const missing = await claim({});
    const wrong = await claim({ authorization: 'Bearer jm_sk_notarealkeyatall' });
    expect(missing.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().detail).toBe(missing.json().detail);
    expect(wrong.headers['www-authenticate']).toMatch(/Bearer/);
    const inQuery = await app.inject({
      method: 'POST',
      url: `/api/scraper/queue/claim?api_key=${auth.authorization!.slice(7)}`,
    });
    expect(inQuery.statusCode).toBe(401);
  });

  it('times out sessions past their lease and recycles roles scraped a day ago', async () => {
    const roles = await seedRoles(database, [{ name: 'Lease Role', candidates: 1 }]);
    const roleId = roles.get('Lease Role')!;
    const claimed = (await claim()).json();
    expect(await expireScrapeLeases(database, 1800)).toBe(0);
    await database.sql.query(
      `UPDATE scrape_sessions SET started_at = now() - interval '31 minutes' WHERE session_id = $1`,
      [claimed.session_id],
    );
    expect(await expireScrapeLeases(database, 1800)).toBe(1);
    expect(await expireScrapeLeases(database, 1800)).toBe(0);
    const { rows } = await database.sql.query<Record<string, unknown>>(
      `SELECT s.status, r.queue_status FROM scrape_sessions s JOIN global_roles r ON r.id = s.global_role_id WHERE s.session_id = $1`,
      [claimed.session_id],
    );
    expect(rows[0]).toEqual({ status: 'timeout', queue_status: 'pending' });
    expect((await post({ session_id: claimed.session_id, jobs: sampleJobs('late', 1) })).statusCode).toBe(
      409,
    );

    await database.sql.query(
      `UPDATE global_roles SET queue_status = 'completed', last_scraped_at = now() - interval '25 hours' WHERE id = $1`,
      [roleId],
    );
    expect(await recycleScrapedRoles(database, 24 * 3600)).toBeGreaterThanOrEqual(1);
    const { rows: after } = await database.sql.query<{ queue_status: string }>(
      `SELECT queue_status FROM global_roles WHERE id = $1`,
      [roleId],
    );
    expect(after[0]!.queue_status).toBe('pending');
    expect(await recycleScrapedRoles(database, 24 * 3600)).toBe(0);
  });

  it('schedules lease expiry and recycling as background tasks', () => {
    const names = maintenanceTasks({
      database,
      config: {
        imports: { maxBytes: 1, staleAfterSeconds: 60 },
        scraping: { leaseSeconds: 1800, rescrapeAfterSeconds: 86400, bodyLimit: 1, maxAttempts: 5 },
      },
    }).map((task) => task.name);
    expect(names).toEqual(expect.arrayContaining(['scraper/expire-leases', 'scraper/recycle-roles']));
  });
});
