import { readFile } from 'node:fs/promises';
import type { Database, SqlExecutor } from '../db/database.js';
import { type EmbedMissingResult, embedMissing } from '../embeddings/embed-rows.js';
import type { EmbeddingProvider } from '../embeddings/embedding-provider.js';
import { anyRoleExists, insertSeedRolesNotYetNamed, lockRoleSeeding } from './role-queries.js';

/** Same depth from `src/roles/` (tsx, vitest) and `dist/roles/` (compiled). */
export const ROLE_SEED_URL = new URL('../../assets/role-seed.json', import.meta.url);

export interface SeedRole {
  name: string;
  aliases: string[];
  category?: string | null;
}

export async function loadRoleSeed(url: URL = ROLE_SEED_URL): Promise<SeedRole[]> {
  const file = JSON.parse(await readFile(url, 'utf8')) as { roles?: unknown };
  if (!Array.isArray(file.roles)) throw new Error(`${url.pathname}: missing "roles" array`);
  return (file.roles as SeedRole[]).map((role) => ({
    name: role.name,
    aliases: role.aliases ?? [],
    category: role.category ?? null,
  }));
}

export interface SeedRolesResult {
  inserted: number;
  /** Seed roles left alone because a role already has that name or alias (possibly renamed or merged). */
  existing: number;
  embeddings: EmbedMissingResult;
}

/**
 * Inserts the seed roles that do not exist yet, then embeds every role without a vector. Idempotent, and it
 * respects an admin's edits: a seed name already present as any role's name or alias (case-insensitively)
 * is skipped, so a renamed, merged or trimmed role is not brought back.
 */
export function seedRoles(
  database: Database,
  provider: EmbeddingProvider,
  seed: readonly SeedRole[],
): Promise<SeedRolesResult> {
  return seedWith(database, provider, seed, (sql) =>
    insertSeedRolesNotYetNamed(sql, seed),
  ) as Promise<SeedRolesResult>;
}

/**
 * Seeds the starter taxonomy on a database without any role (a fresh install); null when roles exist. Processes
 * starting together on a fresh database (several `migrate`s, `serve` and workers) wait for each other: one seeds.
 */
export async function seedRolesIfNone(
  database: Database,
  provider: EmbeddingProvider,
): Promise<SeedRolesResult | null> {
  if (await anyRoleExists(database.sql)) return null;
  const seed = await loadRoleSeed();
  return seedWith(database, provider, seed, async (sql) => {
    await lockRoleSeeding(sql);
    return (await anyRoleExists(sql)) ? null : insertSeedRolesNotYetNamed(sql, seed);
  });
}

/** Inserts in one transaction (null: nothing to do), then embeds every role without a vector. */
async function seedWith(
  database: Database,
  provider: EmbeddingProvider,
  seed: readonly SeedRole[],
  insert: (sql: SqlExecutor) => Promise<number | null>,
): Promise<SeedRolesResult | null> {
  const inserted = await database.transaction((tx) => insert(tx.sql));
  if (inserted === null) return null;
  const embeddings = await embedMissing(database, provider, { table: 'global_roles' });
  return { inserted, existing: seed.length - inserted, embeddings };
}
