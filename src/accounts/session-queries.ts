import { createHash, randomBytes } from 'node:crypto';
import type { SqlExecutor } from '../db/database.js';
import type { UserRole } from '../db/repositories/user.repository.js';

/** A signed-in session as the authentication hook sees it. */
export interface ActiveSession {
  sessionId: string;
  csrfToken: string;
  userId: number;
  email: string;
  role: UserRole;
  tenantId: number | null;
}

/** The cookie carries the token; the table keeps only its SHA-256, so a database leak yields no usable session. */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const newToken = () => randomBytes(32).toString('base64url');

/** Creates a session; returns the cookie token (shown once) and the CSRF token. */
export async function createSession(
  sql: SqlExecutor,
  input: { userId: number; ttlHours: number; ip?: string; userAgent?: string },
): Promise<{ token: string; sessionId: string; csrfToken: string; expiresAt: Date }> {
  const token = newToken();
  const csrfToken = newToken();
  const { rows } = await sql.query<{ expires_at: Date }>(
    `INSERT INTO user_sessions (id, user_id, csrf_token, expires_at, ip, user_agent)
     VALUES ($1, $2, $3, now() + make_interval(secs => $4), $5, $6)
     RETURNING expires_at`,
    [
      sessionIdOf(token),
      input.userId,
      csrfToken,
      input.ttlHours * 3600,
      input.ip?.slice(0, 64) ?? null,
      input.userAgent?.slice(0, 1000) ?? null,
    ],
  );
  return { token, sessionId: sessionIdOf(token), csrfToken, expiresAt: new Date(rows[0]!.expires_at) };
}

/**
 * The live session of a cookie token, with its expiry slid forward; undefined when the session is unknown,
 * expired, or its user or agency has been deactivated.
 */
export async function touchSession(
  sql: SqlExecutor,
  token: string,
  ttlHours: number,
): Promise<ActiveSession | undefined> {
  const { rows } = await sql.query<{
    id: string;
    csrf_token: string;
    user_id: number;
    email: string;
    role: UserRole;
    tenant_id: number | null;
  }>(
    `UPDATE user_sessions s
        SET last_seen_at = now(), expires_at = now() + make_interval(secs => $2)
       FROM users u
      WHERE s.id = $1 AND s.expires_at > now() AND u.id = s.user_id AND u.is_active
        AND (u.tenant_id IS NULL OR EXISTS (SELECT 1 FROM tenants t WHERE t.id = u.tenant_id AND t.is_active))
     RETURNING s.id, s.csrf_token, u.id AS user_id, u.email, u.role, u.tenant_id`,
    [sessionIdOf(token), ttlHours * 3600],
  );
  const row = rows[0];
  if (!row) return undefined;
  return {
    sessionId: row.id,
    csrfToken: row.csrf_token,
    userId: row.user_id,
    email: row.email,
    role: row.role,
    tenantId: row.tenant_id,
  };
}

export async function deleteSession(sql: SqlExecutor, sessionId: string): Promise<void> {
  await sql.query('DELETE FROM user_sessions WHERE id = $1', [sessionId]);
}

/** Signs a user out everywhere (deactivation, password change). */
export async function deleteSessionsOfUser(sql: SqlExecutor, userId: number): Promise<void> {
  await sql.query('DELETE FROM user_sessions WHERE user_id = $1', [userId]);
}

/** Removes expired sessions; returns how many. */
export async function deleteExpiredSessions(sql: SqlExecutor): Promise<number> {
  const { rowCount } = await sql.query('DELETE FROM user_sessions WHERE expires_at <= now()');
  return rowCount;
}
