import { and, desc, eq, getTableColumns, gte, sql } from 'drizzle-orm';
import type { DbContext } from '../database.js';
import { candidateJobMatches, candidates, type MATCH_STATUSES } from '../schema.js';

export type CandidateJobMatch = typeof candidateJobMatches.$inferSelect;
export type MatchStatus = (typeof MATCH_STATUSES)[number];

/** Matches belong to a tenant through their candidate; every method takes the tenant id first. */
export function candidateJobMatchRepository({ db }: DbContext) {
  const columns = getTableColumns(candidateJobMatches);
  const scoped = (tenantId: number) =>
    db
      .select(columns)
      .from(candidateJobMatches)
      .innerJoin(
        candidates,
        and(eq(candidates.id, candidateJobMatches.candidate_id), eq(candidates.tenant_id, tenantId)),
      );
  const ownedBy = (tenantId: number) =>
    sql`${candidateJobMatches.candidate_id} IN (SELECT id FROM ${candidates} WHERE ${candidates.tenant_id} = ${tenantId})`;
  return {
    async findById(tenantId: number, id: number): Promise<CandidateJobMatch | undefined> {
      const [row] = await scoped(tenantId).where(eq(candidateJobMatches.id, id));
      return row;
    },
    listForCandidate(
      tenantId: number,
      candidateId: number,
      options: { minScore?: number; limit?: number; offset?: number } = {},
    ): Promise<CandidateJobMatch[]> {
      return scoped(tenantId)
        .where(
          and(
            eq(candidateJobMatches.candidate_id, candidateId),
            options.minScore === undefined
              ? undefined
              : gte(candidateJobMatches.match_score, options.minScore),
          ),
        )
        .orderBy(desc(candidateJobMatches.match_score), desc(candidateJobMatches.id))
        .limit(options.limit ?? 50)
        .offset(options.offset ?? 0);
    },
    async setStatus(
      tenantId: number,
      id: number,
      status: MatchStatus,
    ): Promise<CandidateJobMatch | undefined> {
      const [row] = await db
        .update(candidateJobMatches)
        .set({
          status,
          updated_at: sql`now()`,
          ...(status === 'viewed'
            ? { viewed_at: sql`coalesce(${candidateJobMatches.viewed_at}, now())` }
            : {}),
        })
        .where(and(eq(candidateJobMatches.id, id), ownedBy(tenantId)))
        .returning();
      return row;
    },
  };
}
