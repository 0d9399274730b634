import type { SqlExecutor } from '../db/database.js';
import type { UserRole } from '../db/repositories/user.repository.js';

export type { UserRole };

/** A user as the API shows it: never the password hash. */
export interface Account {
  id: number;
  email: string;
  name: string | null;
  role: UserRole;
  is_active: boolean;
  tenant: { id: number; name: string } | null;
  last_login_at: Date | null;
  created_at: Date;
}

const ACCOUNT_SELECT = `
  SELECT u.id, u.email, u.full_name, u.role, u.is_active, u.last_login_at, u.created_at,
         t.id AS tenant_id, t.name AS tenant_name
    FROM users u LEFT JOIN tenants t ON t.id = u.tenant_id`;

interface AccountRow {
  id: number;
  email: string;
  full_name: string | null;
  role: UserRole;
  is_active: boolean;
  last_login_at: Date | null;
  created_at: Date;
  tenant_id: number | null;
  tenant_name: string | null;
}

const toAccount = (row: AccountRow): Account => ({
  id: row.id,
  email: row.email,
  name: row.full_name,
  role: row.role,
  is_active: row.is_active,
  tenant: row.tenant_id === null ? null : { id: row.tenant_id, name: row.tenant_name ?? '' },
  last_login_at: row.last_login_at,
  created_at: row.created_at,
});

export async function findAccount(sql: SqlExecutor, userId: number): Promise<Account | undefined> {
  const { rows } = await sql.query<AccountRow>(`${ACCOUNT_SELECT} WHERE u.id = $1`, [userId]);
  return rows[0] && toAccount(rows[0]);
}

export async function listTenantAccounts(sql: SqlExecutor, tenantId: number): Promise<Account[]> {
  const { rows } = await sql.query<AccountRow>(
    `${ACCOUNT_SELECT} WHERE u.tenant_id = $1 ORDER BY lower(u.email)`,
    [tenantId],
  );
  return rows.map(toAccount);
}

export async function tenantIsActive(sql: SqlExecutor, tenantId: number): Promise<boolean> {
  const { rows } = await sql.query<{ is_active: boolean }>('SELECT is_active FROM tenants WHERE id = $1', [
    tenantId,
  ]);
  return rows[0]?.is_active === true;
}
