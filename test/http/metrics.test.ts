import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareCandidate, prepareJob } from '../../src/domain/scoring/index.js';
import { DEFAULT_SETTINGS } from '../../src/domain/scoring/settings.js';
import { type App, buildApp } from '../../src/http/app.js';
import { loadActiveJobs, loadCandidatesByIds } from '../../src/matching/load-features.js';
import { scoreAndStore } from '../../src/matching/store-matches.js';
import { type JobQueue, startJobQueue } from '../../src/worker/job-queue.js';
import { createCandidate, createJob, createTenant } from '../matching/fixtures.js';
import { createTestUser, loginAs } from '../support/auth.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { silentLogger } from '../support/logger.js';

/** One sample's value from Prometheus text (`name{labels} value`); 0 when the series is absent. */
function sample(text: string, name: string, labels = ''): number {
  const line = text.split('\n').find((row) => row.startsWith(`${name}${labels ? `{${labels}}` : ''} `));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('GET /metrics', () => {
  let database: TestDatabase;
  let queue: JobQueue;
  let app: App;
  const local = () => app.inject({ method: 'GET', url: '/metrics' }).then((response) => response.body);

  beforeAll(async () => {
    database = await createTestDatabase();
    queue = await startJobQueue(database, { logger: silentLogger, pollingIntervalSeconds: 0.5 });
    await queue.work([
      { name: 'test/fine', handler: async () => {} },
      {
        name: 'test/broken',
        retryLimit: 0,
        handler: async () => {
          throw new Error('broken');
        },
      },
    ]);
    app = await buildApp({ database, logger: silentLogger, queue, webRoot: false });
  });
  afterAll(async () => {
    await app.close();
    await queue.stop();
    await database.close();
  });

  it('counts and times requests by route pattern and status, in the Prometheus text format', async () => {
    const before = await local();
    await app.inject({ method: 'GET', url: '/healthz' });
    await app.inject({ method: 'GET', url: '/healthz' });
    await app.inject({ method: 'GET', url: '/no/such/path/12345' });
    const response = await app.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const after = response.body;
    const healthz = 'method="GET",route="/healthz",status="200"';
    expect(sample(after, 'jobmatch_http_requests_total', healthz)).toBe(
      sample(before, 'jobmatch_http_requests_total', healthz) + 2,
    );
    expect(after).toContain('jobmatch_http_requests_total{method="GET",route="unmatched",status="404"}');
    expect(after).not.toContain('/no/such/path');
    expect(
      sample(after, 'jobmatch_http_request_duration_seconds_count', 'method="GET",route="/healthz"'),
    ).toBe(
      sample(before, 'jobmatch_http_request_duration_seconds_count', 'method="GET",route="/healthz"') + 2,
    );
    expect(after).toMatch(/^jobmatch_process_cpu_seconds_total /m);
  });

  it('counts tasks per queue, completed and failed, with their durations', async () => {
    const before = await local();
    await queue.send('test/fine', {});
    await queue.send('test/broken', {});
    const completed = 'queue="test/fine",outcome="completed"';
    const failed = 'queue="test/broken",outcome="failed"';
    await waitFor(async () => {
      const now = await local();
      return (
        sample(now, 'jobmatch_tasks_total', completed) > sample(before, 'jobmatch_tasks_total', completed) &&
        sample(now, 'jobmatch_tasks_total', failed) > sample(before, 'jobmatch_tasks_total', failed)
      );
    });
    expect(
      sample(await local(), 'jobmatch_task_duration_seconds_count', 'queue="test/fine"'),
    ).toBeGreaterThan(0);
  });

  it('counts the pairs matching scored and the matches it stored', async () => {
    const tenant = await createTenant(database, 'metrics');
    const candidate = await createCandidate(database, tenant, { skills: ['Python', 'SQL'] });
    const jobIds = [await createJob(database), await createJob(database)];
    const [loaded] = await loadCandidatesByIds(database, [candidate]);
    const jobs = (await loadActiveJobs(database, jobIds)).map((job) => prepareJob(job));
    const before = await local();
    const totals = await scoreAndStore(
      database,
      [prepareCandidate(loaded!.features)],
      jobs,
      DEFAULT_SETTINGS,
      {
        floor: 0,
        bestN: 5,
      },
    );
    const after = await local();
    expect(totals.scored).toBe(2);
    expect(sample(after, 'jobmatch_match_pairs_scored_total')).toBe(
      sample(before, 'jobmatch_match_pairs_scored_total') + 2,
    );
    expect(sample(after, 'jobmatch_matches_stored_total')).toBe(
      sample(before, 'jobmatch_matches_stored_total') + totals.stored,
    );
  });

  it('is for this host or a platform admin: another address gets 401 signed out, 403 as a recruiter', async () => {
    const remote = { method: 'GET' as const, url: '/metrics', remoteAddress: '203.0.113.7' };
    expect((await app.inject(remote)).statusCode).toBe(401);
    const tenant = await createTenant(database, 'metrics-remote');
    const recruiter = await createTestUser(database, { role: 'RECRUITER', tenantId: tenant });
    const asRecruiter = await loginAs(app, recruiter.email);
    expect((await app.inject({ ...remote, headers: asRecruiter.headers })).statusCode).toBe(403);
    const admin = await createTestUser(database, { role: 'PM_ADMIN', tenantId: null });
    const asAdmin = await loginAs(app, admin.email);
    const allowed = await app.inject({ ...remote, headers: asAdmin.headers });
    expect(allowed.statusCode).toBe(200);
    expect(allowed.body).toContain('# TYPE jobmatch_http_requests_total counter');
  });
});
