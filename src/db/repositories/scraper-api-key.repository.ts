import { and, desc, eq, gt, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { DbContext } from '../database.js';
import { type ApiKeyScope, scraperApiKeys, users } from '../schema.js';

export type ScraperApiKey = typeof scraperApiKeys.$inferSelect;

/**
 * Whose keys a repository sees: the platform's scraper keys (no tenant), or one agency's keys for the
 * recruiter API. Every query is confined to its owner, so a scraper-key route never finds a tenant key and
 * one agency never finds another's.
 */
export type ApiKeyOwner = { kind: 'scraper' } | { kind: 'tenant'; tenantId?: number };

export const SCRAPER_KEYS: ApiKeyOwner = { kind: 'scraper' };
/** Authentication only, before the agency is known: the presented key names it. */
export const ANY_TENANT_KEYS: ApiKeyOwner = { kind: 'tenant' };

function ownedBy(owner: ApiKeyOwner): SQL {
  if (owner.kind === 'scraper') return isNull(scraperApiKeys.tenant_id);
  return owner.tenantId === undefined
    ? isNotNull(scraperApiKeys.tenant_id)
    : eq(scraperApiKeys.tenant_id, owner.tenantId);
}

function requiredTenant(owner: { tenantId?: number }): number {
  if (owner.tenantId === undefined) throw new Error('a tenant key needs its agency');
  return owner.tenantId;
}

export function scraperApiKeyRepository({ db }: DbContext, owner: ApiKeyOwner = SCRAPER_KEYS) {
  const owned = ownedBy(owner);
  return {
    /** Needs an owner with its agency when the owner is a tenant. */
    async create(input: {
      key_hash: string;
      name: string;
      created_by?: number | null;
      scope?: ApiKeyScope | null;
    }): Promise<ScraperApiKey> {
      const [row] = await db
        .insert(scraperApiKeys)
        .values({
          ...input,
          tenant_id: owner.kind === 'tenant' ? requiredTenant(owner) : null,
          scope: owner.kind === 'tenant' ? (input.scope ?? 'read') : null,
        })
        .returning();
      return row!;
    },
    async findActiveByHash(keyHash: string): Promise<ScraperApiKey | undefined> {
      const [row] = await db
        .select()
        .from(scraperApiKeys)
        .where(and(eq(scraperApiKeys.key_hash, keyHash), owned));
      return row?.is_active && !(row.revoked_at && row.revoked_at <= new Date()) ? row : undefined;
    },
    async findById(id: number): Promise<ScraperApiKey | undefined> {
      const [row] = await db
        .select()
        .from(scraperApiKeys)
        .where(and(eq(scraperApiKeys.id, id), owned));
      return row;
    },
    list(): Promise<ScraperApiKey[]> {
      return db
        .select()
        .from(scraperApiKeys)
        .where(owned)
        .orderBy(desc(scraperApiKeys.created_at), desc(scraperApiKeys.id));
    },
    async revoke(id: number): Promise<ScraperApiKey | undefined> {
      const [row] = await db
        .update(scraperApiKeys)
        .set({
          is_active: false,
          revoked_at: sql`least(coalesce(${scraperApiKeys.revoked_at}, now()), now())`,
        })
        .where(and(eq(scraperApiKeys.id, id), owned))
        .returning();
      return row;
    },
    /** A rotated key stops working after the overlap: its revocation is scheduled, not immediate. */
    async scheduleRevocation(id: number, afterSeconds: number): Promise<ScraperApiKey | undefined> {
      const [row] = await db
        .update(scraperApiKeys)
        .set({ revoked_at: sql`now() + make_interval(secs => ${afterSeconds})` })
        .where(and(eq(scraperApiKeys.id, id), isNull(scraperApiKeys.revoked_at), owned))
        .returning();
      return row;
    },
    /**
     * Finds an active key and counts one use in the same statement: a concurrent revoke wins. A tenant key
     * (of any agency: the key tells which) also needs its creator to be an active user of its agency, since
     * the key acts for them.
     */
    async useActiveByHash(keyHash: string): Promise<ScraperApiKey | undefined> {
      const [row] = await db
        .update(scraperApiKeys)
        .set({
          last_used_at: sql`now()`,
          total_requests: sql`coalesce(${scraperApiKeys.total_requests}, 0) + 1`,
        })
        .where(
          and(
            eq(scraperApiKeys.key_hash, keyHash),
            eq(scraperApiKeys.is_active, true),
            // A rotated key keeps working until its scheduled revocation.
            or(isNull(scraperApiKeys.revoked_at), gt(scraperApiKeys.revoked_at, sql`now()`)),
            owned,
            owner.kind === 'scraper'
              ? undefined
              : sql`EXISTS (SELECT 1 FROM ${users} u WHERE u.id = ${scraperApiKeys.created_by}
                     AND u.tenant_id = ${scraperApiKeys.tenant_id} AND u.is_active)`,
          ),
        )
        .returning();
      return row;
    },
    async recordUse(id: number): Promise<void> {
      await db
        .update(scraperApiKeys)
        .set({ last_used_at: sql`now()`, total_requests: sql`${scraperApiKeys.total_requests} + 1` })
        .where(and(eq(scraperApiKeys.id, id), owned));
    },
  };
}
