/**
 * Regression tests of issue 11's pipeline defects: approval queues scoring; a known job posted for a
 * second role (or re-scraped) is scored for that role's candidates; an admin import sends one event per
 * chunk and reaches the candidates a role-less job is nearest to; lists hold the best N per tenant plus
 * acted-on pairs. The general property is test/matching/coverage-invariant.*.test.ts.
 */

import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  changeCandidateStatus,
  createCandidate as createCandidateUseCase,
} from '../../src/candidates/candidates.js';
import { candidateJobMatchRepository } from '../../src/db/repositories/candidate-job-match.repository.js';
import { SCORING_VERSION } from '../../src/domain/scoring/index.js';
import { publishJobsImported } from '../../src/events/events.js';
import { importJobs } from '../../src/ingestion/import-jobs.js';
import { setJobStatus } from '../../src/jobs/set-job-status.js';
import { dueJobsOf } from '../../src/matching/due-pairs.js';
import {
  type MatchingDependencies,
  matchImportedJobs,
  parseJobsImportedEvent,
} from '../../src/matching/match-imported-jobs.js';
import { MATCHING_TASK, matchingTasks } from '../../src/matching/matching-tasks.js';
import { checkMatches, refreshStaleCandidates } from '../../src/matching/refresh-matches.js';
import { rematchCandidate } from '../../src/matching/rematch-candidate.js';
import { createApiKey } from '../../src/scraper/api-keys.js';
import { completeSession } from '../../src/scraper/complete-session.js';
import { loadSkillMatcher } from '../../src/skills/skill-dictionary.loader.js';
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

interface Sent {
  name: string;
  data: Record<string, unknown>;
}

function recordingQueue() {
  const sent: Sent[] = [];
  return {
    sent,
    async send(name: string, data: object) {
      sent.push({ name, data: data as Record<string, unknown> });
      return String(sent.length);
    },
  };
}

