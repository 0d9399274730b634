import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isWellFormedApiKey } from '../../src/domain/api-key.js';
import { type App, buildApp } from '../../src/http/app.js';
import { createApiKey } from '../../src/scraper/api-keys.js';
import { createTenantWithUsers, createTestUser, type LoggedIn, loginAs } from '../support/auth.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { silentLogger } from '../support/logger.js';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

describe('tenant API keys', () => {
  let database: TestDatabase;
  let app: App;
  let admin: LoggedIn;
  let recruiter: LoggedIn;
  let otherAdmin: LoggedIn;
  let platform: LoggedIn;
  let candidateId: number;
  let otherCandidateId: number;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await buildApp({
      database,
      logger: silentLogger,
      queue: { send: async () => null },
      scraping: { failureLimit: 1000, failureWindowMs: 60_000, bodyLimit: 1024 * 1024 },
    });
    const agency = await createTenantWithUsers(database);
    const otherAgency = await createTenantWithUsers(database);
    const pm = await createTestUser(database, { role: 'PM_ADMIN', tenantId: null });
    admin = await loginAs(app, agency.admin.email);
    recruiter = await loginAs(app, agency.recruiter.email);
    otherAdmin = await loginAs(app, otherAgency.admin.email);
    platform = await loginAs(app, pm.email);
    const create = async (as: LoggedIn, email: string) => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/candidates',
        headers: as.headers,
        payload: { first_name: 'Grace', last_name: 'Hopper', email },
      });
      expect(response.statusCode).toBe(201);
      return response.json().id as number;
    };
    candidateId = await create(admin, 'grace@agency-a.test');
    otherCandidateId = await create(otherAdmin, 'grace@agency-b.test');
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const asSession = (as: LoggedIn, method: Method, url: string, payload?: object) =>
    app.inject({ method, url, headers: as.headers, ...(payload ? { payload } : {}) });
  const withKey = (key: string, method: Method, url: string, payload?: object) =>
    app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${key}` },
      ...(payload ? { payload } : {}),
    });
  const createKey = async (as: LoggedIn, scope: 'read' | 'write', name = `${scope} key`) => {
    const response = await asSession(as, 'POST', '/api/api-keys', { name, scope });
    expect(response.statusCode).toBe(201);
    return response.json() as { key: { id: number; scope: string }; secret: string };
  };

  it('agency admins create scoped keys in the scraper-key format, shown once and never listed', async () => {
    const created = await createKey(admin, 'read', 'ATS sync');
    expect(created.secret.startsWith('jm_tk_')).toBe(true);
    expect(isWellFormedApiKey(created.secret, 'tenant')).toBe(true);
    expect(created.key).toMatchObject({ name: 'ATS sync', scope: 'read', is_active: true });

    const list = await asSession(admin, 'GET', '/api/api-keys');
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(created.secret);
    expect(list.json().items.map((key: { id: number }) => key.id)).toContain(created.key.id);
    const { rows } = await database.sql.query<{ key_hash: string; tenant_id: number }>(
      'SELECT key_hash, tenant_id FROM scraper_api_keys WHERE id = $1',
      [created.key.id],
    );
    expect(rows[0]!.key_hash).not.toContain(created.secret);

    expect(
      (await asSession(recruiter, 'POST', '/api/api-keys', { name: 'x', scope: 'read' })).statusCode,
    ).toBe(403);
    expect((await asSession(admin, 'POST', '/api/api-keys', { name: 'x', scope: 'admin' })).statusCode).toBe(
      400,
    );
    expect((await asSession(admin, 'POST', '/api/api-keys', { name: ' ', scope: 'read' })).statusCode).toBe(
      400,
    );
    // Scraper keys and agency keys are kept apart both ways.
    const scraperList = await asSession(platform, 'GET', '/api/admin/scraper-keys');
    expect(scraperList.json().items.map((key: { id: number }) => key.id)).not.toContain(created.key.id);
    expect(
      (await asSession(platform, 'POST', `/api/admin/scraper-keys/${created.key.id}/revoke`)).statusCode,
    ).toBe(404);
    expect(
      (await asSession(otherAdmin, 'GET', '/api/api-keys')).json().items.map((key: { id: number }) => key.id),
    ).not.toContain(created.key.id);
  });

  it('scope matrix: a read key reads, a write key also writes, neither opens admin, account or scraper routes', async () => {
    const read = (await createKey(admin, 'read')).secret;
    const write = (await createKey(admin, 'write')).secret;
    for (const key of [read, write]) {
      expect((await withKey(key, 'GET', '/api/candidates')).statusCode).toBe(200);
      expect((await withKey(key, 'GET', `/api/candidates/${candidateId}`)).statusCode).toBe(200);
      expect((await withKey(key, 'GET', '/api/home')).statusCode).toBe(200);
      // Agency-admin routes, the keys themselves, accounts, sign-in and platform-admin routes: 403.
      for (const url of [
        '/api/webhooks',
        '/api/api-keys',
        '/api/tenant/users',
        '/api/auth/me',
        '/api/admin/health',
        '/api/admin/tenants',
        '/api/admin/scraper-keys',
      ])
        expect((await withKey(key, 'GET', url)).statusCode, url).toBe(403);
      expect((await withKey(key, 'POST', '/api/api-keys', { name: 'mint', scope: 'write' })).statusCode).toBe(
        403,
      );
      // Scraper routes take scraper keys only: 401, as for any key they do not know.
      const claim = await withKey(key, 'POST', '/api/scraper/queue/claim', {});
      expect(claim.statusCode).toBe(401);
    }
    const change = { first_name: 'Amazing Grace' };
    expect((await withKey(read, 'PATCH', `/api/candidates/${candidateId}`, change)).statusCode).toBe(403);
    expect(
      (await withKey(read, 'POST', '/api/candidates', { first_name: 'R', last_name: 'O', email: 'r@o.test' }))
        .statusCode,
    ).toBe(403);
    const patched = await withKey(write, 'PATCH', `/api/candidates/${candidateId}`, change);
    expect(patched.statusCode).toBe(200);
    expect(patched.json().first_name).toBe('Amazing Grace');
    const created = await withKey(write, 'POST', '/api/candidates', {
      first_name: 'Katherine',
      last_name: 'Johnson',
      email: 'katherine@agency-a.test',
    });
    expect(created.statusCode).toBe(201);
    // No CSRF token is needed: a key is not a cookie a cross-site page can make the browser send.
  });

  it("another agency's key gets 404 on this agency's resources, and its own only", async () => {
    const otherKey = (await createKey(otherAdmin, 'write')).secret;
    expect((await withKey(otherKey, 'GET', `/api/candidates/${candidateId}`)).statusCode).toBe(404);
    expect(
      (await withKey(otherKey, 'PATCH', `/api/candidates/${candidateId}`, { first_name: 'X' })).statusCode,
    ).toBe(404);
    expect((await withKey(otherKey, 'GET', `/api/candidates/${otherCandidateId}`)).statusCode).toBe(200);
    const listed = (await withKey(otherKey, 'GET', '/api/candidates')).json();
    expect(JSON.stringify(listed)).not.toContain('grace@agency-a.test');
    const mine = await createKey(admin, 'read');
    expect((await asSession(otherAdmin, 'POST', `/api/api-keys/${mine.key.id}/revoke`)).statusCode).toBe(404);
    expect((await withKey(mine.secret, 'GET', '/api/candidates')).statusCode).toBe(200);
  });

  it('a revoked key gets 401 at once; a rotated one works through its overlap; a wrong or scraper key gets the same 401', async () => {
    const key = await createKey(admin, 'read');
    expect((await withKey(key.secret, 'GET', '/api/candidates')).statusCode).toBe(200);
    const revoked = await asSession(admin, 'POST', `/api/api-keys/${key.key.id}/revoke`);
    expect(revoked.json()).toMatchObject({ key: { is_active: false }, already_revoked: false });
    const refused = await withKey(key.secret, 'GET', '/api/candidates');
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['www-authenticate']).toBe('Bearer');
    expect(
      (await asSession(admin, 'POST', `/api/api-keys/${key.key.id}/revoke`)).json().already_revoked,
    ).toBe(true);

    const old = await createKey(admin, 'write');
    const rotated = await asSession(admin, 'POST', `/api/api-keys/${old.key.id}/rotate`, {
      overlap_minutes: 5,
    });
    expect(rotated.statusCode).toBe(201);
    expect(rotated.json().key).toMatchObject({ scope: 'write', name: 'write key' });
    expect((await withKey(old.secret, 'GET', '/api/candidates')).statusCode).toBe(200);
    expect((await withKey(rotated.json().secret, 'GET', '/api/candidates')).statusCode).toBe(200);

    const scraperKey = (await createApiKey(database, { name: 'scraper' })).secret;
    const typo = `${key.secret.slice(0, -1)}${key.secret.endsWith('A') ? 'B' : 'A'}`;
    for (const presented of [typo, scraperKey]) {
      const response = await withKey(presented, 'GET', '/api/candidates');
      expect(response.statusCode).toBe(401);
    }
    expect(refused.json().detail).toBe((await withKey(typo, 'GET', '/api/candidates')).json().detail);
  });

  it('refuses a key in the URL, a key beside a session, and a key whose creator was deactivated', async () => {
    const key = await createKey(admin, 'read');
    expect(
      (await app.inject({ method: 'GET', url: `/api/candidates?api_key=${key.secret}` })).statusCode,
    ).toBe(401);
    const both = await app.inject({
      method: 'GET',
      url: '/api/candidates',
      headers: { ...admin.headers, 'x-api-key': key.secret },
    });
    expect(both.statusCode).toBe(401);
    expect(
      (await app.inject({ method: 'GET', url: '/api/candidates', headers: { 'x-api-key': key.secret } }))
        .statusCode,
    ).toBe(200);
    await database.sql.query(
      'UPDATE users SET is_active = false WHERE id = (SELECT created_by FROM scraper_api_keys WHERE id = $1)',
      [key.key.id],
    );
    try {
      expect((await withKey(key.secret, 'GET', '/api/candidates')).statusCode).toBe(401);
    } finally {
      await database.sql.query(
        'UPDATE users SET is_active = true WHERE id = (SELECT created_by FROM scraper_api_keys WHERE id = $1)',
        [key.key.id],
      );
    }
  });
});
