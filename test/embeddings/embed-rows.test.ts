import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddingStatus, embedMissing, writeEmbeddings } from '../../src/embeddings/embed-rows.js';
import type { EmbeddingProvider } from '../../src/embeddings/embedding-provider.js';
import { runEmbeddingBackfill } from '../../src/embeddings/embedding-tasks.js';
import { fromPgVector, norm } from '../../src/embeddings/vector-math.js';
import { createCandidates, type SwitchableProvider, switchableProvider } from '../roles/helpers.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { silentLogger } from '../support/logger.js';

/** Another model id over the same vectors: stands for switching the configured provider. */
const renamed = (inner: EmbeddingProvider, modelId: string): EmbeddingProvider => ({
  modelId,
  maxBatchSize: inner.maxBatchSize,
  embed: (texts, purpose) => inner.embed(texts, purpose),
});

describe('embedMissing', () => {
  let database: TestDatabase;
  let provider: SwitchableProvider;
  beforeAll(async () => {
    database = await createTestDatabase();
    provider = await switchableProvider();
    await database.sql.query(
      `INSERT INTO job_postings (platform, external_job_id, title, description, skills, status)
       SELECT 'test', 'j' || n, 'Java Developer ' || n, 'Build services', '{java,spring}',
              CASE WHEN n % 10 = 0 THEN 'expired' ELSE 'active' END
       FROM generate_series(1, 250) AS n`,
    );
  });
  afterAll(() => database.close());

  it('keeps rows when the provider fails and embeds them on the next run', async () => {
    provider.failing = true;
    const failed = await embedMissing(database, provider, { table: 'job_postings', batchSize: 50 });
    expect(failed).toMatchObject({
      embedded: 0,
      remaining: 225,
      error: expect.stringContaining('unavailable'),
    });
    provider.failing = false;

    provider.calls = 0;
    const started = performance.now();
    const done = await embedMissing(database, provider, { table: 'job_postings', batchSize: 50 });
    const seconds = (performance.now() - started) / 1000;
    expect(done).toEqual({ table: 'job_postings', embedded: 225, remaining: 0 });
    expect(provider.calls).toBe(5);
    console.info(`backfill: ${Math.round(225 / seconds)} job rows/s (local provider, PGlite)`);

    const { rows } = await database.sql.query<{ embedding: string; embedding_model: string }>(
      `SELECT embedding::text, embedding_model FROM job_postings WHERE status = 'active' LIMIT 1`,
    );
    expect(rows[0]!.embedding_model).toBe(provider.modelId);
    expect(norm(fromPgVector(rows[0]!.embedding)!)).toBeCloseTo(1, 4);
    const expired = await database.sql.query(
      `SELECT 1 FROM job_postings WHERE status = 'expired' AND embedding IS NOT NULL`,
    );
    expect(expired.rows).toHaveLength(0);
  });

  it('re-embeds rows of another model and resumes where an interrupted run stopped', async () => {
    const next = renamed(provider, 'other-model-v2');
    const partial = await embedMissing(database, next, {
      table: 'job_postings',
      batchSize: 40,
      maxRows: 100,
    });
    expect(partial).toEqual({ table: 'job_postings', embedded: 100, remaining: 125 });
    const before = await embeddingStatus(database, next.modelId);
    expect(before.find((s) => s.table === 'job_postings')).toMatchObject({
      eligible: 225,
      current: 100,
      missing: 0,
      byModel: { [provider.modelId]: 125, 'other-model-v2': 100 },
    });

    const embedded: number[] = [];
    const rest = await embedMissing(database, next, {
      table: 'job_postings',
      batchSize: 40,
      onBatch: (progress) => embedded.push(progress.embedded),
    });
    expect(rest).toEqual({ table: 'job_postings', embedded: 125, remaining: 0 });
    expect(embedded).toEqual([40, 80, 120, 125]);
  });

  it('embeds candidates from their title, summary, skills and preferred roles', async () => {
    const { candidateIds } = await createCandidates(database, 3);
    await database.sql.query(
      `UPDATE candidates SET current_title = 'Python Developer', skills = '{python,django}' WHERE id = ANY($1::int[])`,
      [candidateIds],
    );
    const result = await embedMissing(database, provider, { table: 'candidates' });
    expect(result).toMatchObject({ embedded: 3, remaining: 0 });
    const status = await embeddingStatus(database, provider.modelId);
    expect(status.find((s) => s.table === 'candidates')).toMatchObject({
      eligible: 3,
      current: 3,
      missing: 0,
    });
  });
});

