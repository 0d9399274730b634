import { asc, eq, sql } from 'drizzle-orm';
import type { DbContext } from '../database.js';
import { globalRoles, type QUEUE_STATUSES, type ROLE_PRIORITIES } from '../schema.js';

export type GlobalRole = typeof globalRoles.$inferSelect;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];
export type RolePriority = (typeof ROLE_PRIORITIES)[number];
export interface NewGlobalRole {
  name: string;
  aliases?: string[];
  category?: string | null;
  priority?: RolePriority;
  embedding?: number[] | null;
}

export function globalRoleRepository({ db }: DbContext) {
  return {
    async create(input: NewGlobalRole): Promise<GlobalRole> {
      const [row] = await db.insert(globalRoles).values(input).returning();
      return row!;
    },
    async findById(id: number): Promise<GlobalRole | undefined> {
      const [row] = await db.select().from(globalRoles).where(eq(globalRoles.id, id));
      return row;
    },
    async findByName(name: string): Promise<GlobalRole | undefined> {
      const [row] = await db
        .select()
        .from(globalRoles)
        .where(sql`lower(${globalRoles.name}) = lower(${name})`);
      return row;
    },
    list(): Promise<GlobalRole[]> {
      return db.select().from(globalRoles).orderBy(asc(globalRoles.name));
    },
    async setPriority(id: number, priority: RolePriority): Promise<GlobalRole | undefined> {
      const [row] = await db
        .update(globalRoles)
        .set({ priority, updated_at: sql`now()` })
        .where(eq(globalRoles.id, id))
        .returning();
      return row;
    },
    async setQueueStatus(id: number, queueStatus: QueueStatus): Promise<void> {
      await db
        .update(globalRoles)
        .set({ queue_status: queueStatus, updated_at: sql`now()` })
        .where(eq(globalRoles.id, id));
    },
  };
}
