import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../src/http/app.js';
import { refreshAllInboxes } from '../../src/inbox/refresh-inbox.js';
import { createTenantWithUsers, createTestUser, type LoggedIn, loginAs } from '../support/auth.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { silentLogger } from '../support/logger.js';

describe('home page and inbox', () => {
  let database: TestDatabase;
  let app: App;
  let recruiter: LoggedIn;
  let colleague: LoggedIn;
  let admin: LoggedIn;
  let other: LoggedIn;
  let recruiterId: number;
  let tenantId: number;
  let ada: number;
  let quiet: number;
  let jobs: number[];

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await buildApp({ database, logger: silentLogger });
    const agency = await createTenantWithUsers(database);
    const second = await createTestUser(database, { role: 'RECRUITER', tenantId: agency.tenant.id });
    const otherAgency = await createTenantWithUsers(database);
    tenantId = agency.tenant.id;
    recruiterId = agency.recruiter.id;
    recruiter = await loginAs(app, agency.recruiter.email);
    colleague = await loginAs(app, second.email);
    admin = await loginAs(app, agency.admin.email);
    other = await loginAs(app, otherAgency.recruiter.email);
    const create = async (first: string) =>
      (
        await app.inject({
          method: 'POST',
          url: '/api/candidates',
          headers: recruiter.headers,
          payload: { first_name: first, last_name: 'Doe', email: `${first}@x.test` },
        })
      ).json().id as number;
    ada = await create('Ada');
    quiet = await create('Quinn');
    await database.sql.query(`UPDATE candidates SET status = 'approved' WHERE id = ANY ($1)`, [[ada, quiet]]);
    const created = await database.sql.query<{ id: number }>(
      `INSERT INTO job_postings (platform, external_job_id, title, company)
       VALUES ('x', 'h1', 'Data Engineer', 'Acme'), ('x', 'h2', 'ML Engineer', NULL), ('x', 'h3', 'DBA', 'Old')
       RETURNING id`,
    );
    jobs = created.rows.map((row) => row.id);
    await database.sql.query(
      `INSERT INTO candidate_job_matches (candidate_id, job_posting_id, match_score, is_recommended, match_reasons)
       VALUES ($1, $2, 82, true, ARRAY['Python and SQL match']), ($1, $3, 75, true, ARRAY['Close to Leeds']),
              ($1, $4, 45, false, ARRAY['weak'])`,
      [ada, jobs[0], jobs[1], jobs[2]],
    );
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const call = (as: LoggedIn, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    app.inject({ method, url, headers: as.headers, ...(payload ? { payload } : {}) });

  it('shows new recommended matches by candidate, quiet candidates, waiting applications and charts', async () => {
    const application = (
      await call(recruiter, 'POST', '/api/applications', { candidate_id: ada, job_posting_id: jobs[2] })
    ).json();
    await database.sql.query(
      `UPDATE job_applications SET status_updated_at = now() - interval '9 days' WHERE id = $1`,
      [application.id],
    );
    const home = (await call(recruiter, 'GET', '/api/home')).json();
    expect(home.new_matches).toHaveLength(1);
    expect(home.new_matches[0]).toMatchObject({ candidate_id: ada, best_score: 82, new_count: 2 });
    expect(home.new_matches[0].matches.map((m: { reason: string }) => m.reason)).toEqual([
      'Python and SQL match',
      'Close to Leeds',
    ]);
    expect(home.quiet_candidates.map((c: { candidate_id: number }) => c.candidate_id)).toEqual([quiet]);
    expect(home.waiting_applications).toEqual([
      expect.objectContaining({
        application_id: application.id,
        days_waiting: 9,
        application_status: 'applied',
      }),
    ]);
    expect(home.funnel).toEqual({
      matched: 3,
      shortlisted: 0,
      applied: 1,
      interviewing: 0,
      offer: 0,
      placed: 0,
    });
    expect(home.matches_per_day).toHaveLength(14);
    expect(home.matches_per_day.at(-1).count).toBe(3);
    expect(home.per_recruiter).toBeNull();

    expect((await call(colleague, 'GET', '/api/home')).json().new_matches).toEqual([]);
    expect((await call(recruiter, 'GET', '/api/home?scope=agency')).statusCode).toBe(403);
    const agency = (await call(admin, 'GET', '/api/home?scope=agency')).json();
    expect(agency.funnel.matched).toBe(3);
    expect(
      agency.per_recruiter.find((r: { user_id: number }) => r.user_id === recruiterId).funnel.applied,
    ).toBe(1);
    expect((await call(other, 'GET', '/api/home?scope=mine')).json()).toMatchObject({
      new_matches: [],
      funnel: { matched: 0 },
    });

    expect((await call(recruiter, 'PUT', '/api/settings/alerts', { stage_limit_days: 10 })).statusCode).toBe(
      403,
    );
    expect((await call(recruiter, 'GET', '/api/home')).json().waiting_applications).toHaveLength(1);
    expect((await call(admin, 'PUT', '/api/settings/alerts', { stage_limit_days: 10 })).statusCode).toBe(200);
    expect((await call(recruiter, 'GET', '/api/home')).json().waiting_applications).toHaveLength(0);
    expect((await call(other, 'GET', '/api/settings/alerts')).json().stage_limit_days).toBe(7);

    expect((await call(recruiter, 'POST', '/api/home/seen')).statusCode).toBe(200);
    expect((await call(recruiter, 'GET', '/api/home')).json().new_matches).toEqual([]);
  });

  it('announces a recommended pair once, again only when its score rises by the margin', async () => {
    expect((await call(recruiter, 'GET', '/api/inbox/unread-count')).json()).toEqual({ unread: 2 });
    expect(await refreshAllInboxes(database)).toBe(0);
    const inbox = (await call(recruiter, 'GET', '/api/inbox')).json();
    expect(inbox.items.map((e: { title: string }) => e.title).sort()).toEqual([
      'Ada Doe: Data Engineer at Acme (82)',
      'Ada Doe: ML Engineer (75)',
    ]);
    expect(inbox.items[0]).toMatchObject({ kind: 'match.recommended', link: `/candidates/${ada}` });

    await database.sql.query(
      `UPDATE candidate_job_matches SET match_score = match_score + 4, updated_at = now() WHERE candidate_id = $1`,
      [ada],
    );
    expect((await call(recruiter, 'GET', '/api/inbox/unread-count')).json()).toEqual({ unread: 2 });
    // As the matcher writes a rescored row: no stored reasons, so the announcement computes its reason.
    await database.sql.query(
      `UPDATE candidate_job_matches SET match_score = 90, match_reasons = NULL, updated_at = now()
       WHERE candidate_id = $1 AND job_posting_id = $2`,
      [ada, jobs[0]],
    );
    const rose = (await call(recruiter, 'GET', '/api/inbox?unread=true')).json();
    expect(rose.unread).toBe(3);
    expect(rose.items[0].title).toBe('Ada Doe: Data Engineer at Acme (score rose to 90)');
    expect(rose.items[0].detail).toMatch(/\S/);
    expect(rose.items[0].detail).not.toBe('Python and SQL match');
    expect((await call(other, 'GET', '/api/inbox')).json()).toMatchObject({ total: 0, unread: 0 });
  });

  it("tells the owner about a colleague's pipeline move and a role-mapping answer, not about their own", async () => {
    const application = (
      await call(recruiter, 'POST', '/api/applications', { candidate_id: ada, job_posting_id: jobs[0] })
    ).json();
    await call(recruiter, 'POST', `/api/applications/${application.id}/status`, { status: 'screening' });
    await call(colleague, 'POST', `/api/applications/${application.id}/status`, {
      status: 'interviewing',
      note: 'Tue 10:00',
    });
    await database.sql.query(
      `INSERT INTO role_mapping_reports (tenant_id, candidate_id, input_text, status, reported_by, resolved_at)
       VALUES ($1, $2, 'Sr Pythonista', 'resolved', $3, now())`,
      [tenantId, ada, recruiterId],
    );
    const items = (await call(recruiter, 'GET', '/api/inbox')).json().items;
    const moves = items.filter((e: { kind: string }) => e.kind === 'application.status_changed');
    expect(moves).toHaveLength(1);
    expect(moves[0].title).toBe('Ada Doe: Data Engineer moved screening → interviewing');
    expect(moves[0].detail).toMatch(/^by .+: Tue 10:00$/);
    expect(items.filter((e: { kind: string }) => e.kind === 'role_mapping.answered')).toEqual([
      expect.objectContaining({ title: 'Your role-mapping report for "Sr Pythonista" was resolved' }),
    ]);
  });

  it('marks entries read; another user or agency cannot', async () => {
    const { items, unread } = (await call(recruiter, 'GET', '/api/inbox')).json();
    expect((await call(other, 'POST', '/api/inbox/read', { ids: [items[0].id] })).statusCode).toBe(404);
    expect((await call(colleague, 'POST', '/api/inbox/read', { ids: [items[0].id] })).statusCode).toBe(404);
    expect((await call(recruiter, 'POST', '/api/inbox/read', { ids: [items[0].id] })).json()).toEqual({
      unread: unread - 1,
    });
    expect((await call(recruiter, 'POST', '/api/inbox/read', {})).json()).toEqual({ unread: 0 });
    expect((await call(recruiter, 'POST', '/api/inbox/read', { ids: [] })).statusCode).toBe(400);
  });
});
