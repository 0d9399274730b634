import type { SqlExecutor } from '../db/database.js';
import { buildRoleCatalog, type CatalogRole, type RoleCatalog } from '../domain/roles/decide-role.js';
import type { RoleIndex } from '../domain/roles/normalize-role.js';

export interface LoadedRoleIndex {
  /** Every role: the index the scraper filter and plain text lookups use. */
  index: RoleIndex;
  /** Canonical and created roles apart, for role normalization. */
  catalog: RoleCatalog;
  roles: ReadonlyMap<number, CatalogRole>;
}

/**
 * A content hash of every role's id, name and aliases. Cheap (roles are a few hundred) and exact: any write
 * (in this process, another process, or a transaction that rolled back) changes it, so the cache below never
 * serves a stale index, without relying on timestamps.
 */
const FINGERPRINT_SQL = `
  SELECT count(*)::int AS n,
         coalesce(sum(hashtext(id::text || '|' || name || '|' || array_to_string(aliases, '|')
           || '|' || canonical::text || '|' || coalesce(category, ''))), 0)::text AS hash
  FROM global_roles`;

let cached: { fingerprint: string; loaded: LoadedRoleIndex } | undefined;

/** The text-matching index over every role, rebuilt only when the roles changed. */
export async function loadRoleIndex(sql: SqlExecutor): Promise<LoadedRoleIndex> {
  const { rows } = await sql.query<{ n: number; hash: string }>(FINGERPRINT_SQL);
  const fingerprint = `${rows[0]?.n}:${rows[0]?.hash}`;
  if (cached?.fingerprint === fingerprint) return cached.loaded;
  const { rows: roles } = await sql.query<CatalogRole>(
    `SELECT id, name, coalesce(aliases, '{}') AS aliases, canonical, category FROM global_roles ORDER BY id`,
  );
  const catalog = buildRoleCatalog(roles);
  const loaded = { index: catalog.all, catalog, roles: new Map(roles.map((role) => [role.id, role])) };
  cached = { fingerprint, loaded };
  return loaded;
}
