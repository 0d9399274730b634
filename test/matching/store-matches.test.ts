import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  candidateJobMatchRepository,
  matchWriter,
  type ScoredMatchRow,
} from '../../src/db/repositories/candidate-job-match.repository.js';
import { SCORING_VERSION } from '../../src/domain/scoring/index.js';
import { DEFAULT_SETTINGS } from '../../src/domain/scoring/settings.js';
import { loadActiveJobs, loadCandidatesByIds } from '../../src/matching/load-features.js';
import { getMatch } from '../../src/matching/match-queries.js';
import { prepareMatchingCandidate, prepareMatchingJob } from '../../src/matching/prepare-features.js';
import { scoreAndStore } from '../../src/matching/store-matches.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { createCandidate, createJob, createTenant, storedMatches } from './fixtures.js';

function row(candidateId: number, jobId: number, score: number): ScoredMatchRow {
  return {
    candidate_id: candidateId,
    job_posting_id: jobId,
    match_score: score,
    skill_match_score: score,
    experience_match_score: 50,
    location_match_score: 50,
    salary_match_score: 50,
    semantic_similarity: 50,
    matched_skills: ['Python'],
    missing_skills: ['Kubernetes'],
    is_recommended: score >= 70,
    scoring_version: SCORING_VERSION,
  };
}

