import type { Database } from '../db/database.js';
import type { INBOX_KINDS } from '../db/schema.js';
import { withTenant } from '../db/with-tenant.js';
import { AppError } from '../errors.js';
import { countUnread, inboxPage, markEntriesRead, ownedEntryIds } from './inbox-queries.js';
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
/** What the inbox list searches and sorts by (its query string is built from it). */
export { INBOX_LIST } from './inbox-queries.js';

export function listInbox(
  database: Database,
  reader: Reader,
  options: Parameters<typeof inboxPage>[2],
): Promise<{ items: InboxEntry[]; total: number; unread: number }> {
  return withTenant(database, reader.tenantId, async (tx) => {
    await refreshTenantInbox(tx, reader.tenantId);
    const page = await inboxPage(tx, reader, options);
    return { ...page, unread: await countUnread(tx, reader) };
  });
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
      const owned = await ownedEntryIds(tx, reader, ids);
      const missing = ids.filter((id) => !owned.includes(id));
      if (missing.length > 0) throw AppError.notFound(`Inbox entry ${missing.join(', ')}`);
    }
    await markEntriesRead(tx, reader, ids ?? null);
    return countUnread(tx, reader);
  });
}
