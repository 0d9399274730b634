import type { Database } from '../db/database.js';
import {
  type Candidate,
  type CandidateSearchOptions,
  candidateRepository,
} from '../db/repositories/candidate.repository.js';
import { withTenant } from '../db/with-tenant.js';
import { AppError } from '../errors.js';
import { candidateOverviewRows, isActiveCandidateOwner } from './candidate-queries.js';

/** What the candidates list shows beside each candidate: owner, match counts, best score and roles. */
export interface CandidateOverview {
  owner: { id: number; email: string; name: string | null } | null;
  /** Matches nobody has looked at yet (suggested, never viewed). */
  new_matches: number;
  total_matches: number;
  best_score: number | null;
  roles: string[];
}

export type CandidateListItem = Candidate & CandidateOverview;

/** One page of the agency's candidates with their overview, in one tenant transaction. */
export function listCandidateOverviews(
  database: Database,
  tenantId: number,
  options: CandidateSearchOptions,
): Promise<{ items: CandidateListItem[]; total: number }> {
  return withTenant(database, tenantId, async (tx) => {
    const page = await candidateRepository(tx).search(tenantId, options);
    const ids = page.items.map((candidate) => candidate.id);
    const rows = await candidateOverviewRows(tx.sql, tenantId, ids);
    const byId = new Map(rows.map((row) => [row.candidate_id, row]));
    const items = page.items.map((candidate) => {
      const row = byId.get(candidate.id);
      return {
        ...candidate,
        owner:
          candidate.owner_user_id !== null && row?.owner_email
            ? { id: candidate.owner_user_id, email: row.owner_email, name: row.owner_name }
            : null,
        new_matches: row?.new_matches ?? 0,
        total_matches: row?.total_matches ?? 0,
        best_score: row?.best_score ?? null,
        roles: row?.roles ?? [],
      };
    });
    return { items, total: page.total };
  });
}

/** Gives a candidate to another recruiter of the agency (or to nobody); agency admins only, by route. */
export function assignCandidateOwner(
  database: Database,
  tenantId: number,
  candidateId: number,
  ownerUserId: number | null,
): Promise<Candidate> {
  return withTenant(database, tenantId, async (tx) => {
    if (ownerUserId !== null) {
      if (!(await isActiveCandidateOwner(tx.sql, tenantId, ownerUserId)))
        throw new AppError('unprocessable', `User ${ownerUserId} is not an active user of your agency.`);
    }
    const candidate = await candidateRepository(tx).update(tenantId, candidateId, {
      owner_user_id: ownerUserId,
    });
    if (!candidate) throw AppError.notFound(`Candidate ${candidateId}`);
    return candidate;
  });
}