describe('writeEmbeddings', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it('stores every float32 of each vector exactly, for the right row (binary float4 transport)', async () => {
    const { rows: inserted } = await database.sql.query<{ id: number }>(
      `INSERT INTO job_postings (platform, external_job_id, title, status)
       SELECT 'exact', 'x' || n, 'Role ' || n, 'active' FROM generate_series(1, 3) AS n RETURNING id`,
    );
    const ids = inserted.map((row) => row.id).reverse();
    const vectors = ids.map((id, row) =>
      Float32Array.from({ length: 768 }, (_, i) =>
        i === row ? -0 : Math.sin(id * 7919 + i) * 10 ** ((i % 9) - 4),
      ),
    );
    expect(await writeEmbeddings(database.sql, 'job_postings', ids, vectors, 'exact-model')).toBe(3);
    const { rows } = await database.sql.query<{ id: number; embedding: string; embedding_model: string }>(
      `SELECT id, embedding::text, embedding_model FROM job_postings WHERE platform = 'exact'`,
    );
    for (const row of rows) {
      expect(row.embedding_model).toBe('exact-model');
      expect([...fromPgVector(row.embedding)!]).toEqual([...vectors[ids.indexOf(row.id)]!]);
    }
  });

  it('refuses a non-finite value before writing anything', async () => {
    const { rows } = await database.sql.query<{ id: number }>(`SELECT id FROM job_postings LIMIT 1`);
    const bad = new Float32Array(768).fill(Number.NaN);
    await expect(writeEmbeddings(database.sql, 'job_postings', [rows[0]!.id], [bad], 'm')).rejects.toThrow(
      RangeError,
    );
  });
});

describe('bulk loads and the HNSW index', () => {
  let database: TestDatabase;
  let provider: SwitchableProvider;
  const vectorIndex = async () => {
    const { rows } = await database.sql.query<{ valid: boolean; method: string }>(
      `SELECT i.indisvalid AS valid, am.amname AS method
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam
       WHERE c.relname = 'idx_job_postings_embedding'`,
    );
    return rows;
  };
  const nearestUsesIndex = async () => {
    await database.sql.query('SET enable_seqscan = off');
    const { rows } = await database.sql.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN SELECT id FROM job_postings ORDER BY embedding <=> (SELECT embedding FROM job_postings LIMIT 1) LIMIT 5`,
    );
    await database.sql.query('RESET enable_seqscan');
    return rows.some((row) => row['QUERY PLAN'].includes('idx_job_postings_embedding'));
  };
  beforeAll(async () => {
    database = await createTestDatabase();
    provider = await switchableProvider();
    await database.sql.query(
      `INSERT INTO job_postings (platform, external_job_id, title, description, skills, status)
       SELECT 'bulk', 'b' || n, 'Data Engineer ' || n, 'Pipelines', '{python,sql}', 'active'
       FROM generate_series(1, 60) AS n`,
    );
  });
  afterAll(() => database.close());

  it('a load above the threshold rebuilds the index after writing, and it serves nearest-neighbour queries', async () => {
    const done = await embedMissing(database, provider, {
      table: 'job_postings',
      batchSize: 25,
      rebuildIndexFrom: 50,
    });
    expect(done).toEqual({ table: 'job_postings', embedded: 60, remaining: 0 });
    expect(await vectorIndex()).toEqual([{ valid: true, method: 'hnsw' }]);
    expect(await nearestUsesIndex()).toBe(true);
  });

  it('the backfill rebuilds an index that an interrupted bulk load left dropped', async () => {
    await database.sql.query('DROP INDEX idx_job_postings_embedding');
    await runEmbeddingBackfill({ database, embeddings: provider, logger: silentLogger });
    expect(await vectorIndex()).toEqual([{ valid: true, method: 'hnsw' }]);
    await runEmbeddingBackfill({ database, embeddings: provider, logger: silentLogger });
    expect(await vectorIndex()).toHaveLength(1);
  });
});
