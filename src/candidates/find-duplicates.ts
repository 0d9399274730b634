import type { Database, DbContext } from '../db/database.js';
import { withTenant } from '../db/with-tenant.js';
import {
  type DuplicateReason,
  duplicateReason,
  emailKey,
  type IdentityFields,
  phoneKey,
} from '../domain/candidate-duplicates.js';
import { AppError } from '../errors.js';
import {
  candidatesSharingIdentity,
  countTenantCandidates,
  duplicateDismissalsOf,
  insertDuplicateDismissal,
} from './candidate-queries.js';

export interface DuplicateCandidate {
  id: number;
  first_name: string;
  last_name: string;
  email: string;
  reason: DuplicateReason;
}

interface Row extends IdentityFields {
  id: number;
  phone: string | null;
  location: string | null;
  current_employer: string | null;
}

/**
 * Candidates of the tenant that look like the same people as `people` (same e-mail or phone, or a close name
 * with the same location, employer or phone suffix), except pairs a recruiter marked "not a duplicate". One query for
 * the whole list; index i of the result belongs to people[i].
 */
export async function findDuplicates(
  tx: DbContext,
  tenantId: number,
  people: readonly (IdentityFields & { id?: number | undefined })[],
): Promise<DuplicateCandidate[][]> {
  if (people.length === 0) return [];
  const rows = await candidatesSharingIdentity<Row>(tx.sql, tenantId, {
    emails: people.map((person) => emailKey(person.email)),
    phones: people.flatMap((person) => phoneKey(person.phone) ?? []),
    lastNames: people.map((person) => person.last_name.toLowerCase()),
    lastNamePrefixes: people.map((person) => person.last_name.toLowerCase().slice(0, 3)),
  });
  const ids = people.flatMap((person) => (person.id ? [person.id] : []));
  const dismissed = new Set<string>();
  if (ids.length > 0) {
    const pairs = await duplicateDismissalsOf(tx.sql, tenantId, ids);
    for (const pair of pairs) dismissed.add(`${pair.candidate_id}:${pair.other_candidate_id}`);
  }
  const pairKey = (a: number, b: number) => (a < b ? `${a}:${b}` : `${b}:${a}`);
  return people.map((person) =>
    rows.flatMap((row) => {
      if (row.id === person.id || (person.id && dismissed.has(pairKey(person.id, row.id)))) return [];
      const reason = duplicateReason(person, row);
      return reason
        ? [{ id: row.id, first_name: row.first_name, last_name: row.last_name, email: row.email, reason }]
        : [];
    }),
  );
}

/** A 409 naming the duplicates, unless the recruiter said to go ahead. */
export function duplicateConflict(duplicates: DuplicateCandidate[]): AppError {
  const [first] = duplicates;
  return new AppError(
    'conflict',
    `This looks like candidate ${first!.id} (${first!.reason.replaceAll('_', ' ')}): merge, or send allow_duplicate=true to create anyway.`,
    { duplicates: duplicates.map(({ id, reason }) => ({ id, reason })) },
  );
}

export async function assertNoDuplicate(
  tx: DbContext,
  tenantId: number,
  person: IdentityFields & { id?: number | undefined },
): Promise<void> {
  const [duplicates] = await findDuplicates(tx, tenantId, [person]);
  if (duplicates && duplicates.length > 0) throw duplicateConflict(duplicates);
}

/** Remembers that two candidates are different people: neither is reported as the other's duplicate again. */
export async function dismissDuplicate(
  tx: DbContext,
  tenantId: number,
  candidateId: number,
  otherId: number,
  userId: number,
): Promise<boolean> {
  const [low, high] = candidateId < otherId ? [candidateId, otherId] : [otherId, candidateId];
  if ((await countTenantCandidates(tx.sql, tenantId, [low, high])) !== 2 || low === high) return false;
  await insertDuplicateDismissal(tx.sql, tenantId, low, high, userId);
  return true;
}

/** "Keep both", in one tenant transaction: a 404 unless both candidates are the actor's agency's. */
export async function keepBothCandidates(
  database: Database,
  actor: { tenantId: number; userId: number },
  candidateId: number,
  otherId: number,
): Promise<void> {
  const done = await withTenant(database, actor.tenantId, (tx) =>
    dismissDuplicate(tx, actor.tenantId, candidateId, otherId, actor.userId),
  );
  if (!done) throw AppError.notFound(`Candidate ${candidateId} or ${otherId}`);
}
