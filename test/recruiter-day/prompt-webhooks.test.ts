import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../src/http/app.js';
import { INBOX_TASK } from '../../src/inbox/inbox-tasks.js';
import { refreshAllInboxes } from '../../src/inbox/refresh-inbox.js';
import { webhooksAfterRefresh } from '../../src/webhooks/webhook-tasks.js';
import { createTenantWithUsers, type LoggedIn, loginAs } from '../support/auth.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { silentLogger } from '../support/logger.js';

/**
 * Non-match webhook events (application.status_changed, placement.created) go out at once: each change queues
 * an inbox refresh in its own transaction, and that refresh writes and dispatches the deliveries; nothing
 * waits for the once-a-minute schedule. (candidate.created rides on the rescore task every new candidate
 * queues, which queues the refresh after it.)
 */
describe('non-match webhook events are dispatched right after the change', () => {
  let database: TestDatabase;
  let app: App;
  let recruiter: LoggedIn;
  let admin: LoggedIn;
  const sent: { name: string; data: object; options?: { singletonKey?: string; tx?: unknown } }[] = [];
  const queue = {
    send: async (name: string, data: object, options?: { singletonKey?: string; tx?: unknown }) => {
      sent.push({ name, data, ...(options ? { options } : {}) });
      return null;
    },
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await buildApp({
      database,
      logger: silentLogger,
      queue,
      webhooks: { allow: ['loopback'], timeoutMs: 500 },
    });
    const agency = await createTenantWithUsers(database);
    recruiter = await loginAs(app, agency.recruiter.email);
    admin = await loginAs(app, agency.admin.email);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const call = async (as: LoggedIn, url: string, payload: object, status = 200) => {
    const response = await app.inject({ method: 'POST', url, headers: as.headers, payload });
    expect(response.statusCode, response.body).toBe(status);
    return response.json();
  };
  const refreshesQueued = () =>
    sent.filter((task) => task.name === INBOX_TASK.refresh && task.options?.tx !== undefined).length;

  it('queues a refresh with each application move, undo, reopen and placement, whose deliveries are then dispatched', async () => {
    await call(
      admin,
      '/api/webhooks',
      { url: 'http://127.0.0.1:9/hook', events: ['application.status_changed', 'placement.created'] },
      201,
    );
    const candidate = await call(
      recruiter,
      '/api/candidates',
      { first_name: 'Ada', last_name: 'Byron', email: 'ada@prompt.test' },
      201,
    );
    const jobs = await database.sql.query<{ id: number }>(
      `INSERT INTO job_postings (platform, external_job_id, title) VALUES ('x', 'p1', 'Engineer'), ('x', 'p2', 'Lead') RETURNING id`,
    );
    const [first, second] = jobs.rows.map((row) => row.id);
    const application = await call(
      recruiter,
      '/api/applications',
      { candidate_id: candidate.id, job_posting_id: first },
      201,
    );
    expect(refreshesQueued()).toBe(1);
    for (const status of ['screening', 'interviewing', 'offer'])
      await call(recruiter, `/api/applications/${application.id}/status`, { status });
    expect(refreshesQueued()).toBe(4);
    const other = await call(
      recruiter,
      '/api/applications',
      { candidate_id: candidate.id, job_posting_id: second },
      201,
    );
    await call(recruiter, `/api/applications/${other.id}/status`, { status: 'rejected' });
    await call(recruiter, `/api/applications/${other.id}/reopen`, { reason: 'client came back' });
    await call(recruiter, `/api/applications/${other.id}/status`, { status: 'screening' });
    await call(recruiter, `/api/applications/${other.id}/undo`, {});
    expect(refreshesQueued()).toBe(9);
    await call(
      recruiter,
      `/api/applications/${application.id}/placement`,
      { start_date: '2027-01-04', currency: 'USD', rate_period: 'hour', pay_rate: 60, bill_rate: 80 },
      201,
    );
    expect(refreshesQueued()).toBe(10);
    expect(
      sent.filter((task) => task.name === INBOX_TASK.refresh).every((task) => task.options?.singletonKey),
    ).toBe(true);

    // What that queued refresh does when it runs: every event becomes a delivery, and each is dispatched.
    sent.length = 0;
    await refreshAllInboxes(database, webhooksAfterRefresh(queue));
    const { rows } = await database.sql.query<{ event_type: string; n: number }>(
      `SELECT event_type, count(*)::int AS n FROM webhook_deliveries GROUP BY event_type ORDER BY event_type`,
    );
    expect(rows).toEqual([
      { event_type: 'application.status_changed', n: 10 },
      { event_type: 'placement.created', n: 1 },
    ]);
    expect(sent.filter((task) => task.name === 'webhooks/deliver')).toHaveLength(11);
  });
});
