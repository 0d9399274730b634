/**
 * Nearest active jobs (or matchable candidates) to a vector, by cosine distance, same embedding model only.
 *
 * A plain HNSW scan visits `ef_search` neighbours and filters afterwards, so a selective filter (status,
 * model) returns fewer than k rows. pgvector >= 0.8 (PGlite bundles 0.8.x) scans on until k rows pass the
 * filter with `hnsw.iterative_scan = relaxed_order`; the results are then re-sorted by exact distance, as
 * relaxed order requires. `exact: true` disables index scans instead: an exact, brute-force search, used
 * for small sets and as the reference for recall tests.
 */

import type { Database } from '../db/database.js';
import { toPgVectorLiteral } from '../embeddings/vector-math.js';
import {
  activeJobsNearest,
  configureScan,
  type NearestSelect,
  nearestActiveJobRowsOfCandidates,
  nearestRows,
} from './vector-search-queries.js';

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

async function nearest(
  database: Database,
  query: ArrayLike<number>,
  k: number,
  options: VectorSearchOptions,
  select: NearestSelect,
): Promise<Neighbour[]> {
  if (!Number.isInteger(k) || k <= 0 || query.length === 0) return [];
  return database.transaction(async (tx) => {
    await configureScan(tx, efSearchFor(k), options.exact ?? false);
    const rows = await nearestRows(tx, toPgVectorLiteral(query), k, select);
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
  return nearest(database, query, k, options, activeJobsNearest(model));
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
    await configureScan(tx, efSearchFor(k), options.exact ?? false);
    return nearestActiveJobRowsOfCandidates(tx, candidateIds, k);
  });
  for (const row of rows) {
    const list = byCandidate.get(row.candidate_id) ?? [];
    if (list.length === 0) byCandidate.set(row.candidate_id, list);
    list.push({ id: row.id, distance: Number(row.distance) });
  }
  return byCandidate;
}
