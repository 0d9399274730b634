import { desc, eq } from 'drizzle-orm';
import type { DbContext } from '../database.js';
import { scrapeSessions } from '../schema.js';

export type ScrapeSession = typeof scrapeSessions.$inferSelect;

export function scrapeSessionRepository({ db }: DbContext) {
  return {
    async create(input: {
      session_id: string;
      scraper_key_id: number;
      scraper_name?: string | null;
      global_role_id?: number | null;
      role_name?: string | null;
      started_at: Date;
    }): Promise<ScrapeSession> {
      const [row] = await db.insert(scrapeSessions).values(input).returning();
      return row!;
    },
    async findBySessionId(sessionId: string): Promise<ScrapeSession | undefined> {
      const [row] = await db.select().from(scrapeSessions).where(eq(scrapeSessions.session_id, sessionId));
      return row;
    },
    list(options: { limit?: number; offset?: number } = {}): Promise<ScrapeSession[]> {
      return db
        .select()
        .from(scrapeSessions)
        .orderBy(desc(scrapeSessions.started_at), desc(scrapeSessions.id))
        .limit(options.limit ?? 50)
        .offset(options.offset ?? 0);
    },
  };
}
