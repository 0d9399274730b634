import type { Database } from '../db/database.js';
import { userRepository } from '../db/repositories/user.repository.js';
import { AppError } from '../errors.js';
import { type Account, findAccount, tenantIsActive } from './account-queries.js';
import { clientKeyOf, type FailedAuthLimiter } from './failed-auth-limiter.js';
import { verifyPassword } from './passwords.js';
import { createSession, deleteSession } from './session-queries.js';

export interface SignInDependencies {
  database: Database;
  /** Failed sign-ins per client address and email. */
  limiter: FailedAuthLimiter;
  /** Failed sign-ins per client address across emails: one address spraying many emails is slowed too. */
  addressLimiter?: FailedAuthLimiter;
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
  input: {
    email: string;
    password: string;
    ip: string;
    userAgent?: string;
    /** The session this browser had: a new sign-in replaces it (no session fixation, no orphan). */
    replacesSessionId?: string;
  },
): Promise<SignInResult> {
  const key = limiterKey(input.ip, input.email);
  const addressKey = clientKeyOf(input.ip);
  const blockedForMs = Math.max(
    deps.limiter.blockedForMs(key),
    deps.addressLimiter?.blockedForMs(addressKey) ?? 0,
  );
  if (blockedForMs > 0) {
    const seconds = Math.max(1, Math.ceil(blockedForMs / 1000));
    throw new AppError('rate_limited', `Too many failed sign-ins. Retry in ${seconds} seconds.`, {
      headers: { 'Retry-After': String(seconds) },
    });
  }
  const user = await userWithPassword(deps.database, input.email.trim(), input.password);
  const account = user ? await findAccount(deps.database.sql, user.id) : undefined;
  const agencyActive = account?.tenant ? await tenantIsActive(deps.database.sql, account.tenant.id) : true;
  if (!account?.is_active || !agencyActive) {
    deps.limiter.recordFailure(key);
    deps.addressLimiter?.recordFailure(addressKey);
    throw new AppError('unauthorized', SIGN_IN_FAILED);
  }
  // The new session, the login time and the replaced session commit together, in one transaction.
  const session = await deps.database.transaction(async (tx) => {
    const created = await createSession(tx.sql, {
      userId: account.id,
      ttlHours: deps.ttlHours,
      ip: input.ip,
      ...(input.userAgent ? { userAgent: input.userAgent } : {}),
    });
    await userRepository(tx).recordLogin(account.id);
    if (input.replacesSessionId) await deleteSession(tx.sql, input.replacesSessionId);
    return created;
  });
  return { account, token: session.token, csrfToken: session.csrfToken, expiresAt: session.expiresAt };
}

/**
 * Sign-in runs before any tenant is known, so it reads users as system work (not as the tenant role), by email
 * only. An email is unique per agency, not globally: the account whose password matches signs in (platform
 * admins first, then the oldest account). With no account, a dummy hash is verified so that timing says nothing.
 */
async function userWithPassword(database: Database, email: string, password: string) {
  const accounts = await userRepository(database).findAllByEmail(email);
  if (accounts.length === 0) await verifyPassword(undefined, password);
  for (const account of accounts) {
    if (await verifyPassword(account.password_hash, password)) return account;
  }
  return undefined;
}
