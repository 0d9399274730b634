import type { DbContext, SqlExecutor } from '../db/database.js';
import { cleanRoleText, type Seniority, validateRoleText } from '../domain/roles/clean-role-text.js';
import { decideTitle, NON_IT_CATEGORY, REVIEW_BELOW_CONFIDENCE } from '../domain/roles/decide-role.js';
import { decideFromVectorCandidates, type RoleMatchMethod } from '../domain/roles/normalize-role.js';
import type { RoleDomain } from '../domain/roles/parse-title.js';
import {
  DEFAULT_ROLE_MATCH_THRESHOLD,
  ROLE_VECTOR_CANDIDATES,
} from '../domain/roles/role-match-threshold.js';
import type { EmbeddingProvider } from '../embeddings/embedding-provider.js';
import { AppError } from '../errors.js';
import { nearestRoles, refreshRoleEmbeddings } from './role-embeddings.js';
import { loadRoleIndex } from './role-index.js';
import { insertOpenRoleLinkReview } from './role-link-queries.js';
import { appendRoleAlias, findRoleName, findRoleNamed, insertCreatedRole } from './role-queries.js';

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
  /** The parsed role phrase ("software engineer"), without seniority and noise. */
  cleaned: string;
  /** Whether the title is an IT role, outside IT, or undecided. */
  domain: RoleDomain;
  /** True when this low-confidence link was filed for admin review (only with `create`). */
  reviewFiled: boolean;
  /** False when the embedding provider failed: the vector stage was skipped (and a created role has no vector yet). */
  vectorStageAvailable: boolean;
}

/** "Senior", "Sr. Lead", "III": words that only qualify a role, which are stripped as seniority before a role word. */
function onlySeniority(text: string): boolean {
  return [`${text} Developer`, `Developer ${text}`].some(
    (probe) => cleanRoleText(probe).cleaned === 'developer',
  );
}

function invalidRole(text: string, reason: string, field = 'text'): AppError {
  return new AppError('validation_failed', `Invalid role "${String(text).slice(0, 60)}": ${reason}.`, {
    errors: [{ field, message: reason }],
  });
}

function assertValidText(text: string, field = 'text'): void {
  const validation = validateRoleText(text);
  if (!validation.ok) throw invalidRole(text, validation.reason, field);
}

/** Rejects text no role could be named by, before anything is looked up or created. */
export function assertRoleText(text: string, field = 'text'): ReturnType<typeof cleanRoleText> {
  assertValidText(text, field);
  const cleaned = cleanRoleText(text);
  if (cleaned.cleaned.length === 0 || onlySeniority(text))
    throw invalidRole(text, 'role text names no role', field);
  return cleaned;
}

/**
 * Maps free role text to a global role: the title is parsed into seniority, role phrase and noise, and the
 * role follows from the phrase (src/domain/roles/decide-role.ts): text stages on canonical roles first, then
 * roles created on the fly, then the nearest compatible canonical role by embedding (same model only). With
 * `create`, a phrase far from every role becomes a new role named from its parsed parts, and a link below
 * REVIEW_BELOW_CONFIDENCE is filed for admin review. Text naming no role is refused.
 */
export async function normalizeRole(
  ctx: DbContext,
  provider: EmbeddingProvider,
  text: string,
  options: NormalizeRoleOptions = {},
): Promise<NormalizedRole> {
  assertRoleText(text);
  const { catalog, roles } = await loadRoleIndex(ctx.sql);
  const decision = decideTitle(catalog, text);
  if (decision.kind === 'refuse') throw invalidRole(text, decision.reason);
  const { parsed } = decision;
  const base = { seniority: parsed.seniority, cleaned: parsed.tokens.join(' '), domain: parsed.domain };
  const link = async (
    roleId: number,
    method: RoleMatchMethod,
    confidence: number,
    vectorStageAvailable = true,
  ) => {
    const role = roles.get(roleId) ?? (await roleById(ctx.sql, roleId));
    const reviewFiled =
      options.create === true && confidence < REVIEW_BELOW_CONFIDENCE
        ? await fileReview(ctx.sql, text, roleId, confidence, method)
        : false;
    return {
      ...base,
      role: { id: role.id, name: role.name },
      method,
      confidence,
      reviewFiled,
      vectorStageAvailable,
    };
  };
  if (decision.kind === 'match') return link(decision.roleId, decision.method, decision.confidence);

  let vectorStageAvailable = true;
  let create =
    decision.kind === 'create' ? { name: decision.name, domain: decision.domain } : decision.create;
  if (decision.kind === 'nearest') {
    let queryVector: Float32Array | undefined;
    try {
      [queryVector] = await provider.embed([parsed.name], 'query');
    } catch {
      queryVector = undefined;
    }
    vectorStageAvailable = queryVector !== undefined;
    if (queryVector) {
      const candidates = (
        await nearestRoles(ctx.sql, queryVector, provider.modelId, ROLE_VECTOR_CANDIDATES)
      ).filter((c) => catalog.canonicalIds.has(c.id) && !catalog.nonIt.has(c.id));
      const nearest = decideFromVectorCandidates(
        parsed.name,
        candidates,
        options.threshold ?? DEFAULT_ROLE_MATCH_THRESHOLD,
      );
      if (nearest.kind === 'match') {
        if (options.create && nearest.confidence >= REVIEW_BELOW_CONFIDENCE) {
          await addSurfaceForm(ctx.sql, provider, nearest.roleId, parsed.name);
        }
        return link(nearest.roleId, 'vector', nearest.confidence);
      }
    }
  }
  if (!options.create) {
    return { ...base, role: null, method: null, confidence: 0, reviewFiled: false, vectorStageAvailable };
  }
  create = { ...create, name: create.name.slice(0, 255) };
  const created = await createRole(ctx.sql, create.name, create.domain === 'non-it' ? NON_IT_CATEGORY : null);
  const { embedded } = await refreshRoleEmbeddings(ctx.sql, provider, [created.id]);
  return {
    ...base,
    role: created,
    method: 'created',
    confidence: 1,
    reviewFiled: false,
    vectorStageAvailable: vectorStageAvailable && embedded,
  };
}

async function roleById(sql: SqlExecutor, id: number): Promise<{ id: number; name: string }> {
  return (await findRoleName(sql, id))!;
}

/** Files a low-confidence link for an admin to confirm or correct; one open entry per text and role. */
async function fileReview(
  sql: SqlExecutor,
  text: string,
  roleId: number,
  confidence: number,
  method: string,
): Promise<boolean> {
  await insertOpenRoleLinkReview(
    sql,
    text.trim().slice(0, 255),
    roleId,
    confidence,
    `low_confidence_${method}`.slice(0, 40),
  );
  return true;
}

/** Inserts a role by name; a concurrent insert of the same name yields that role instead. */
async function createRole(
  sql: SqlExecutor,
  name: string,
  category: string | null,
): Promise<{ id: number; name: string }> {
  return (await insertCreatedRole(sql, name, category)) ?? (await findRoleNamed(sql, name))!;
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
  if (await appendRoleAlias(sql, roleId, alias)) await refreshRoleEmbeddings(sql, provider, [roleId]);
}
