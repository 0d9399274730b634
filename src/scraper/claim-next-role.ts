import { isUniqueViolation } from '../db/constraint-errors.js';
import type { DbContext } from '../db/database.js';
import type { ScraperApiKey } from '../db/repositories/scraper-api-key.repository.js';
import { claimPendingRole, findEarlierClaim, roleSearchHints } from './scraper-queries.js';

export interface ClaimedRole {
  session_id: string;
  started_at: Date;
  role: {
    id: number;
    name: string;
    aliases: string[];
    category: string | null;
    priority: string;
    candidate_count: number;
  };
  hints: SearchHints;
}

export interface SearchHints {
  /** Where the role's candidates live or want to work, most common first. */
  locations: { location: string; candidates: number }[];
  /** Candidates open to remote work. */
  remote_candidates: number;
  /** The skills the role's candidates have most often. */
  top_skills: string[];
  /** Jobs already known for the role: a scraper may stop paging once it sees them. */
  known_jobs: number;
}

/**
 * Claims the next role for a scraper key, or returns null when nothing is waiting. With an idempotency key,
 * a retried claim (the answer was lost on the way) returns the session the first attempt started instead of
 * taking a second role and stranding the first for its whole lease.
 */
export async function claimNextRole(
  ctx: DbContext,
  key: Pick<ScraperApiKey, 'id' | 'name'>,
  idempotencyKey: string | null = null,
): Promise<ClaimedRole | null> {
  const earlier = async () =>
    idempotencyKey === null ? undefined : await findEarlierClaim(ctx, key.id, idempotencyKey);
  let row = await earlier();
  if (!row) {
    try {
      row = await claimPendingRole(ctx, key, idempotencyKey);
    } catch (error) {
      // The same key claimed at the same moment: the other attempt's session is the answer.
      if (!isUniqueViolation(error)) throw error;
      row = await earlier();
    }
  }
  if (!row) return null;
  const hints = await roleSearchHints(ctx, row.id);
  return {
    session_id: row.session_id,
    started_at: row.started_at,
    role: {
      id: row.id,
      name: row.name,
      aliases: row.aliases ?? [],
      category: row.category,
      priority: row.priority,
      candidate_count: row.candidate_count,
    },
    hints: hints ?? { locations: [], remote_candidates: 0, top_skills: [], known_jobs: 0 },
  };
}