describe('match pipeline (issue 11 defects)', () => {
  let database: TestDatabase;
  let deps: MatchingDependencies;
  let tenant: number;
  let userId: number;
  const skills = loadSkillMatcher();

  beforeAll(async () => {
    database = await createTestDatabase();
    deps = { database, retention: { floor: 0, bestN: 50 }, vectorTopK: 0, skills };
    tenant = await createTenant(database, 'pipeline');
    const { rows } = await database.sql.query<{ id: number }>(
      `INSERT INTO users (tenant_id, email, password_hash, role) VALUES ($1, 'r@pipeline.test', 'x', 'RECRUITER') RETURNING id`,
      [tenant],
    );
    userId = rows[0]!.id;
  });
  afterAll(() => database.close());

  it('defect 1: approving a candidate queues their scoring, and the task stores their matches', async () => {
    const role = await createRole(database, 'Approval Role');
    const job = await createJob(database, { roleId: role });
    const queue = recordingQueue();
    const actor = { tenantId: tenant, userId };
    const candidate = await createCandidateUseCase({ database, queue }, actor, {
      first_name: 'Ada',
      last_name: 'Approve',
      email: 'ada@pipeline.test',
      skills: ['Python'],
      preferred_locations: [],
      preferred_roles: [],
      work_modes: [],
      employment_types: [],
      open_to_relocation: false,
    });
    await database.sql.query(
      'INSERT INTO candidate_global_roles (candidate_id, global_role_id) VALUES ($1, $2)',
      [candidate.id, role],
    );
    queue.sent.length = 0;
    await changeCandidateStatus({ database, queue }, actor, candidate.id, 'approved');
    expect(queue.sent).toEqual([
      { name: MATCHING_TASK.candidateChanged, data: { tenantId: tenant, candidateId: candidate.id } },
    ]);
    await rematchCandidate(deps, { tenantId: tenant, candidateId: candidate.id });
    expect((await storedMatches(database, candidate.id)).map((m) => m.job_posting_id)).toEqual([job]);

    // Rejecting queues a rescore too, which empties the suggestions.
    await changeCandidateStatus({ database, queue }, actor, candidate.id, 'rejected');
    expect(queue.sent.at(-1)?.name).toBe(MATCHING_TASK.candidateChanged);
    await rematchCandidate(deps, { tenantId: tenant, candidateId: candidate.id });
    expect(await storedMatches(database, candidate.id)).toEqual([]);
  });

  it('defect 2: a known job posted for a second role is scored for that role; a re-scrape of known jobs too', async () => {
    const first = await createRole(database, 'First Role');
    const second = await createRole(database, 'Second Role');
    const firstCandidate = await createCandidate(database, tenant, { roleIds: [first] });
    const secondCandidate = await createCandidate(database, tenant, { roleIds: [second] });
    const { key } = await createApiKey(database, { name: 'pipeline-scraper' });
    const queue = recordingQueue();
    const post = async (roleId: number, jobs: unknown[]) => {
      const sessionId = randomUUID();
      await database.sql.query(
        `INSERT INTO scrape_sessions (session_id, scraper_key_id, global_role_id, started_at, status)
         VALUES ($1, $2, $3, now(), 'in_progress')`,
        [sessionId, key.id, roleId],
      );
      await completeSession(
        { database, skills, onJobsImported: publishJobsImported(queue) },
        { id: key.id },
        { session_id: sessionId, jobs },
      );
      const event = parseJobsImportedEvent(queue.sent.at(-1)!.data);
      await matchImportedJobs(deps, event);
      return event;
    };
    const posting = {
      external_job_id: 'known-1',
      platform: 'indeed',
      title: 'Python Developer',
      location: 'Austin, TX',
      description: 'Python and SQL.',
    };
    await post(first, [posting]);
    const [job] = (await storedMatches(database, firstCandidate)).map((m) => m.job_posting_id);
    expect(job).toBeDefined();
    expect(await storedMatches(database, secondCandidate)).toEqual([]);

    const again = await post(second, [posting]);
    expect(again.jobIds).toEqual([job]);
    expect((await storedMatches(database, secondCandidate)).map((m) => m.job_posting_id)).toEqual([job]);

    // A candidate who joins the first role later is scored by its next re-scrape of known jobs alone.
    const late = await createCandidate(database, tenant, { roleIds: [first] });
    await post(first, [posting]);
    expect((await storedMatches(database, late)).map((m) => m.job_posting_id)).toEqual([job]);
  });

  it('defect 3: an import sends one event per chunk with every job, and role-less jobs reach their nearest candidates', async () => {
    const role = await createRole(database, 'Site Reliability Engineer');
    const roleCandidate = await createCandidate(database, tenant, {
      roleIds: [role],
      skills: ['Kubernetes', 'Terraform', 'Prometheus', 'Docker'],
    });
    const nearCandidate = await createCandidate(database, tenant, { embedding: unitVector(600, 1) });
    const queue = recordingQueue();
    const lines = [
      {
        external_job_id: 'imp-1',
        title: 'Site Reliability Engineer',
        description: 'Kubernetes, Terraform, Prometheus',
      },
      {
        external_job_id: 'imp-2',
        title: 'Site Reliability Engineer',
        description: 'Terraform, Docker, Kubernetes',
      },
      { external_job_id: 'imp-3', title: 'Forklift Operator', description: 'Warehouse' },
    ];
    await importJobs(
      { database, skills, onJobsImported: publishJobsImported(queue) },
      {
        source: Readable.from([Buffer.from(lines.map((l) => JSON.stringify(l)).join('\n'))]),
        fileName: 'jobs.jsonl',
        format: 'jsonl',
        platform: 'import-test',
      },
    );
    expect(queue.sent).toHaveLength(1);
    const event = parseJobsImportedEvent(queue.sent[0]!.data);
    expect(event.jobIds).toHaveLength(3);
    const { rows } = await database.sql.query<{ id: number; external_job_id: string }>(
      `SELECT id, external_job_id FROM job_postings WHERE platform = 'import-test' ORDER BY external_job_id`,
    );
    const [sre1, sre2, forklift] = rows.map((r) => r.id);
    // The embedding task would embed the postings first; here the role-less one gets a vector by hand.
    await database.sql.query(
      `UPDATE job_postings SET embedding = $2::vector, embedding_model = 'test-model' WHERE id = $1`,
      [forklift, `[${Array.from(unitVector(600, 2)).join(',')}]`],
    );
    await matchImportedJobs({ ...deps, vectorTopK: 5 }, event);
    expect((await storedMatches(database, roleCandidate)).map((m) => m.job_posting_id).sort()).toEqual(
      [sre1, sre2].sort(),
    );
    // The role-less posting is due for its nearest candidate (stored only with evidence of fit, which it lacks).
    const [nearDue] = await dueJobsOf(database, [nearCandidate], 5);
    expect(nearDue!.jobIds).toContain(forklift);
    expect(
      (await checkMatches({ ...deps, vectorTopK: 5 }, { candidateIds: [roleCandidate, nearCandidate] }))
        .drifted_candidates,
    ).toEqual([]);
  });

  it('defect 7: a candidate keeps the best N suggested matches (per tenant) plus every pair a recruiter acted on', async () => {
    const own = await createTenant(database, 'list-size');
    await database.sql.query('INSERT INTO tenant_settings (tenant_id, match_list_size) VALUES ($1, 2)', [
      own,
    ]);
    const role = await createRole(database, 'List Role');
    const candidate = await createCandidate(database, own, {
      roleIds: [role],
      skills: ['Python', 'SQL', 'AWS'],
    });
    const jobs = [];
    for (const skillsOfJob of [['Python', 'SQL', 'AWS'], ['Python', 'SQL'], ['Python'], ['Java']]) {
      jobs.push(await createJob(database, { roleId: role, skills: skillsOfJob }));
    }
    await matchImportedJobs(deps, { jobIds: jobs });
    const stored = await storedMatches(database, candidate);
    expect(stored).toHaveLength(2);
    const best = [...stored].sort((a, b) => b.match_score - a.match_score)[0]!;

    // Shortlisting the best frees a place: the third best comes in after the refresh.
    await candidateJobMatchRepository(database).setStatus(own, best.id, 'shortlisted');
    await database.sql.query(
      `INSERT INTO candidate_match_state (candidate_id, stale_since) VALUES ($1, now())
       ON CONFLICT (candidate_id) DO UPDATE SET stale_since = now()`,
      [candidate],
    );
    await refreshStaleCandidates(deps);
    const after = await storedMatches(database, candidate);
    expect(after).toHaveLength(3);
    expect(after.find((m) => m.id === best.id)?.status).toBe('shortlisted');

    // Closing the shortlisted job keeps the acted-on pair; closing a suggested one refills the list.
    const suggested = after.find((m) => m.status === 'suggested')!;
    await setJobStatus(database, suggested.job_posting_id, 'closed');
    await refreshStaleCandidates(deps);
    const refilled = await storedMatches(database, candidate);
    expect(refilled.map((m) => m.job_posting_id)).not.toContain(suggested.job_posting_id);
    expect(refilled.filter((m) => m.status === 'suggested')).toHaveLength(2);
  });

  it('upgrade: matches stored by another scoring version are rescored by the matches/upgrade task', async () => {
    const role = await createRole(database, 'Upgrade Role');
    const candidate = await createCandidate(database, tenant, { roleIds: [role] });
    const job = await createJob(database, { roleId: role });
    await database.sql.query(
      `INSERT INTO candidate_job_matches (candidate_id, job_posting_id, match_score, status, scoring_version)
       VALUES ($1, $2, 12.5, 'suggested', 'an-older-version')`,
      [candidate, job],
    );
    const upgrade = matchingTasks({
      database,
      config: { matching: { floor: 0, bestN: 50, vectorTopK: 0 } },
      logger: silentLogger,
    }).find((task) => task.name === MATCHING_TASK.upgrade)!;
    await (upgrade.handler as (data: unknown, meta: { id: string; retryCount: number }) => Promise<void>)(
      {},
      { id: 'upgrade', retryCount: 0 },
    );
    const [match] = await storedMatches(database, candidate);
    expect(match?.scoring_version).toBe(SCORING_VERSION);
    expect(match?.match_score).not.toBe(12.5);
  });
});
