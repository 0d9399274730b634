import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { candidateJobMatchRepository } from '../../src/db/repositories/candidate-job-match.repository.js';
import { createLocalEmbeddingProvider } from '../../src/embeddings/local-provider.js';
import { toPgVectorLiteral } from '../../src/embeddings/vector-math.js';
import { type MatchingDependencies, matchImportedJobs } from '../../src/matching/match-imported-jobs.js';
import { MATCHING_TASK, matchingTasks } from '../../src/matching/matching-tasks.js';
import { rematchCandidate } from '../../src/matching/rematch-candidate.js';
import { type JobQueue, startJobQueue } from '../../src/worker/job-queue.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { silentLogger } from '../support/logger.js';
import {
  createCandidate,
  createJob,
  createRole,
  createTenant,
  storedMatches,
  unitVector,
} from './fixtures.js';

describe('matching tasks', () => {
  let database: TestDatabase;
  let deps: MatchingDependencies;
  let tenantA: number;
  let tenantB: number;

  beforeAll(async () => {
    database = await createTestDatabase();
    deps = { database, retention: { floor: 0, bestN: 200 }, vectorTopK: 3 };
    tenantA = await createTenant(database, 'alpha');
    tenantB = await createTenant(database, 'beta');
  });
  afterAll(() => database.close());

  it('jobs/imported scores the jobs against every approved or ready candidate of the role, per tenant settings; a retry adds no rows', async () => {
    const role = await createRole(database, 'Data Engineer');
    const other = await createRole(database, 'Designer');
    const approved = await createCandidate(database, tenantA, { roleIds: [role] });
    const ready = await createCandidate(database, tenantB, {
      roleIds: [role],
      status: 'ready_for_assignment',
    });
    const pending = await createCandidate(database, tenantA, { roleIds: [role], status: 'pending_review' });
    const elsewhere = await createCandidate(database, tenantA, { roleIds: [other] });
    // Tenant B recommends nothing: its threshold is 100.
    await database.sql.query(
      'INSERT INTO tenant_settings (tenant_id, recommend_threshold) VALUES ($1, 100)',
      [tenantB],
    );
    const jobIds = [await createJob(database, { roleId: role }), await createJob(database, { roleId: role })];
    const closed = await createJob(database, { roleId: role, status: 'closed' });

    const first = await matchImportedJobs(deps, { roleId: role, jobIds: [...jobIds, closed] });
    expect(first).toMatchObject({ scored: 4, stored: 4 });
    const rows = await storedMatches(database);
    expect(new Set(rows.map((m) => m.candidate_id))).toEqual(new Set([approved, ready]));
    expect(rows.map((m) => m.job_posting_id)).not.toContain(closed);
    const { rows: recommended } = await database.sql.query<{ candidate_id: number; is_recommended: boolean }>(
      'SELECT candidate_id, is_recommended FROM candidate_job_matches',
    );
    expect(recommended.filter((r) => r.candidate_id === ready).every((r) => !r.is_recommended)).toBe(true);
    expect(recommended.filter((r) => r.candidate_id === approved).every((r) => r.is_recommended)).toBe(true);

    const viewed = rows.find((m) => m.candidate_id === approved)!;
    await candidateJobMatchRepository(database).setStatus(tenantA, viewed.id, 'viewed');
    await matchImportedJobs(deps, { roleId: role, jobIds: [...jobIds, closed] });
    const again = await storedMatches(database);
    expect(again.map((m) => m.id)).toEqual(rows.map((m) => m.id));
    expect(again.find((m) => m.id === viewed.id)?.status).toBe('viewed');
    expect(rows.map((m) => m.candidate_id)).not.toContain(pending);
    expect(rows.map((m) => m.candidate_id)).not.toContain(elsewhere);
  });

  it('jobs/imported without a role uses the jobs normalized role, then the candidates they are nearest to', async () => {
    const role = await createRole(database, 'Platform Engineer');
    const linked = await createCandidate(database, tenantA, { roleIds: [role] });
    const near = await createCandidate(database, tenantB, { embedding: unitVector(500, 1) });
    const far = await createCandidate(database, tenantB, { embedding: unitVector(10, 2) });
    // far's own nearest job: the orphan is not among its top 1.
    const farJob = await createJob(database, { embedding: unitVector(10, 5) });
    const roleJob = await createJob(database, { roleId: role });
    const orphan = await createJob(database, { embedding: unitVector(500, 3) });

    await matchImportedJobs({ ...deps, vectorTopK: 1 }, { jobIds: [farJob, roleJob, orphan] });
    const rows = await storedMatches(database);
    expect(rows.filter((m) => m.job_posting_id === roleJob).map((m) => m.candidate_id)).toEqual([linked]);
    expect(rows.filter((m) => m.job_posting_id === orphan).map((m) => m.candidate_id)).toEqual([near]);
    expect(rows.filter((m) => m.candidate_id === far).map((m) => m.job_posting_id)).toEqual([farJob]);
  });

  it('candidates/changed rescores role jobs plus the nearest active jobs of other roles, never inactive ones', async () => {
    const role = await createRole(database, 'ML Engineer');
    const neighbourRole = await createRole(database, 'Data Scientist');
    const candidate = await createCandidate(database, tenantA, {
      roleIds: [role],
      embedding: unitVector(42, 1),
    });
    const roleJob = await createJob(database, { roleId: role, embedding: unitVector(7, 1) });
    const neighbourJob = await createJob(database, { roleId: neighbourRole, embedding: unitVector(42, 2) });
    const expiredNeighbour = await createJob(database, {
      roleId: neighbourRole,
      embedding: unitVector(42, 3),
      status: 'expired',
    });
    const unrelated = await createJob(database, { roleId: neighbourRole, embedding: unitVector(300, 4) });

    await rematchCandidate({ ...deps, vectorTopK: 1 }, { tenantId: tenantA, candidateId: candidate });
    const jobs = (await storedMatches(database, candidate)).map((m) => m.job_posting_id);
    expect(jobs.sort()).toEqual([roleJob, neighbourJob].sort());
    expect(jobs).not.toContain(expiredNeighbour);
    expect(jobs).not.toContain(unrelated);

    // Another tenant's id pair does nothing.
    const before = await storedMatches(database);
    await rematchCandidate(deps, { tenantId: tenantB, candidateId: candidate });
    expect((await storedMatches(database)).map((m) => m.updated_at.getTime())).toEqual(
      before.map((m) => m.updated_at.getTime()),
    );
  });

  it('runs on pg-boss: a jobs/imported task sent in a transaction is worked in the background', async () => {
    const queue: JobQueue = await startJobQueue(database, {
      logger: silentLogger,
      pollingIntervalSeconds: 0.5,
    });
    try {
      await queue.work(
        matchingTasks({
          database,
          config: { matching: { floor: 0, bestN: 200, vectorTopK: 5 } },
          logger: silentLogger,
        }),
      );
      const role = await createRole(database, 'QA Engineer');
      const candidate = await createCandidate(database, tenantA, { roleIds: [role] });
      const job = await createJob(database, { roleId: role });
      await database.transaction((tx) =>
        queue.send(MATCHING_TASK.jobsImported, { roleId: role, jobIds: [job] }, { tx }),
      );
      const started = Date.now();
      while ((await storedMatches(database, candidate)).length === 0) {
        if (Date.now() - started > 15_000) throw new Error('jobs/imported was not worked');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const [match] = await storedMatches(database, candidate);
      expect(match?.job_posting_id).toBe(job);
    } finally {
      await queue.stop();
    }
  });

  it('jobs/imported embeds the new jobs before scoring them, so the semantic score is measured', async () => {
    const provider = await createLocalEmbeddingProvider();
    const role = await createRole(database, 'Semantic Role');
    const [candidateVector] = await provider.embed(['Python developer building data APIs'], 'document');
    const candidate = await createCandidate(database, tenantA, { roleIds: [role] });
    await database.sql.query(
      'UPDATE candidates SET embedding = $2::vector, embedding_model = $3 WHERE id = $1',
      [candidate, toPgVectorLiteral(candidateVector!), provider.modelId],
    );
    const job = await createJob(database, { roleId: role, embedding: null });
    const [task] = matchingTasks({
      database,
      config: { matching: { floor: 0, bestN: 200, vectorTopK: 5 } },
      logger: silentLogger,
      embeddings: provider,
    }).filter((definition) => definition.name === MATCHING_TASK.jobsImported);
    await (task!.handler as (data: unknown, meta: { id: string; retryCount: number }) => Promise<void>)(
      { roleId: role, jobIds: [job] },
      { id: 't', retryCount: 0 },
    );
    const { rows } = await database.sql.query<{ embedding_model: string | null; semantic: number }>(
      `SELECT j.embedding_model, m.semantic_similarity AS semantic FROM job_postings j
       JOIN candidate_job_matches m ON m.job_posting_id = j.id WHERE j.id = $1 AND m.candidate_id = $2`,
      [job, candidate],
    );
    expect(rows[0]?.embedding_model).toBe(provider.modelId);
    expect(rows[0]?.semantic).not.toBe(50);
  });
});
