import type { Database } from '../db/database.js';
import type { INBOX_KINDS } from '../db/schema.js';
import { withTenant } from '../db/with-tenant.js';
import { AppError } from '../errors.js';
import { refreshTenantInbox } from './refresh-inbox.js';

export type InboxKind = (typeof INBOX_KINDS)[number];

export interface InboxEntry {
  id: number;
  kind: InboxKind;
  title: string;
  detail: string | null;
  link: string | null;
  candidate_id: number | null;
  job_posting_id: number | null;
  score: number | null;
  created_at: Date;
  read_at: Date | null;
}

export interface Reader {
  tenantId: number;
  userId: number;
}

/** The reader's inbox, newest first, brought up to date first. */
export function listInbox(
  database: Database,
  reader: Reader,
  options: { unread: boolean; limit: number; offset: number },
): Promise<{ items: InboxEntry[]; total: number; unread: number }> {
  return withTenant(database, reader.tenantId, async (tx) => {
    await refreshTenantInbox(tx, reader.tenantId);
    const { rows } = await tx.sql.query<InboxEntry & { total: number }>(
      `SELECT count(*) OVER () AS total, id, kind, title, detail, link, candidate_id, job_posting_id, score,
              created_at, read_at
         FROM inbox_entries
        WHERE tenant_id = $1 AND user_id = $2 AND (NOT $3 OR read_at IS NULL)
        ORDER BY created_at DESC, id DESC LIMIT $4 OFFSET $5`,
      [reader.tenantId, reader.userId, options.unread, options.limit, options.offset],
    );
    const unread = await countUnread(tx, reader);
    return { items: rows.map(({ total: _total, ...row }) => row), total: rows[0]?.total ?? 0, unread };
  });
}

async function countUnread(tx: Parameters<typeof refreshTenantInbox>[0], reader: Reader): Promise<number> {
  const { rows } = await tx.sql.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM inbox_entries WHERE tenant_id = $1 AND user_id = $2 AND read_at IS NULL',
    [reader.tenantId, reader.userId],
  );
  return rows[0]!.n;
}

/** The header's badge: unread entries, after bringing the inbox up to date. */
export function unreadCount(database: Database, reader: Reader): Promise<number> {
  return withTenant(database, reader.tenantId, async (tx) => {
    await refreshTenantInbox(tx, reader.tenantId);
    return countUnread(tx, reader);
  });
}

/** Marks entries read: the given ids (another user's are a 404) or, without ids, all of the reader's. */
export function markRead(database: Database, reader: Reader, ids: number[] | undefined): Promise<number> {
  return withTenant(database, reader.tenantId, async (tx) => {
    if (ids) {
      const owned = await tx.sql.query<{ id: number }>(
        'SELECT id FROM inbox_entries WHERE tenant_id = $1 AND user_id = $2 AND id = ANY ($3::int[])',
        [reader.tenantId, reader.userId, ids],
      );
      const missing = ids.filter((id) => !owned.rows.some((row) => row.id === id));
      if (missing.length > 0) throw AppError.notFound(`Inbox entry ${missing.join(', ')}`);
    }
    await tx.sql.query(
      `UPDATE inbox_entries SET read_at = now()
        WHERE tenant_id = $1 AND user_id = $2 AND read_at IS NULL AND ($3::int[] IS NULL OR id = ANY ($3::int[]))`,
      [reader.tenantId, reader.userId, ids ?? null],
    );
    return countUnread(tx, reader);
  });
}
