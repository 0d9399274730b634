import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/config.js';
import { type App, buildApp } from '../../src/http/app.js';
import { createTenantWithUsers, TEST_PASSWORD } from '../support/auth.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { silentLogger } from '../support/logger.js';

describe('security headers, trusted proxies and Secure cookies', () => {
  let database: TestDatabase;
  let direct: App;
  let proxied: App;
  let email: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    direct = await buildApp({ database, logger: silentLogger, webRoot: false });
    proxied = await buildApp({ database, logger: silentLogger, webRoot: false, trustProxy: true });
    email = (await createTenantWithUsers(database)).recruiter.email;
  });
  afterAll(async () => {
    await direct.close();
    await proxied.close();
    await database.close();
  });

  it('every answer carries HSTS, frame, nosniff and referrer headers and a same-origin CSP', async () => {
    for (const url of ['/healthz', '/api/candidates', '/no-such-route']) {
      const { headers } = await direct.inject({ method: 'GET', url });
      expect(headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBe('no-referrer');
      expect(headers['content-security-policy']).toContain("default-src 'self'");
      expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    }
  });

  const sessionCookie = async (app: App, headers: Record<string, string>) => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers,
      payload: { email, password: TEST_PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    return response.cookies.find((cookie) => cookie.name === 'jm_session')!;
  };

  it('behind a trusted TLS proxy the session cookie is Secure; an untrusted X-Forwarded-Proto changes nothing', async () => {
    expect((await sessionCookie(proxied, { 'x-forwarded-proto': 'https' })).secure).toBe(true);
    expect((await sessionCookie(proxied, {})).secure).toBeFalsy();
    expect((await sessionCookie(direct, { 'x-forwarded-proto': 'https' })).secure).toBeFalsy();
  });

  it('JOBMATCH_TRUST_PROXY takes true/false, a hop count or proxy addresses', () => {
    const trustProxy = (value?: string) => parseConfig({ JOBMATCH_TRUST_PROXY: value }).http.trustProxy;
    expect(trustProxy()).toBe(false);
    expect(trustProxy('true')).toBe(true);
    expect(trustProxy('2')).toBe(2);
    expect(trustProxy('10.0.0.1,10.0.0.0/8')).toEqual(['10.0.0.1', '10.0.0.0/8']);
    expect(() => trustProxy('yes please')).toThrow(/JOBMATCH_TRUST_PROXY/);
  });
});