describe('match store', () => {
  let database: TestDatabase;
  let tenant: number;

  beforeAll(async () => {
    database = await createTestDatabase();
    tenant = await createTenant(database, 'store');
  });
  afterAll(() => database.close());

  it('upserts set-based, and a rescore keeps the recruiter status, viewed_at and matched_at', async () => {
    const candidate = await createCandidate(database, tenant);
    const jobs = [await createJob(database), await createJob(database)];
    const writer = matchWriter(database);
    expect(await writer.upsert(jobs.map((job) => row(candidate, job, 60)))).toBe(2);
    const [first] = await storedMatches(database, candidate);
    expect(first).toMatchObject({ match_score: 60, status: 'suggested', matched_skills: ['Python'] });
    // Reasons and advice are not stored: they are computed when the match is read.
    expect(first!.match_reasons).toEqual([]);
    const viewed = await candidateJobMatchRepository(database).setStatus(tenant, first!.id, 'viewed');
    expect(viewed?.viewed_at).toBeInstanceOf(Date);

    await writer.upsert(jobs.map((job) => row(candidate, job, 75)));
    const after = await storedMatches(database, candidate);
    expect(after).toHaveLength(2);
    expect(after[0]).toMatchObject({ id: first!.id, match_score: 75, status: 'viewed' });
    expect(after[0]!.viewed_at?.getTime()).toBe(viewed!.viewed_at!.getTime());
    expect(after[1]!.status).toBe('suggested');
  });

  it('a rescore that drops pairs below the floor and out of the best N deletes the unacted ones', async () => {
    const candidate = await createCandidate(database, tenant, { skills: ['Python', 'SQL'] });
    const jobIds = [await createJob(database), await createJob(database), await createJob(database)];
    const [loaded] = await loadCandidatesByIds(database, [candidate]);
    const prepared = [prepareMatchingCandidate(loaded!.features)];
    const jobs = (await loadActiveJobs(database, jobIds)).map(prepareMatchingJob);

    const everything = await scoreAndStore(database, prepared, jobs, DEFAULT_SETTINGS, {
      floor: 0,
      bestN: 3,
    });
    expect(everything).toMatchObject({ scored: 3, stored: 3 });
    const stored = await storedMatches(database, candidate);
    expect(stored.every((m) => m.scoring_version === SCORING_VERSION)).toBe(true);
    for (const match of stored) {
      const read = await getMatch(database, tenant, match.id);
      expect(read.match_reasons.length).toBeGreaterThan(0);
      expect(Array.isArray(read.improvements)).toBe(true);
    }
    await candidateJobMatchRepository(database).setStatus(tenant, stored[1]!.id, 'rejected');

    // Same scores, but only the best suggested one fits in N.
    const rescored = await scoreAndStore(database, prepared, jobs, DEFAULT_SETTINGS, {
      floor: 0,
      bestN: 1,
    });
    expect(rescored.scored).toBe(3);
    const left = await storedMatches(database, candidate);
    const best = stored
      .filter((m) => m.id !== stored[1]!.id)
      .sort((a, b) => b.match_score - a.match_score || a.job_posting_id - b.job_posting_id)[0]!;
    expect(left.map((m) => m.job_posting_id).sort()).toEqual(
      [best.job_posting_id, stored[1]!.job_posting_id].sort(),
    );
    // Nothing reaches the floor: only the pair the recruiter acted on stays.
    await scoreAndStore(database, prepared, jobs, DEFAULT_SETTINGS, { floor: 101, bestN: 1 });
    expect((await storedMatches(database, candidate)).map((m) => m.id)).toEqual([stored[1]!.id]);
    expect(left.find((m) => m.id === stored[1]!.id)?.status).toBe('rejected');
  });

  it('mergeBest writes only the pairs that rank inside the merged best N, and removes the ones pushed out', async () => {
    const candidate = await createCandidate(database, tenant);
    const jobs: number[] = [];
    for (let i = 0; i < 7; i++) jobs.push(await createJob(database));
    const [j90, j60, j50, jActed, jRescored, j80, j55] = jobs as [
      number,
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    const writer = matchWriter(database);
    await writer.upsert([
      row(candidate, j90, 90),
      row(candidate, j60, 60),
      row(candidate, j50, 50),
      row(candidate, jActed, 30),
      row(candidate, jRescored, 45),
    ]);
    const acted = (await storedMatches(database, candidate)).find((m) => m.job_posting_id === jActed)!;
    await candidateJobMatchRepository(database).setStatus(tenant, acted.id, 'shortlisted');
    const retention = { floor: 40, bestN: 3 };
    // A batch of jobs jActed, jRescored, j80 and j55: the stored pair of jRescored is not selected any more,
    // the acted-on pair is rescored, 80 enters the best 3 and pushes 50 out, 55 ranks fourth and is not written.
    const batch = [jActed, jRescored, j80, j55];
    const result = await writer.mergeBest(
      [candidate],
      batch,
      [
        row(candidate, jActed, 35),
        { ...row(candidate, j80, 80), matched_skills: [] },
        row(candidate, j55, 55),
      ],
      new Set([`${candidate}:${jActed}`]),
      retention,
    );
    expect(result).toEqual({ stored: 2, removed: 2, written: 2 });
    const after = await storedMatches(database, candidate);
    expect(
      after
        .map((m) => [m.job_posting_id, m.match_score, m.status])
        .sort((a, b) => Number(b[1]) - Number(a[1])),
    ).toEqual([
      [j90, 90, 'suggested'],
      [j80, 80, 'suggested'],
      [j60, 60, 'suggested'],
      [jActed, 35, 'shortlisted'],
    ]);
    expect(after.find((m) => m.job_posting_id === j80)).toMatchObject({ matched_skills: [] });
    // The same merge again changes nothing: idempotent, and the unchanged rows are not rewritten.
    const before = await storedMatches(database, candidate);
    expect(
      await writer.mergeBest(
        [candidate],
        batch,
        [row(candidate, jActed, 35), { ...row(candidate, j80, 80), matched_skills: [] }],
        new Set([`${candidate}:${jActed}`]),
        retention,
      ),
    ).toEqual({ stored: 2, removed: 0, written: 0 });
    expect(await storedMatches(database, candidate)).toEqual(before);
    // A higher floor (a tenant setting) removes the stored pairs below it, never the acted-on one.
    expect(await writer.mergeBest([candidate], [], [], new Set(), { floor: 70, bestN: 3 })).toEqual({
      stored: 0,
      removed: 1,
      written: 0,
    });
    expect((await storedMatches(database, candidate)).map((m) => m.job_posting_id).sort()).toEqual(
      [j90, j80, jActed].sort(),
    );
  });
});
