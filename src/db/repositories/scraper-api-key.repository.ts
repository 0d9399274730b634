import { and, desc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { DbContext } from '../database.js';
import { scraperApiKeys } from '../schema.js';

export type ScraperApiKey = typeof scraperApiKeys.$inferSelect;

export function scraperApiKeyRepository({ db }: DbContext) {
  return {
    async create(input: {
      key_hash: string;
      name: string;
      created_by?: number | null;
    }): Promise<ScraperApiKey> {
      const [row] = await db.insert(scraperApiKeys).values(input).returning();
      return row!;
    },
    async findActiveByHash(keyHash: string): Promise<ScraperApiKey | undefined> {
      const [row] = await db.select().from(scraperApiKeys).where(eq(scraperApiKeys.key_hash, keyHash));
      return row?.is_active && !(row.revoked_at && row.revoked_at <= new Date()) ? row : undefined;
    },
    async findById(id: number): Promise<ScraperApiKey | undefined> {
      const [row] = await db.select().from(scraperApiKeys).where(eq(scraperApiKeys.id, id));
      return row;
    },
    list(): Promise<ScraperApiKey[]> {
      return db
        .select()
        .from(scraperApiKeys)
        .orderBy(desc(scraperApiKeys.created_at), desc(scraperApiKeys.id));
    },
    async revoke(id: number): Promise<ScraperApiKey | undefined> {
      const [row] = await db
        .update(scraperApiKeys)
        .set({
          is_active: false,
          revoked_at: sql`least(coalesce(${scraperApiKeys.revoked_at}, now()), now())`,
        })
        .where(eq(scraperApiKeys.id, id))
        .returning();
      return row;
    },
    /** A rotated key stops working after the overlap: its revocation is scheduled, not immediate. */
    async scheduleRevocation(id: number, afterSeconds: number): Promise<ScraperApiKey | undefined> {
      const [row] = await db
        .update(scraperApiKeys)
        .set({ revoked_at: sql`now() + make_interval(secs => ${afterSeconds})` })
        .where(and(eq(scraperApiKeys.id, id), isNull(scraperApiKeys.revoked_at)))
        .returning();
      return row;
    },
    /** Finds an active key and counts one use in the same statement: a concurrent revoke wins. */
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
          ),
        )
        .returning();
      return row;
    },
    async recordUse(id: number): Promise<void> {
      await db
        .update(scraperApiKeys)
        .set({ last_used_at: sql`now()`, total_requests: sql`${scraperApiKeys.total_requests} + 1` })
        .where(eq(scraperApiKeys.id, id));
    },
  };
}
