import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbContext } from '../database.js';
import { type USER_ROLES, users } from '../schema.js';

export type User = typeof users.$inferSelect;
export type UserRole = (typeof USER_ROLES)[number];
export interface NewUser {
  tenant_id: number | null;
  email: string;
  password_hash: string;
  role: UserRole;
  full_name?: string | null;
}

export function userRepository({ db, sql: raw }: DbContext) {
  return {
    /** An active user of the agency with `slug`: the one with `email`, else (no email) its first admin. */
    async findActiveMember(
      slug: string,
      email: string | null,
    ): Promise<{ tenant_id: number; user_id: number } | undefined> {
      const { rows } = await raw.query<{ tenant_id: number; user_id: number }>(
        `SELECT t.id AS tenant_id, u.id AS user_id FROM tenants t
             JOIN users u ON u.tenant_id = t.id AND u.is_active
            WHERE t.slug = $1 AND ($2::text IS NULL OR lower(u.email) = lower($2))
            ORDER BY (u.role = 'TENANT_ADMIN') DESC, u.id LIMIT 1`,
        [slug, email],
      );
      return rows[0];
    },
    async create(input: NewUser): Promise<User> {
      const [row] = await db.insert(users).values(input).returning();
      return row!;
    },
    /** Sign-in looks users up before any tenant is known: an email is unique per agency and among platform admins. */
    findAllByEmail(email: string): Promise<User[]> {
      return db
        .select()
        .from(users)
        .where(sql`lower(${users.email}) = lower(${email})`)
        .orderBy(sql`${users.tenant_id} NULLS FIRST`, asc(users.id));
    },
    async findById(id: number): Promise<User | undefined> {
      const [row] = await db.select().from(users).where(eq(users.id, id));
      return row;
    },
    listByTenant(tenantId: number): Promise<User[]> {
      return db.select().from(users).where(eq(users.tenant_id, tenantId)).orderBy(asc(users.email));
    },
    async findInTenant(tenantId: number, id: number): Promise<User | undefined> {
      const [row] = await db
        .select()
        .from(users)
        .where(and(eq(users.tenant_id, tenantId), eq(users.id, id)));
      return row;
    },
    /** Changes the given fields of a user of the tenant (the others stay). */
    async updateInTenant(
      tenantId: number,
      id: number,
      patch: { full_name?: string | null; role?: UserRole; is_active?: boolean },
    ): Promise<void> {
      await db
        .update(users)
        .set({ ...patch, updated_at: sql`now()` })
        .where(and(eq(users.tenant_id, tenantId), eq(users.id, id)));
    },
    async recordLogin(id: number): Promise<void> {
      await db.update(users).set({ last_login_at: sql`now()` }).where(eq(users.id, id));
    },
  };
}
