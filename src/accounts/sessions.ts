import type { Database } from '../db/database.js';
import { type Account, findAccount } from './account-queries.js';
import { deleteSession } from './session-queries.js';

/** Signing out: the session ends on the server, and its CSRF token with it. */
export async function signOut(database: Database, sessionId: string): Promise<void> {
  await deleteSession(database.sql, sessionId);
}

/** The account a session belongs to, or undefined when it is gone. */
export function sessionAccount(database: Database, userId: number): Promise<Account | undefined> {
  return findAccount(database.sql, userId);
}
