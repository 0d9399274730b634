import { isUniqueViolation } from '../db/constraint-errors.js';
import type { DbContext } from '../db/database.js';
import type { ScraperApiKey } from '../db/repositories/scraper-api-key.repository.js';

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
 * Claims the next pending role in one statement: priority, then candidate count, then the least recently
 * scraped. `FOR UPDATE SKIP LOCKED` makes concurrent claims on a server take different roles instead of
 * waiting or doubling; the role becomes `processing` and a scrape session starts, in the same statement.
 */
export const CLAIM_NEXT_ROLE_SQL = `
WITH next AS (
  SELECT id FROM global_roles
  WHERE queue_status = 'pending' AND candidate_count > 0
  ORDER BY CASE priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END,
           candidate_count DESC, last_scraped_at ASC NULLS FIRST, id
  LIMIT 1
  FOR UPDATE SKIP LOCKED
), claimed AS (
  UPDATE global_roles AS r SET queue_status = 'processing', updated_at = now()
  FROM next WHERE r.id = next.id
  RETURNING r.id, r.name, r.aliases, r.category, r.priority, r.candidate_count
), session AS (
  INSERT INTO scrape_sessions (session_id, scraper_key_id, scraper_name, global_role_id, role_name, started_at, status, claim_key)
  SELECT gen_random_uuid(), $1, $2, claimed.id, claimed.name, now(), 'in_progress', $3 FROM claimed
  RETURNING session_id, started_at
)
SELECT claimed.*, session.session_id, session.started_at FROM claimed CROSS JOIN session`;

const HINTS_SQL = `
WITH linked AS (
  SELECT c.location, c.preferred_locations, c.skills FROM candidate_global_roles cgr
  JOIN candidates c ON c.id = cgr.candidate_id WHERE cgr.global_role_id = $1
), places AS (
  SELECT trim(place) AS place FROM linked, unnest(array_append(linked.preferred_locations, linked.location)) AS place
  WHERE place IS NOT NULL AND trim(place) <> ''
)
SELECT
  (SELECT coalesce(json_agg(json_build_object('location', place, 'candidates', n) ORDER BY n DESC, place), '[]'::json)
     FROM (SELECT place, count(*)::int AS n FROM places WHERE place !~* '\\m(remote|anywhere|wfh)\\M'
           GROUP BY place ORDER BY n DESC, place LIMIT 10) AS top) AS locations,
  (SELECT count(*)::int FROM linked WHERE EXISTS (
     SELECT 1 FROM unnest(array_append(linked.preferred_locations, linked.location)) AS p
     WHERE p ~* '\\m(remote|anywhere|wfh)\\M')) AS remote_candidates,
  (SELECT coalesce(array_agg(skill ORDER BY n DESC, skill), '{}') FROM (
     SELECT skill, count(*) AS n FROM linked, unnest(linked.skills) AS skill GROUP BY skill ORDER BY n DESC, skill LIMIT 15
   ) AS s) AS top_skills,
  (SELECT count(*)::int FROM role_job_mapping WHERE global_role_id = $1) AS known_jobs`;

interface ClaimRow {
  id: number;
  name: string;
  aliases: string[] | null;
  category: string | null;
  priority: string;
  candidate_count: number;
  session_id: string;
  started_at: Date;
}

/** The session an earlier claim with the same idempotency key started, with its role as it is now. */
const EARLIER_CLAIM_SQL = `
SELECT r.id, r.name, r.aliases, r.category, r.priority, r.candidate_count, s.session_id, s.started_at
FROM scrape_sessions s JOIN global_roles r ON r.id = s.global_role_id
WHERE s.scraper_key_id = $1 AND s.claim_key = $2`;

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
    idempotencyKey === null
      ? undefined
      : (await ctx.sql.query<ClaimRow>(EARLIER_CLAIM_SQL, [key.id, idempotencyKey])).rows[0];
  let row = await earlier();
  if (!row) {
    try {
      row = (await ctx.sql.query<ClaimRow>(CLAIM_NEXT_ROLE_SQL, [key.id, key.name, idempotencyKey])).rows[0];
    } catch (error) {
      // The same key claimed at the same moment: the other attempt's session is the answer.
      if (!isUniqueViolation(error)) throw error;
      row = await earlier();
    }
  }
  if (!row) return null;
  const { rows: hintRows } = await ctx.sql.query<SearchHints>(HINTS_SQL, [row.id]);
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
    hints: hintRows[0] ?? { locations: [], remote_candidates: 0, top_skills: [], known_jobs: 0 },
  };
}
