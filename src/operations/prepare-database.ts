import type { Config } from '../config/config.js';
import type { Database } from '../db/database.js';
import { migrate } from '../db/migrator.js';
import { AppError } from '../errors.js';
import { recoverInterruptedImports } from '../ingestion/recover-imports.js';

/** Tenant transactions switch to the tenant role: fail at start, clearly, if this login may not. */
async function assertTenantRoleUsable(database: Database): Promise<void> {
  if (!database.tenantRole) return;
  const { rows } = await database.sql.query<{ usable: boolean | null }>(
    `SELECT CASE WHEN to_regrole($1) IS NULL THEN NULL ELSE pg_has_role(current_user, $1, 'MEMBER') END AS usable`,
    [database.tenantRole],
  );
  const usable = rows[0]?.usable;
  if (usable === true) return;
  throw new AppError(
    'unavailable',
    usable === null
      ? `The database role ${database.tenantRole} does not exist; set JOBMATCH_DB_TENANT_ROLE to an existing role or none.`
      : `The database login cannot switch to role ${database.tenantRole} (row-level security for tenant data): ` +
          `GRANT ${database.tenantRole} TO <login>, or set JOBMATCH_DB_TENANT_ROLE=none.`,
  );
}

/** What every process does before using the database: apply migrations, recover interrupted work. */
export async function prepareDatabase(
  database: Database,
  config: Pick<Config, 'imports'>,
): Promise<{ migrationsApplied: string[]; importsRecovered: number }> {
  const migrationsApplied = await migrate(database);
  await assertTenantRoleUsable(database);
  const recovered = await recoverInterruptedImports(database, config.imports.staleAfterSeconds, {
    opening: true,
  });
  return { migrationsApplied, importsRecovered: recovered.length };
}
