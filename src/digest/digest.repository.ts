import type { DbContext, SqlExecutor } from '../db/database.js';
import type { DIGEST_FREQUENCIES } from '../db/schema.js';

export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];

export interface DigestRecipient {
  user_id: number;
  email: string;
  name: string;
  frequency: 'daily' | 'weekly';
  /** The last digest, or one period ago for a first one. */
  since: Date;
}

export interface DigestEntry {
  user_id: number;
  kind: 'match.recommended' | 'application.status_changed';
  candidate_id: number;
  candidate_name: string;
  job_title: string | null;
  company: string | null;
  score: number | null;
  reason: string | null;
  change: string | null;
}

/** A daily digest is due 20 hours after the last one, a weekly one 6 days 20 hours after: a late run does not skip a day. */
const PERIOD = `CASE p.digest WHEN 'daily' THEN interval '1 day' ELSE interval '7 days' END`;
const SLACK = `interval '4 hours'`;

/** The digest's SQL, in the agency's transaction (row-level security applies). */
export function digestRepository(tx: DbContext, tenantId: number) {
  return {
    async dueRecipients(): Promise<DigestRecipient[]> {
      const { rows } = await tx.sql.query<DigestRecipient>(
        `SELECT u.id AS user_id, u.email, coalesce(nullif(u.full_name, ''), u.email) AS name,
                p.digest AS frequency, coalesce(p.digest_sent_at, now() - ${PERIOD}) AS since
           FROM user_day_preferences p
           JOIN users u ON u.id = p.user_id AND u.tenant_id = $1 AND u.is_active
          WHERE p.tenant_id = $1 AND p.digest <> 'off'
            AND (p.digest_sent_at IS NULL OR p.digest_sent_at <= now() - ${PERIOD} + ${SLACK})
          ORDER BY u.id`,
        [tenantId],
      );
      return rows;
    },

    /** What each recipient's inbox gathered since their `since`: one query for all of them, by candidate. */
    async entriesFor(recipients: Pick<DigestRecipient, 'user_id' | 'since'>[]): Promise<DigestEntry[]> {
      if (recipients.length === 0) return [];
      const { rows } = await tx.sql.query<DigestEntry>(
        `SELECT e.user_id, e.kind, e.candidate_id, c.first_name || ' ' || c.last_name AS candidate_name,
                j.title AS job_title, j.company, e.score::float8 AS score,
                CASE WHEN e.kind = 'match.recommended' THEN e.detail END AS reason,
                CASE WHEN e.kind = 'application.status_changed' THEN
                  j.title || ' moved ' || coalesce(ev.from_status, 'new') || ' → ' || ev.to_status ||
                  coalesce(' (' || nullif(e.detail, '') || ')', '') END AS change
           FROM inbox_entries e
           JOIN unnest($2::int[], $3::timestamptz[]) AS d(user_id, since) ON d.user_id = e.user_id
           JOIN candidates c ON c.id = e.candidate_id AND c.tenant_id = $1
           LEFT JOIN job_postings j ON j.id = e.job_posting_id
           LEFT JOIN job_application_events ev ON ev.id = e.application_event_id
          WHERE e.tenant_id = $1 AND e.created_at > d.since
            AND e.kind IN ('match.recommended', 'application.status_changed')
          ORDER BY e.user_id, c.last_name, c.first_name, c.id, e.score DESC NULLS LAST, e.created_at DESC`,
        [tenantId, recipients.map((r) => r.user_id), recipients.map((r) => new Date(r.since).toISOString())],
      );
      return rows;
    },

    async markSent(userId: number, sentAt: Date): Promise<void> {
      await tx.sql.query(
        'UPDATE user_day_preferences SET digest_sent_at = $3 WHERE tenant_id = $1 AND user_id = $2',
        [tenantId, userId, sentAt],
      );
    },

    async preference(userId: number): Promise<{ digest: DigestFrequency; digest_sent_at: Date | null }> {
      const { rows } = await tx.sql.query<{ digest: DigestFrequency; digest_sent_at: Date | null }>(
        'SELECT digest, digest_sent_at FROM user_day_preferences WHERE tenant_id = $1 AND user_id = $2',
        [tenantId, userId],
      );
      return rows[0] ?? { digest: 'off', digest_sent_at: null };
    },

    async setPreference(
      userId: number,
      digest: DigestFrequency,
    ): Promise<{ digest: DigestFrequency; digest_sent_at: Date | null }> {
      const { rows } = await tx.sql.query<{ digest: DigestFrequency; digest_sent_at: Date | null }>(
        `INSERT INTO user_day_preferences (user_id, tenant_id, digest) VALUES ($2, $1, $3)
         ON CONFLICT (user_id) DO UPDATE SET digest = EXCLUDED.digest
         RETURNING digest, digest_sent_at`,
        [tenantId, userId, digest],
      );
      return rows[0]!;
    },
  };
}

/** Active agencies, in id order: each one's digests are sent in its own tenant transaction. */
export async function activeTenantIds(sql: SqlExecutor): Promise<number[]> {
  const { rows } = await sql.query<{ id: number }>('SELECT id FROM tenants WHERE is_active ORDER BY id');
  return rows.map((row) => row.id);
}
