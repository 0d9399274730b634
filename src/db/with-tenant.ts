import type { Database, DbContext } from './database.js';

/**
 * Runs `fn` in a transaction scoped to one tenant: row-level security policies read the tenant from the
 * transaction-local setting `jobmatch.tenant_id` (`set_config(..., true)`: it ends with the transaction, so
 * a pooled connection never carries it to another request). The transaction also runs as the database's
 * tenant role, so the row-level security policies hold even if a query forgot its tenant filter.
 */
export function withTenant<T>(
  database: Database,
  tenantId: number,
  fn: (tx: DbContext) => Promise<T>,
): Promise<T> {
  if (!Number.isSafeInteger(tenantId) || tenantId < 1) throw new Error(`invalid tenant id ${tenantId}`);
  return database.transaction(async (tx) => {
    // Row-level security applies to the application role, not to the owner: switch for this transaction only.
    if (database.tenantRole) await tx.sql.query(`SET LOCAL ROLE ${database.tenantRole}`);
    await tx.sql.query(`SELECT set_config('jobmatch.tenant_id', $1, true)`, [String(tenantId)]);
    return fn(tx);
  });
}

/**
 * A use case over a tenant transaction, `(tx, tenantId, ...args)`, as one that opens it:
 * `(database, tenantId, ...args)`. Routes call these, so the use case, never the route, owns the boundary.
 */
export function inTenantTransaction<Args extends unknown[], Result>(
  useCase: (tx: DbContext, tenantId: number, ...args: Args) => Promise<Result>,
): (database: Database, tenantId: number, ...args: Args) => Promise<Result> {
  return (database, tenantId, ...args) =>
    withTenant(database, tenantId, (tx) => useCase(tx, tenantId, ...args));
}
