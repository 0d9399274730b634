/** The statements of the vector search (vector-search.ts): scan settings and nearest-neighbour queries. */

import type { DbContext } from '../db/database.js';

/** The inner query of a nearest-neighbour search, given the vector's parameter. */
export type NearestSelect = (vectorParam: string) => { text: string; params: unknown[] };

/**
 * Sets the scan for this transaction, in one statement (`set_config(..., true)` is `SET LOCAL`): brute force
 * when `exact`, else an iterative HNSW scan. A search is a handful of statements, so each round trip counts.
 */
export async function configureScan(tx: DbContext, efSearch: number, exact: boolean): Promise<void> {
  const settings: [string, string][] = exact
    ? [['enable_indexscan', 'off']]
    : [
        ['hnsw.iterative_scan', 'relaxed_order'],
        ['hnsw.ef_search', String(efSearch)],
        // With the status filter a server's planner prefers the partial index on active jobs and sorts every
        // active row by distance (exact: 216 ms for 10,000 of 100,000); pricing the sort out leaves the HNSW
        // scan, which the iterative scan keeps filling until k rows pass. The penalty would trigger JIT.
        ['enable_sort', 'off'],
        ['jit', 'off'],
      ];
  await tx.sql.query(
    `SELECT ${settings.map((_, i) => `set_config($${2 * i + 1}, $${2 * i + 2}, true)`).join(', ')}`,
    settings.flat(),
  );
}

/** The `k` rows of `select` nearest to the vector (a pgvector literal), re-sorted by exact distance. */
export async function nearestRows(
  tx: DbContext,
  vector: string,
  k: number,
  select: NearestSelect,
): Promise<{ id: number; distance: number }[]> {
  const { text, params } = select('$1::vector');
  const { rows } = await tx.sql.query<{ id: number; distance: number }>(
    `WITH nearest AS MATERIALIZED (${text} LIMIT ${k})
     SELECT id, distance FROM nearest ORDER BY distance, id`,
    [vector, ...params],
  );
  return rows;
}

/** Active jobs embedded with `model`, by distance to the vector. */
export const activeJobsNearest =
  (model: string): NearestSelect =>
  (v) => ({
    text: `SELECT id, embedding <=> ${v} AS distance FROM job_postings
           WHERE status = 'active' AND embedding_model = $2 AND embedding IS NOT NULL
           ORDER BY embedding <=> ${v}`,
    params: [model],
  });

/** Each of these candidates' `k` nearest active jobs of the same model, in one statement. */
export async function nearestActiveJobRowsOfCandidates(
  tx: DbContext,
  candidateIds: readonly number[],
  k: number,
): Promise<{ candidate_id: number; id: number; distance: number }[]> {
  const result = await tx.sql.query<{ candidate_id: number; id: number; distance: number }>(
    `SELECT c.id AS candidate_id, n.id, n.distance
     FROM candidates c
       CROSS JOIN LATERAL (
         SELECT j.id, j.embedding <=> c.embedding AS distance FROM job_postings j
         WHERE j.status = 'active' AND j.embedding_model = c.embedding_model AND j.embedding IS NOT NULL
         ORDER BY j.embedding <=> c.embedding LIMIT ${k}) n
     WHERE c.id = ANY($1::int[]) AND c.embedding IS NOT NULL`,
    [candidateIds],
  );
  return result.rows;
}
