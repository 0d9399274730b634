import type { DbContext, SqlExecutor } from '../db/database.js';
import { cleanRoleText, type Seniority, validateRoleText } from '../domain/roles/clean-role-text.js';
import {
  decideFromVectorCandidates,
  matchByText,
  type RoleMatchMethod,
} from '../domain/roles/normalize-role.js';
import type { EmbeddingProvider } from '../embeddings/embedding-provider.js';
import { AppError } from '../errors.js';
import { nearestRoles, refreshRoleEmbeddings } from './role-embeddings.js';
import { loadRoleIndex } from './role-index.js';
import { DEFAULT_ROLE_MATCH_THRESHOLD, ROLE_VECTOR_CANDIDATES } from './role-match-threshold.js';

export interface NormalizeRoleOptions {
  /** Create a role when nothing matches (and record a new surface form as an alias). */
  create?: boolean;
  threshold?: number;
}

export interface NormalizedRole {
  role: { id: number; name: string } | null;
  /** null when nothing matched and creating was not allowed. */
  method: RoleMatchMethod | null;
  confidence: number;
  seniority: Seniority | null;
  cleaned: string;
  /** False when the embedding provider failed: the vector stage was skipped (and a created role has no vector yet). */
  vectorStageAvailable: boolean;
}

/** "Senior", "Sr. Lead", "III": words that only qualify a role, which are stripped as seniority before a role word. */
function onlySeniority(text: string): boolean {
  return [`${text} Developer`, `Developer ${text}`].some(
    (probe) => cleanRoleText(probe).cleaned === 'developer',
  );
}

/** Rejects text no role could be named by, before anything is looked up or created. */
export function assertRoleText(text: string, field = 'text'): ReturnType<typeof cleanRoleText> {
  const validation = validateRoleText(text);
  const cleaned = validation.ok ? cleanRoleText(text) : null;
  const reason = !validation.ok
    ? validation.reason
    : cleaned!.cleaned.length === 0 || onlySeniority(text)
      ? 'role text names no role'
      : null;
  if (reason !== null) {
    throw new AppError('validation_failed', `Invalid role "${text.slice(0, 60)}": ${reason}.`, {
      errors: [{ field, message: reason }],
    });
  }
  return cleaned!;
}

/**
 * Maps free role text to a canonical global role: exact name, alias or typo-tolerant text match first, then
 * the nearest role by embedding (same model only) above the threshold unless a technology conflicts; with
 * `create`, an unmatched text becomes a new role.
 */
export async function normalizeRole(
  ctx: DbContext,
  provider: EmbeddingProvider,
  text: string,
  options: NormalizeRoleOptions = {},
): Promise<NormalizedRole> {
  const cleaned = assertRoleText(text);
  const base = { seniority: cleaned.seniority, cleaned: cleaned.cleaned };
  const { index, roles } = await loadRoleIndex(ctx.sql);
  const textMatch = matchByText(index, text);
  if (textMatch?.kind === 'match') {
    const role = roles.get(textMatch.roleId)!;
    return {
      ...base,
      role: { id: role.id, name: role.name },
      method: textMatch.method,
      confidence: textMatch.confidence,
      vectorStageAvailable: true,
    };
  }

  let queryVector: Float32Array | undefined;
  try {
    [queryVector] = await provider.embed([cleaned.display], 'query');
  } catch {
    queryVector = undefined;
  }
  if (queryVector) {
    const candidates = await nearestRoles(ctx.sql, queryVector, provider.modelId, ROLE_VECTOR_CANDIDATES);
    const decision = decideFromVectorCandidates(
      text,
      candidates,
      options.threshold ?? DEFAULT_ROLE_MATCH_THRESHOLD,
    );
    if (decision.kind === 'match') {
      const role = candidates.find((candidate) => candidate.id === decision.roleId)!;
      if (options.create) await addSurfaceForm(ctx.sql, provider, role.id, cleaned.display);
      return {
        ...base,
        role: { id: role.id, name: role.name },
        method: 'vector',
        confidence: decision.confidence,
        vectorStageAvailable: true,
      };
    }
  }
  const vectorStageAvailable = queryVector !== undefined;
  if (!options.create) return { ...base, role: null, method: null, confidence: 0, vectorStageAvailable };
  const created = await createRole(ctx.sql, cleaned.display);
  await refreshRoleEmbeddings(ctx.sql, provider, [created.id]);
  return { ...base, role: created, method: 'created', confidence: 1, vectorStageAvailable };
}

/** Inserts a role by name; a concurrent insert of the same name yields that role instead. */
async function createRole(sql: SqlExecutor, name: string): Promise<{ id: number; name: string }> {
  const { rows } = await sql.query<{ id: number; name: string }>(
    `INSERT INTO global_roles (name) VALUES ($1) ON CONFLICT (name) DO NOTHING RETURNING id, name`,
    [name],
  );
  if (rows[0]) return rows[0];
  const { rows: existing } = await sql.query<{ id: number; name: string }>(
    'SELECT id, name FROM global_roles WHERE name = $1',
    [name],
  );
  return existing[0]!;
}

/**
 * Records a text reached only through its meaning as an alias, so the next identical text matches by text.
 * Typos and reorderings are not recorded: the text stage already reaches them, and misspelt aliases would
 * teach the typo corrector wrong words.
 */
async function addSurfaceForm(
  sql: SqlExecutor,
  provider: EmbeddingProvider,
  roleId: number,
  alias: string,
): Promise<void> {
  const { rowCount } = await sql.query(
    `UPDATE global_roles SET aliases = array_append(coalesce(aliases, '{}'), $2), updated_at = now()
     WHERE id = $1 AND lower(name) <> lower($2)
       AND NOT EXISTS (SELECT 1 FROM unnest(coalesce(aliases, '{}')) AS a WHERE lower(a) = lower($2))`,
    [roleId, alias],
  );
  if (rowCount > 0) await refreshRoleEmbeddings(sql, provider, [roleId]);
}
