import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeEmbeddings } from '../../src/embeddings/embed-rows.js';
import { loadActiveJobs, loadCandidatesByIds } from '../../src/matching/load-features.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { createCandidate, createJob, createTenant } from './fixtures.js';

const DIMENSIONS = 768;
const float32Vector = fc
  .array(fc.float({ noNaN: true, noDefaultInfinity: true }), {
    minLength: DIMENSIONS,
    maxLength: DIMENSIONS,
  })
  .map((values) => Float32Array.from(values));

describe('matching loads vectors in binary form', () => {
  let database: TestDatabase;
  let candidate: number;
  let job: number;

  beforeAll(async () => {
    database = await createTestDatabase();
    candidate = await createCandidate(database, await createTenant(database, 'load-vectors'));
    job = await createJob(database);
  });
  afterAll(() => database.close());

  it('reads back every float32 the binary writer stored, bit-exact, for candidates and jobs', async () => {
    await fc.assert(
      fc.asyncProperty(float32Vector, float32Vector, async (forCandidate, forJob) => {
        await writeEmbeddings(database.sql, 'candidates', [candidate], [forCandidate], 'binary-model');
        await writeEmbeddings(database.sql, 'job_postings', [job], [forJob], 'binary-model');
        const [loaded] = await loadCandidatesByIds(database, [candidate]);
        const [loadedJob] = await loadActiveJobs(database, [job]);
        expect(loaded!.features.embedding_model).toBe('binary-model');
        expect(loaded!.features.embedding).toEqual(forCandidate);
        expect(loadedJob!.embedding_model).toBe('binary-model');
        expect(loadedJob!.embedding).toEqual(forJob);
      }),
      { numRuns: 15 },
    );
  });

  it('loads a row without a vector as having none', async () => {
    const bare = await createJob(database);
    const [loaded] = await loadActiveJobs(database, [bare]);
    expect(loaded).toMatchObject({ embedding: null, embedding_model: null });
  });
});
