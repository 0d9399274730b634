import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../src/http/app.js';
import { createTenantWithUsers, createTestUser, type LoggedIn, loginAs } from '../support/auth.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { silentLogger } from '../support/logger.js';
import { multipartBody } from '../support/multipart.js';

/**
 * Tenant isolation over every tenant-scoped route: a user of agency A naming agency B's ids gets 404 and B's
 * data stays as it was; recruiters get 403 on admin routes; scraper keys get 401 on user routes.
 */
describe('tenant isolation', () => {
  let database: TestDatabase;
  let app: App;
  let a: LoggedIn;
  let aAdmin: LoggedIn;
  let aAdminId: number;
  let bCandidate: number;
  let bApplication: number;
  let bMatch: number;
  let bUser: number;
  let job: number;

  const snapshotOfB = async () =>
    (
      await database.sql.query(
        `SELECT json_build_object(
           'candidates', (SELECT json_agg(c ORDER BY c.id) FROM candidates c WHERE tenant_id = $1),
           'applications', (SELECT json_agg(x ORDER BY x.id) FROM job_applications x JOIN candidates c ON c.id = x.candidate_id WHERE c.tenant_id = $1),
           'matches', (SELECT json_agg(m ORDER BY m.id) FROM candidate_job_matches m JOIN candidates c ON c.id = m.candidate_id WHERE c.tenant_id = $1),
           'history', (SELECT count(*) FROM candidate_status_changes h JOIN candidates c ON c.id = h.candidate_id WHERE c.tenant_id = $1),
           'users', (SELECT json_agg(u.role || u.is_active ORDER BY u.id) FROM users u WHERE tenant_id = $1)) AS b`,
        [bTenant],
      )
    ).rows[0];
  let bTenant: number;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await buildApp({ database, logger: silentLogger, queue: { send: async () => null } });
    const agencyA = await createTenantWithUsers(database, 'Agency A');
    const agencyB = await createTenantWithUsers(database, 'Agency B');
    bTenant = agencyB.tenant.id;
    bUser = agencyB.recruiter.id;
    aAdminId = agencyA.admin.id;
    a = await loginAs(app, agencyA.recruiter.email);
    aAdmin = await loginAs(app, agencyA.admin.email);
    const b = await loginAs(app, agencyB.recruiter.email);
    const jobs = await database.sql.query<{ id: number }>(
      `INSERT INTO job_postings (platform, external_job_id, title) VALUES ('x', 'iso-1', 'Dev'), ('x', 'iso-2', 'Ops') RETURNING id`,
    );
    job = jobs.rows[1]!.id;
    bCandidate = (
      await app.inject({
        method: 'POST',
        url: '/api/candidates',
        headers: b.headers,
        payload: { first_name: 'Bea', last_name: 'B', email: 'bea@b.test' },
      })
    ).json().id;
    bMatch = (
      await database.sql.query<{ id: number }>(
        'INSERT INTO candidate_job_matches (candidate_id, job_posting_id, match_score) VALUES ($1, $2, 70), ($1, $3, 60) RETURNING id',
        [bCandidate, jobs.rows[0]!.id, job],
      )
    ).rows[1]!.id;
    bApplication = (
      await app.inject({
        method: 'POST',
        url: '/api/applications',
        headers: b.headers,
        payload: { candidate_id: bCandidate, job_posting_id: jobs.rows[0]!.id },
      })
    ).json().id;
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const crossTenantRequests = () =>
    [
      { method: 'GET', url: `/api/candidates/${bCandidate}` },
      { method: 'PATCH', url: `/api/candidates/${bCandidate}`, payload: { first_name: 'Hacked' } },
      { method: 'DELETE', url: `/api/candidates/${bCandidate}` },
      { method: 'POST', url: `/api/candidates/${bCandidate}/status`, payload: { status: 'approved' } },
      { method: 'GET', url: `/api/candidates/${bCandidate}/matches/export.csv` },
      {
        method: 'POST',
        url: '/api/applications',
        payload: { candidate_id: bCandidate, job_posting_id: job },
      },
      { method: 'POST', url: '/api/applications', payload: { match_id: bMatch } },
      { method: 'GET', url: `/api/applications/${bApplication}` },
      { method: 'GET', url: `/api/candidates/${bCandidate}/matches` },
      { method: 'GET', url: `/api/matches/${bMatch}` },
      { method: 'PATCH', url: `/api/matches/${bMatch}`, payload: { status: 'shortlisted' } },
      { method: 'POST', url: `/api/candidates/${bCandidate}/rematch` },
      { method: 'POST', url: `/api/applications/${bApplication}/status`, payload: { status: 'screening' } },
    ] as const;

  it("answers 404 to every route naming another agency's ids, and changes nothing", async () => {
    const before = await snapshotOfB();
    for (const request of crossTenantRequests()) {
      const response = await app.inject({ ...request, headers: a.headers });
      expect({ ...request, status: response.statusCode }).toEqual({ ...request, status: 404 });
    }
    const adminPatch = await app.inject({
      method: 'PATCH',
      url: `/api/tenant/users/${bUser}`,
      headers: aAdmin.headers,
      payload: { is_active: false },
    });
    expect(adminPatch.statusCode).toBe(404);
    expect(await snapshotOfB()).toEqual(before);
  });

  it("never shows another agency's rows in lists, searches, exports, pipeline or imports", async () => {
    const lists = [
      '/api/candidates',
      '/api/candidates?search=bea',
      `/api/applications?candidate_id=${bCandidate}`,
      '/api/applications',
    ];
    for (const url of lists) {
      const response = await app.inject({ method: 'GET', url, headers: a.headers });
      expect(response.json()).toMatchObject({ items: [], total: 0 });
    }
    const jobMatches = await app.inject({
      method: 'GET',
      url: `/api/jobs/${job}/matches`,
      headers: a.headers,
    });
    expect(jobMatches.statusCode).toBe(200);
    expect(JSON.stringify(jobMatches.json())).not.toContain(`"candidate_id":${bCandidate}`);
    const exported = await app.inject({
      method: 'GET',
      url: '/api/candidates/export.csv',
      headers: a.headers,
    });
    expect(exported.body).not.toContain('bea@b.test');
    const pipeline = await app.inject({
      method: 'GET',
      url: '/api/applications/pipeline',
      headers: a.headers,
    });
    expect(pipeline.json().stages.every((stage: { count: number }) => stage.count === 0)).toBe(true);
    const users = await app.inject({ method: 'GET', url: '/api/tenant/users', headers: aAdmin.headers });
    expect(
      users.json().items.every((user: { tenant: { name: string } }) => user.tenant.name === 'Agency A'),
    ).toBe(true);

    // An import cannot target another agency: its tenant comes from the session, and tenant_id is not a column.
    const upload = multipartBody(
      {},
      { name: 'c.csv', content: 'first_name,last_name,email,tenant_id\nEve,E,eve@a.test,' + bTenant + '\n' },
    );
    const imported = await app.inject({
      method: 'POST',
      url: '/api/candidates/imports',
      headers: { ...a.headers, ...upload.headers },
      payload: upload.payload,
    });
    expect(imported.json()).toMatchObject({ created: 0, failed: 1, errors: [{ field: 'tenant_id' }] });
  });

  it('gives recruiters 403 on admin routes and tenant admins 403 on platform routes', async () => {
    const adminRoutes = [
      { method: 'GET', url: '/api/admin/tenants' },
      {
        method: 'POST',
        url: '/api/admin/tenants',
        payload: { name: 'X', admin: { email: 'x@x.test', password: 'long password 123' } },
      },
      { method: 'GET', url: `/api/admin/tenants/${bTenant}` },
      { method: 'PATCH', url: `/api/admin/tenants/${bTenant}`, payload: { is_active: false } },
    ] as const;
    for (const request of [...adminRoutes, { method: 'GET', url: '/api/tenant/users' } as const]) {
      expect((await app.inject({ ...request, headers: a.headers })).statusCode).toBe(403);
    }
    for (const request of adminRoutes) {
      expect((await app.inject({ ...request, headers: aAdmin.headers })).statusCode).toBe(403);
    }
  });

  it('gives 401 to scraper keys and anonymous callers on user routes', async () => {
    const scraper = { authorization: 'Bearer jm_sk_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG' };
    for (const url of [
      '/api/candidates',
      '/api/applications/pipeline',
      '/api/tenant/users',
      '/api/admin/tenants',
    ]) {
      expect((await app.inject({ method: 'GET', url, headers: scraper })).statusCode).toBe(401);
      expect((await app.inject({ method: 'GET', url })).statusCode).toBe(401);
    }
  });

  it('does not let a tenant admin become PM_ADMIN', async () => {
    const response = await app.inject({
      method: 'PATCH',
      url: `/api/tenant/users/${aAdminId}`,
      headers: aAdmin.headers,
      payload: { role: 'PM_ADMIN' },
    });
    expect(response.statusCode).toBe(400);
    const { rows } = await database.sql.query<{ role: string }>('SELECT role FROM users WHERE id = $1', [
      aAdminId,
    ]);
    expect(rows[0]!.role).toBe('TENANT_ADMIN');
  });

  it('leaves a PM_ADMIN without an agency out of tenant data', async () => {
    const pm = await createTestUser(database, { role: 'PM_ADMIN', tenantId: null });
    const session = await loginAs(app, pm.email);
    expect(
      (await app.inject({ method: 'GET', url: '/api/candidates', headers: session.headers })).statusCode,
    ).toBe(403);
  });
});
