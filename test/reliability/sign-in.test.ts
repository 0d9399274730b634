import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/accounts/passwords.js';
import { userRepository } from '../../src/db/repositories/user.repository.js';
import { type App, buildApp } from '../../src/http/app.js';
import { createTenantWithUsers } from '../support/auth.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { silentLogger } from '../support/logger.js';

describe('sign-in with per-agency e-mails and per-address throttling', () => {
  let database: TestDatabase;
  let app: App;
  beforeAll(async () => {
    database = await createTestDatabase();
    app = await buildApp({
      database,
      logger: silentLogger,
      webRoot: false,
      sessions: { ttlHours: 1, loginFailureLimit: 5, addressFailureLimit: 12, failureWindowMs: 60_000 },
    });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const login = (email: string, password: string, remoteAddress = '198.51.100.1') =>
    app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, payload: { email, password } });

  it('one e-mail in two agencies: each password signs in to its own agency', async () => {
    const a = await createTenantWithUsers(database);
    const b = await createTenantWithUsers(database);
    for (const [tenant, password] of [
      [a.tenant, 'agency-a-password-1'],
      [b.tenant, 'agency-b-password-2'],
    ] as const) {
      await userRepository(database).create({
        tenant_id: tenant.id,
        email: 'shared@recruiters.test',
        password_hash: await hashPassword(password),
        role: 'RECRUITER',
      });
    }
    const first = await login('shared@recruiters.test', 'agency-a-password-1');
    const second = await login('Shared@recruiters.test', 'agency-b-password-2');
    expect(first.statusCode).toBe(200);
    expect(second.statusCode).toBe(200);
    expect(first.json().user.tenant.id).toBe(a.tenant.id);
    expect(second.json().user.tenant.id).toBe(b.tenant.id);
  });

  it('one address spraying many e-mails is throttled, another address is not', async () => {
    const statuses: number[] = [];
    for (let n = 0; n < 14; n += 1) {
      statuses.push((await login(`spray-${n}@nowhere.test`, 'wrong-password', '198.51.100.99')).statusCode);
    }
    expect(statuses.slice(0, 12).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(12)).toEqual([429, 429]);
    expect((await login('spray-0@nowhere.test', 'wrong-password', '198.51.100.100')).statusCode).toBe(401);
  });
});
