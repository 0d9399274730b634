import { asc, eq, sql } from 'drizzle-orm';
import type { DbContext } from '../database.js';
import { tenants } from '../schema.js';

export type Tenant = typeof tenants.$inferSelect;
export type NewTenant = Pick<typeof tenants.$inferInsert, 'name' | 'slug'> & { is_active?: boolean };

export function tenantRepository({ db }: DbContext) {
  return {
    async create(input: NewTenant): Promise<Tenant> {
      const [row] = await db.insert(tenants).values(input).returning();
      return row!;
    },
    async findById(id: number): Promise<Tenant | undefined> {
      const [row] = await db.select().from(tenants).where(eq(tenants.id, id));
      return row;
    },
    async findBySlug(slug: string): Promise<Tenant | undefined> {
      const [row] = await db.select().from(tenants).where(eq(tenants.slug, slug));
      return row;
    },
    list(): Promise<Tenant[]> {
      return db.select().from(tenants).orderBy(asc(tenants.name));
    },
    async update(id: number, patch: Partial<NewTenant>): Promise<Tenant | undefined> {
      const [row] = await db
        .update(tenants)
        .set({ ...patch, updated_at: sql`now()` })
        .where(eq(tenants.id, id))
        .returning();
      return row;
    },
  };
}
