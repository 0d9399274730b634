/**
 * Nearest active jobs (or matchable candidates) to a vector, by cosine distance, same embedding model only.
 *
 * A plain HNSW scan visits `ef_search` neighbours and filters afterwards, so a selective filter (status,
 * model) returns fewer than k rows. pgvector >= 0.8 (PGlite bundles 0.8.x) scans on until k rows pass the
 * filter with `hnsw.iterative_scan = relaxed_order`; the results are then re-sorted by exact distance, as
 * relaxed order requires. `exact: true` disables index scans instead: an exact, brute-force search, used
 * for small sets and as the reference for recall tests.
 */

import type { Database, DbContext } from '../db/database.js';
import { toPgVectorLiteral } from '../embeddings/vector-math.js';

export interface Neighbour {
  id: number;
  distance: number;
}

export interface VectorSearchOptions {
  /** Brute force instead of the HNSW index. */
  exact?: boolean;
}

/** HNSW candidate list size: well above k, so that recall stays high. pgvector caps it at 1000. */
export function efSearchFor(k: number): number {
  return Math.min(1000, Math.max(100, 2 * k));
}

async function configureScan(tx: DbContext, k: number, exact: boolean): Promise<void> {
  if (exact) {
    await tx.sql.query('SET LOCAL enable_indexscan = off');
    return;
  }
  await tx.sql.query('SET LOCAL hnsw.iterative_scan = relaxed_order');
  await tx.sql.query(`SET LOCAL hnsw.ef_search = ${efSearchFor(k)}`);
  // With the status filter a server's planner prefers the partial index on active jobs and sorts every
  // active row by distance (exact: 216 ms for 10,000 of 100,000); pricing the sort out leaves the HNSW
  // scan, which the iterative scan keeps filling until k rows pass. The penalty would trigger JIT.
  await tx.sql.query('SET LOCAL enable_sort = off');
  await tx.sql.query('SET LOCAL jit = off');
}

async function nearest(
  database: Database,
  query: ArrayLike<number>,
  k: number,
  options: VectorSearchOptions,
  select: (vectorParam: string) => { text: string; params: unknown[] },
): Promise<Neighbour[]> {
  if (!Number.isInteger(k) || k <= 0 || query.length === 0) return [];
  return database.transaction(async (tx) => {
    await configureScan(tx, k, options.exact ?? false);
    const { text, params } = select('$1::vector');
    const { rows } = await tx.sql.query<Neighbour>(
      `WITH nearest AS MATERIALIZED (${text} LIMIT ${k})
       SELECT id, distance FROM nearest ORDER BY distance, id`,
      [toPgVectorLiteral(query), ...params],
    );
    return rows.map((row) => ({ id: row.id, distance: Number(row.distance) }));
  });
}

/** Active jobs closest to the vector, embedded with `model`. Expired, filled and closed jobs are not active. */
export function nearestActiveJobs(
  database: Database,
  query: ArrayLike<number>,
  model: string,
  k: number,
  options: VectorSearchOptions = {},
): Promise<Neighbour[]> {
  return nearest(database, query, k, options, (v) => ({
    text: `SELECT id, embedding <=> ${v} AS distance FROM job_postings
           WHERE status = 'active' AND embedding_model = $2 AND embedding IS NOT NULL
           ORDER BY embedding <=> ${v}`,
    params: [model],
  }));
}

/**
 * Each candidate's `k` nearest active jobs (same model), in one statement: the vector part of the due pairs
 * (due-pairs.ts). Candidates without a vector get none.
 */
export async function nearestActiveJobsOfCandidates(
  database: Database,
  candidateIds: readonly number[],
  k: number,
  options: VectorSearchOptions = {},
): Promise<Map<number, Neighbour[]>> {
  const byCandidate = new Map<number, Neighbour[]>();
  if (!Number.isInteger(k) || k <= 0 || candidateIds.length === 0) return byCandidate;
  const rows = await database.transaction(async (tx) => {
    await configureScan(tx, k, options.exact ?? false);
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
  });
  for (const row of rows) {
    const list = byCandidate.get(row.candidate_id) ?? [];
    if (list.length === 0) byCandidate.set(row.candidate_id, list);
    list.push({ id: row.id, distance: Number(row.distance) });
  }
  return byCandidate;
}
