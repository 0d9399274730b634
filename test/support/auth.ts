import { randomBytes } from 'node:crypto';
import { hashPassword } from '../../src/accounts/passwords.js';
import type { Database } from '../../src/db/database.js';
import { tenantRepository } from '../../src/db/repositories/tenant.repository.js';
import { type UserRole, userRepository } from '../../src/db/repositories/user.repository.js';
import type { App } from '../../src/http/app.js';
import { CSRF_HEADER, SESSION_COOKIE } from '../../src/http/auth/session-auth.js';

export const TEST_PASSWORD = 'correct horse battery staple';

export interface TestUser {
  id: number;
  email: string;
  password: string;
  role: UserRole;
  tenantId: number | null;
}

let passwordHash: Promise<string> | undefined;

export async function createTestUser(
  database: Database,
  input: { role: UserRole; tenantId: number | null; email?: string },
): Promise<TestUser> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const email = input.email ?? `${input.role.toLowerCase()}-${randomBytes(4).toString('hex')}@example.test`;
  const user = await userRepository(database).create({
    tenant_id: input.tenantId,
    email,
    password_hash: await passwordHash,
    role: input.role,
  });
  return { id: user.id, email, password: TEST_PASSWORD, role: input.role, tenantId: input.tenantId };
}

/** An agency with a tenant admin and a recruiter, all with the password {@link TEST_PASSWORD}. */
export async function createTenantWithUsers(
  database: Database,
  name = `Agency ${randomBytes(3).toString('hex')}`,
) {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const tenant = await tenantRepository(database).create({ name, slug });
  const admin = await createTestUser(database, { role: 'TENANT_ADMIN', tenantId: tenant.id });
  const recruiter = await createTestUser(database, { role: 'RECRUITER', tenantId: tenant.id });
  return { tenant, admin, recruiter };
}

export interface LoggedIn {
  cookie: string;
  csrf: string;
  /** Headers for `app.inject`: the session cookie and the CSRF token. */
  headers: Record<string, string>;
}

export async function loginAs(app: App, email: string, password = TEST_PASSWORD): Promise<LoggedIn> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (response.statusCode !== 200)
    throw new Error(`login as ${email} failed: ${response.statusCode} ${response.body}`);
  const session = response.cookies.find((cookie) => cookie.name === SESSION_COOKIE);
  if (!session) throw new Error('login set no session cookie');
  const cookie = `${SESSION_COOKIE}=${session.value}`;
  const csrf = response.json().csrf_token as string;
  return { cookie, csrf, headers: { cookie, [CSRF_HEADER]: csrf } };
}
