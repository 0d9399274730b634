import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../src/http/app.js';
import { createTenantWithUsers, createTestUser, loginAs, TEST_PASSWORD } from '../support/auth.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { silentLogger } from '../support/logger.js';

describe('sign-in, sessions and account management', () => {
  let database: TestDatabase;
  let app: App;
  let agency: Awaited<ReturnType<typeof createTenantWithUsers>>;
  beforeAll(async () => {
    database = await createTestDatabase();
    app = await buildApp({
      database,
      logger: silentLogger,
      sessions: { ttlHours: 1, loginFailureLimit: 3, failureWindowMs: 60_000 },
    });
    agency = await createTenantWithUsers(database, 'Acme Staffing');
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('signs in with an HttpOnly SameSite cookie holding a token whose hash is stored', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: agency.recruiter.email.toUpperCase(), password: TEST_PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      user: {
        email: agency.recruiter.email,
        role: 'RECRUITER',
        tenant: { id: agency.tenant.id, name: 'Acme Staffing' },
      },
      csrf_token: expect.any(String),
    });
    const header = String(response.headers['set-cookie']);
    expect(header).toMatch(/^jm_session=[A-Za-z0-9_-]{43};/);
    expect(header).toMatch(/HttpOnly/);
    expect(header).toMatch(/SameSite=Lax/);
    expect(header).toMatch(/Path=\//);
    expect(header).not.toMatch(/Secure/);
    const token = header.slice('jm_session='.length, header.indexOf(';'));
    const { rows } = await database.sql.query<{ id: string }>('SELECT id FROM user_sessions');
    expect(rows.map((row) => row.id)).not.toContain(token);
  });

  it('answers a wrong email and a wrong password alike, then rate-limits the pair', async () => {
    const target = await createTestUser(database, { role: 'RECRUITER', tenantId: agency.tenant.id });
    const wrongEmail = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'nobody@example.test', password: TEST_PASSWORD },
    });
    const wrongPassword = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: target.email, password: 'wrong password!' },
    });
    expect(wrongEmail.statusCode).toBe(401);
    expect(wrongPassword.statusCode).toBe(401);
    expect(wrongEmail.json().detail).toBe(wrongPassword.json().detail);
    for (let attempt = 0; attempt < 2; attempt++) {
      await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: target.email, password: 'x' },
      });
    }
    const blocked = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: target.email, password: TEST_PASSWORD },
    });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['retry-after']).toBeDefined();
  });

  it('shows the user, requires the CSRF token for writes, and logs out for good', async () => {
    const session = await loginAs(app, agency.recruiter.email);
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: session.cookie } });
    expect(me.json()).toMatchObject({ user: { id: agency.recruiter.id }, csrf_token: session.csrf });

    const noCsrf = await app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: session.cookie },
    });
    expect(noCsrf.statusCode).toBe(403);
    const wrongCsrf = await app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: session.cookie, 'x-csrf-token': 'nope' },
    });
    expect(wrongCsrf.statusCode).toBe(403);

    const logout = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: session.headers });
    expect(logout.statusCode).toBe(204);
    const after = await app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: session.cookie },
    });
    expect(after.statusCode).toBe(401);
  });

  it('ends expired sessions and slides live ones', async () => {
    const session = await loginAs(app, agency.recruiter.email);
    const before = await database.sql.query<{ expires_at: Date }>(
      'SELECT max(expires_at) AS expires_at FROM user_sessions',
    );
    await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: session.cookie } });
    const after = await database.sql.query<{ expires_at: Date }>(
      'SELECT max(expires_at) AS expires_at FROM user_sessions',
    );
    expect(new Date(after.rows[0]!.expires_at).getTime()).toBeGreaterThan(
      new Date(before.rows[0]!.expires_at).getTime(),
    );

    await database.sql.query(`UPDATE user_sessions SET expires_at = now() - interval '1 second'`);
    const expired = await app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: session.cookie },
    });
    expect(expired.statusCode).toBe(401);
  });

  it('lets a platform admin create an agency with its first admin, in one step', async () => {
    const pm = await createTestUser(database, { role: 'PM_ADMIN', tenantId: null });
    const session = await loginAs(app, pm.email);
    const created = await app.inject({
      method: 'POST',
      url: '/api/admin/tenants',
      headers: session.headers,
      payload: {
        name: 'Beta Talent',
        admin: { email: 'boss@beta.test', password: 'a long enough password' },
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      tenant: { slug: 'beta-talent' },
      admin: { role: 'TENANT_ADMIN' },
    });
    const duplicate = await app.inject({
      method: 'POST',
      url: '/api/admin/tenants',
      headers: session.headers,
      payload: {
        name: 'Beta Talent',
        admin: { email: 'other@beta.test', password: 'a long enough password' },
      },
    });
    expect(duplicate.statusCode).toBe(409);
    const { rows } = await database.sql.query(`SELECT 1 FROM users WHERE email = 'other@beta.test'`);
    expect(rows).toHaveLength(0);

    const shortPassword = await app.inject({
      method: 'POST',
      url: '/api/admin/tenants',
      headers: session.headers,
      payload: { name: 'Gamma', admin: { email: 'g@gamma.test', password: 'short' } },
    });
    expect(shortPassword.statusCode).toBe(400);
  });

  it('lets a tenant admin manage the agency users, never beyond it', async () => {
    const session = await loginAs(app, agency.admin.email);
    const created = await app.inject({
      method: 'POST',
      url: '/api/tenant/users',
      headers: session.headers,
      payload: { email: 'new.recruiter@acme.test', password: 'another long password', role: 'RECRUITER' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().tenant.id).toBe(agency.tenant.id);

    const massAssignment = await app.inject({
      method: 'POST',
      url: '/api/tenant/users',
      headers: session.headers,
      payload: { email: 'x@acme.test', password: 'another long password', role: 'RECRUITER', tenant_id: 999 },
    });
    expect(massAssignment.statusCode).toBe(400);
    const pmRole = await app.inject({
      method: 'POST',
      url: '/api/tenant/users',
      headers: session.headers,
      payload: { email: 'y@acme.test', password: 'another long password', role: 'PM_ADMIN' },
    });
    expect(pmRole.statusCode).toBe(400);

    const deactivate = await app.inject({
      method: 'PATCH',
      url: `/api/tenant/users/${created.json().id}`,
      headers: session.headers,
      payload: { is_active: false },
    });
    expect(deactivate.json()).toMatchObject({ is_active: false });
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'new.recruiter@acme.test', password: 'another long password' },
    });
    expect(login.statusCode).toBe(401);

    const selfDemote = await app.inject({
      method: 'PATCH',
      url: `/api/tenant/users/${agency.admin.id}`,
      headers: session.headers,
      payload: { role: 'RECRUITER' },
    });
    expect(selfDemote.statusCode).toBe(422);
  });

  it('never accepts a scraper key on user routes', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { authorization: 'Bearer jm_sk_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG' },
    });
    expect(response.statusCode).toBe(401);
  });
});
