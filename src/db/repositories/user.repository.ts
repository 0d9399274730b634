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

export function userRepository({ db }: DbContext) {
  return {
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
    async recordLogin(id: number): Promise<void> {
      await db.update(users).set({ last_login_at: sql`now()` }).where(eq(users.id, id));
    },
  };
}
