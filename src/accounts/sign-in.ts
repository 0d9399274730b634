import type { Database } from '../db/database.js';
import { userRepository } from '../db/repositories/user.repository.js';
import { AppError } from '../errors.js';
import { clientKeyOf, type FailedAuthLimiter } from '../http/failed-auth-limiter.js';
import { type Account, findAccount } from './account.js';
import { verifyPassword } from './passwords.js';
import { createSession } from './sessions.js';

export interface SignInDependencies {
  database: Database;
  /** Failed sign-ins per client address and email. */
  limiter: FailedAuthLimiter;
  ttlHours: number;
}

export interface SignInResult {
  account: Account;
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

/** One message for every failure, so that a caller cannot learn which emails have accounts. */
export const SIGN_IN_FAILED = 'The email or password is wrong.';

/** Counting per address and email: a guesser is slowed on one account without locking its owner out everywhere. */
const limiterKey = (ip: string, email: string) => `${clientKeyOf(ip)} ${email.trim().toLowerCase()}`;

/** Checks the credentials and opens a session; every kind of failure looks and takes the same. */
export async function signIn(
  deps: SignInDependencies,
  input: { email: string; password: string; ip: string; userAgent?: string },
): Promise<SignInResult> {
  const key = limiterKey(input.ip, input.email);
  const blockedForMs = deps.limiter.blockedForMs(key);
  if (blockedForMs > 0) {
    const seconds = Math.max(1, Math.ceil(blockedForMs / 1000));
    throw new AppError('rate_limited', `Too many failed sign-ins. Retry in ${seconds} seconds.`, {
      headers: { 'Retry-After': String(seconds) },
    });
  }
  const user = await userRepository(deps.database).findByEmail(input.email.trim());
  const passwordMatches = await verifyPassword(user?.password_hash, input.password);
  const account = user && passwordMatches ? await findAccount(deps.database.sql, user.id) : undefined;
  const agencyActive = account?.tenant ? await tenantIsActive(deps.database, account.tenant.id) : true;
  if (!account?.is_active || !agencyActive) {
    deps.limiter.recordFailure(key);
    throw new AppError('unauthorized', SIGN_IN_FAILED);
  }
  const session = await createSession(deps.database.sql, {
    userId: account.id,
    ttlHours: deps.ttlHours,
    ip: input.ip,
    ...(input.userAgent ? { userAgent: input.userAgent } : {}),
  });
  await userRepository(deps.database).recordLogin(account.id);
  return { account, token: session.token, csrfToken: session.csrfToken, expiresAt: session.expiresAt };
}

async function tenantIsActive(database: Database, tenantId: number): Promise<boolean> {
  const { rows } = await database.sql.query<{ is_active: boolean }>(
    'SELECT is_active FROM tenants WHERE id = $1',
    [tenantId],
  );
  return rows[0]?.is_active === true;
}
