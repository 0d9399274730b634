import type { Database, DbContext } from '../db/database.js';
import { type Candidate, candidateRepository } from '../db/repositories/candidate.repository.js';
import { withTenant } from '../db/with-tenant.js';
import {
  type CandidateStatus,
  canChangeCandidateStatus,
  nextCandidateStatuses,
} from '../domain/candidate-status.js';
import { AppError } from '../errors.js';
import { EVENT, eventPublisher } from '../events/events.js';
import type { JobQueue } from '../worker/job-queue.js';
import { type CandidateCreate, type CandidateUpdate, PROFILE_FIELDS } from './candidate-input.js';
import {
  candidateRoleMappings,
  candidateStatusHistory,
  insertStatusChange,
  lockCandidateStatus,
} from './candidate-queries.js';
import { assertNoDuplicate } from './find-duplicates.js';
import { type RoleSync, removeCandidateRoles, syncCandidateRoles } from './sync-candidate-roles.js';

export interface CandidateServiceDependencies {
  database: Database;
  queue?: Pick<JobQueue, 'send'> | undefined;
  /** Role normalization for preferred roles. */
  roles?: RoleSync | undefined;
}

/** Who acts: the tenant comes from the session, the user is recorded in histories. */
export interface Actor {
  tenantId: number;
  userId: number;
}

const IDENTITY_FIELDS = [
  'first_name',
  'last_name',
  'email',
  'phone',
  'location',
  'current_employer',
] as const;

const notFound = (id: number) => AppError.notFound(`Candidate ${id}`);

export async function recordStatusChange(
  tx: DbContext,
  candidateId: number,
  from: CandidateStatus | null,
  to: CandidateStatus,
  userId: number,
): Promise<void> {
  await insertStatusChange(tx.sql, candidateId, from, to, userId);
}

/** Inserts candidates of one tenant in `tx` (shared with the CSV import), with their history, roles and task. */
export async function insertCandidate(
  deps: CandidateServiceDependencies,
  tx: DbContext,
  actor: Actor,
  input: CandidateCreate,
): Promise<Candidate> {
  const candidate = await candidateRepository(tx).create(actor.tenantId, {
    ...input,
    status: 'pending_review',
    owner_user_id: actor.userId,
  });
  await recordStatusChange(tx, candidate.id, null, 'pending_review', actor.userId);
  await syncCandidateRoles(deps.roles, tx, actor.tenantId, candidate.id, candidate.preferred_roles ?? []);
  await eventPublisher(deps.queue).publish(tx, {
    name: EVENT.candidateChanged,
    data: { tenantId: actor.tenantId, candidateId: candidate.id },
  });
  return candidate;
}

/** Whether to write a candidate that looks like an existing one (default: no, a 409 naming it). */
export interface DuplicatePolicy {
  allowDuplicate?: boolean | undefined;
}

export function createCandidate(
  deps: CandidateServiceDependencies,
  actor: Actor,
  input: CandidateCreate,
  policy: DuplicatePolicy = {},
): Promise<Candidate> {
  return withTenant(deps.database, actor.tenantId, (tx) =>
    insertCheckedCandidate(deps, tx, actor, input, policy),
  );
}

/** {@link insertCandidate} after the duplicate check, inside the caller's tenant transaction. */
export async function insertCheckedCandidate(
  deps: CandidateServiceDependencies,
  tx: DbContext,
  actor: Actor,
  input: CandidateCreate,
  policy: DuplicatePolicy,
): Promise<Candidate> {
  if (!policy.allowDuplicate) await assertNoDuplicate(tx, actor.tenantId, input);
  return insertCandidate(deps, tx, actor, input);
}

export function updateCandidate(
  deps: CandidateServiceDependencies,
  actor: Actor,
  id: number,
  patch: CandidateUpdate,
  policy: DuplicatePolicy = {},
): Promise<Candidate> {
  return withTenant(deps.database, actor.tenantId, async (tx) => {
    const identityChanged = IDENTITY_FIELDS.some((field) => patch[field] !== undefined);
    if (identityChanged && !policy.allowDuplicate) {
      const before = await candidateRepository(tx).findById(actor.tenantId, id);
      if (!before) throw notFound(id);
      await assertNoDuplicate(tx, actor.tenantId, { ...before, ...patch, id });
    }
    const candidate = await candidateRepository(tx).update(actor.tenantId, id, patch);
    if (!candidate) throw notFound(id);
    if (patch.preferred_roles !== undefined) {
      await syncCandidateRoles(deps.roles, tx, actor.tenantId, id, candidate.preferred_roles ?? []);
    }
    if (PROFILE_FIELDS.some((field) => patch[field] !== undefined)) {
      await eventPublisher(deps.queue).publish(tx, {
        name: EVENT.candidateChanged,
        data: { tenantId: actor.tenantId, candidateId: id },
      });
    }
    return candidate;
  });
}

/** Deletes a candidate with its matches, applications and role links (cascades), keeping role counts exact. */
export function deleteCandidate(deps: CandidateServiceDependencies, actor: Actor, id: number): Promise<void> {
  return withTenant(deps.database, actor.tenantId, async (tx) => {
    const candidate = await candidateRepository(tx).findById(actor.tenantId, id);
    if (!candidate) throw notFound(id);
    await removeCandidateRoles(tx, id, () => candidateRepository(tx).delete(actor.tenantId, id));
  });
}

/** Moves a candidate through the review workflow; a move the workflow does not allow is a 422. */
export function changeCandidateStatus(
  deps: CandidateServiceDependencies,
  actor: Actor,
  id: number,
  to: CandidateStatus,
): Promise<Candidate> {
  return withTenant(deps.database, actor.tenantId, async (tx) => {
    const from = await lockCandidateStatus(tx.sql, actor.tenantId, id);
    if (!from) throw notFound(id);
    if (!canChangeCandidateStatus(from, to)) {
      const allowed = nextCandidateStatuses(from);
      throw new AppError(
        'unprocessable',
        `A candidate in ${from} cannot move to ${to}; allowed: ${allowed.join(', ') || 'none'}.`,
      );
    }
    const candidate = await candidateRepository(tx).update(actor.tenantId, id, { status: to });
    await recordStatusChange(tx, id, from, to, actor.userId);
    // Approval makes the candidate matchable, rejection unmatchable: either way their matches change.
    await eventPublisher(deps.queue).publish(tx, {
      name: EVENT.candidateChanged,
      data: { tenantId: actor.tenantId, candidateId: id },
    });
    return candidate!;
  });
}

export interface CandidateDetail {
  candidate: Candidate;
  status_history: {
    from_status: string | null;
    to_status: string;
    changed_by: { id: number; email: string; name: string | null } | null;
    changed_at: Date;
  }[];
  role_mappings: {
    input_text: string | null;
    global_role_id: number;
    role_name: string;
    match_method: string | null;
    confidence: number | null;
  }[];
}

export function getCandidateDetail(
  deps: CandidateServiceDependencies,
  tenantId: number,
  id: number,
): Promise<CandidateDetail> {
  return withTenant(deps.database, tenantId, async (tx) => {
    const candidate = await candidateRepository(tx).findById(tenantId, id);
    if (!candidate) throw notFound(id);
    const history = await candidateStatusHistory(tx.sql, id);
    const roles = await candidateRoleMappings(tx.sql, id);
    return {
      candidate,
      status_history: history.map((row) => ({
        from_status: row.from_status,
        to_status: row.to_status,
        changed_by:
          row.user_id === null ? null : { id: row.user_id, email: row.email ?? '', name: row.full_name },
        changed_at: row.changed_at,
      })),
      role_mappings: roles,
    };
  });
}
