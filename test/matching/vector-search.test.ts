import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toPgVectorLiteral } from '../../src/embeddings/vector-math.js';
import { nearestActiveJobs } from '../../src/matching/vector-search.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { MODEL } from './fixtures.js';

const JOBS = 1000;
const DIMS = 768;

/** Clustered random unit vectors (mulberry32): realistic neighbourhoods, reproducible. */
function randomVectors(count: number, seed: number): Float32Array[] {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const centers = Array.from({ length: 20 }, () =>
    Float32Array.from({ length: DIMS }, () => random() * 2 - 1),
  );
  return Array.from({ length: count }, () => {
    const center = centers[Math.floor(random() * centers.length)]!;
    const v = Float32Array.from(center, (c) => c + (random() * 2 - 1) * 0.8);
    const norm = Math.hypot(...v);
    return v.map((x) => x / norm);
  });
}

describe('vector search over active jobs', () => {
  let database: TestDatabase;
  const queries = randomVectors(8, 99);

  beforeAll(async () => {
    database = await createTestDatabase();
    const vectors = randomVectors(JOBS, 7);
    // Every tenth job is active: the filter removes 90% of what the index walks.
    await database.sql.query(
      `INSERT INTO job_postings (platform, external_job_id, title, status, embedding, embedding_model)
       SELECT 'vec', 'v' || i, 'Job ' || i, CASE WHEN i % 10 = 0 THEN 'active' ELSE 'closed' END, v::vector, $2
       FROM unnest($1::text[]) WITH ORDINALITY AS t(v, i)`,
      [vectors.map(toPgVectorLiteral), MODEL],
    );
  });
  afterAll(() => database.close());

  it('returns k active results under a selective filter, with recall >= 0.95 against an exact scan', async () => {
    const k = 50;
    let hits = 0;
    for (const query of queries) {
      const approximate = await nearestActiveJobs(database, query, MODEL, k);
      const exact = await nearestActiveJobs(database, query, MODEL, k, { exact: true });
      expect(approximate).toHaveLength(k);
      expect(exact).toHaveLength(k);
      const truth = new Set(exact.map((n) => n.id));
      hits += approximate.filter((n) => truth.has(n.id)).length;
      for (let i = 1; i < approximate.length; i++) {
        expect(approximate[i]!.distance).toBeGreaterThanOrEqual(approximate[i - 1]!.distance);
      }
    }
    expect(hits / (k * queries.length)).toBeGreaterThanOrEqual(0.95);
    const { rows } = await database.sql.query<{ status: string }>(
      'SELECT DISTINCT status FROM job_postings WHERE id = ANY($1::int[])',
      [(await nearestActiveJobs(database, queries[0]!, MODEL, k)).map((n) => n.id)],
    );
    expect(rows).toEqual([{ status: 'active' }]);
  });

  it('the exact scan really bypasses the HNSW index', async () => {
    const exactPlan = () =>
      database.transaction(async (tx) => {
        await tx.sql.query('SET LOCAL enable_indexscan = off');
        const { rows } = await tx.sql.query<{ 'QUERY PLAN': string }>(
          `EXPLAIN SELECT id FROM job_postings WHERE status = 'active' AND embedding_model = $2
           ORDER BY embedding <=> $1::vector LIMIT 50`,
          [toPgVectorLiteral(queries[0]!), MODEL],
        );
        return rows.map((r) => r['QUERY PLAN']).join('\n');
      });
    expect(await exactPlan()).not.toContain('idx_job_postings_embedding');
  });

  it('a model with no vectors, or k = 0, finds nothing', async () => {
    expect(await nearestActiveJobs(database, queries[0]!, 'other-model', 10)).toEqual([]);
    expect(await nearestActiveJobs(database, queries[0]!, MODEL, 0)).toEqual([]);
  });
});
