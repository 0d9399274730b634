import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, evaluatePair, explainPair } from '../../src/domain/scoring/index.js';
import type { Principal } from '../../src/http/auth/principal.js';
import { sendProblem, toAppError } from '../../src/http/problem.js';
import { matchRoutes } from '../../src/http/routes/matches.routes.js';
import { tenantSettingsRoutes } from '../../src/http/routes/tenant-settings.routes.js';
import { loadActiveJobs, loadCandidatesByIds } from '../../src/matching/load-features.js';
import { matchImportedJobs } from '../../src/matching/match-imported-jobs.js';
import { prepareMatchingCandidate, prepareMatchingJob } from '../../src/matching/prepare-features.js';
import { loadSkillMatcher } from '../../src/skills/skill-dictionary.loader.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { createCandidate, createJob, createRole, createTenant } from './fixtures.js';

interface Sent {
  name: string;
  data: object;
}

/** The match routes on a bare app; the caller is named by an `x-test-user` header (test only). */
async function buildTestApp(database: TestDatabase, users: Record<string, Principal>, sent: Sent[]) {
  const app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler((error, _request, reply) => sendProblem(reply, toAppError(error)));
  app.addHook('onRequest', async (request) => {
    const user = users[String(request.headers['x-test-user'])];
    if (user) request.principal = user;
  });
  const queue = {
    send: async (name: string, data: object) => {
      sent.push({ name, data });
      return 'task-id';
    },
  };
  await app.register(matchRoutes({ database, queue }));
  await app.register(tenantSettingsRoutes({ database }));
  return app;
}

async function createUser(database: TestDatabase, tenantId: number, role: string): Promise<number> {
  const { rows } = await database.sql.query<{ id: number }>(
    `INSERT INTO users (tenant_id, email, password_hash, role) VALUES ($1, $2, 'x', $3) RETURNING id`,
    [tenantId, `${role}-${tenantId}@example.test`, role],
  );
  return rows[0]!.id;
}

describe('match and tenant settings routes', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const sent: Sent[] = [];
  let candidateA: number;
  let candidateB: number;
  let activeJob: number;
  let closedJob: number;

  beforeAll(async () => {
    database = await createTestDatabase();
    const tenantA = await createTenant(database, 'http-a');
    const tenantB = await createTenant(database, 'http-b');
    const principal = (tenantId: number, userId: number, role: Principal['role']): Principal => ({
      userId,
      email: `${role}@example.test`,
      role,
      tenantId,
      sessionId: 's',
    });
    const users = {
      adminA: principal(tenantA, await createUser(database, tenantA, 'TENANT_ADMIN'), 'TENANT_ADMIN'),
      recruiterA: principal(tenantA, await createUser(database, tenantA, 'RECRUITER'), 'RECRUITER'),
      recruiterB: principal(tenantB, await createUser(database, tenantB, 'RECRUITER'), 'RECRUITER'),
    };
    app = await buildTestApp(database, users, sent);
    const role = await createRole(database, 'Backend Engineer');
    candidateA = await createCandidate(database, tenantA, {
      roleIds: [role],
      skills: ['Python', 'SQL', 'AWS'],
    });
    candidateB = await createCandidate(database, tenantB, { roleIds: [role] });
    activeJob = await createJob(database, { roleId: role, title: 'Backend Engineer', company: 'Globex' });
    const lowJob = await createJob(database, {
      roleId: role,
      // A weak match that still shows evidence of fit (Python in the title): outside the candidate's field
      // nothing is stored at all.
      title: 'Staff Python Engineer',
      skills: ['Python', 'Go', 'Kubernetes', 'gRPC'],
      experienceMin: 12,
      experienceMax: 20,
      city: 'Berlin',
      region: null,
      country: 'DE',
    });
    closedJob = await createJob(database, { roleId: role, title: 'Closed Python role' });
    await matchImportedJobs(
      { database, retention: { floor: 0, bestN: 200 }, vectorTopK: 0 },
      { roleId: role, jobIds: [activeJob, lowJob, closedJob] },
    );
    await database.sql.query(`UPDATE job_postings SET status = 'closed' WHERE id = $1`, [closedJob]);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const as = (user: string) => ({ 'x-test-user': user });

  it('lists a candidate matches best first with job summaries, hiding inactive jobs unless asked', async () => {
    const response = await app.inject({
      url: `/api/candidates/${candidateA}/matches`,
      headers: as('recruiterA'),
    });
    expect(response.statusCode).toBe(200);
    const page = response.json();
    expect(page.total).toBe(2);
    expect(page.items[0].job).toMatchObject({ id: activeJob, title: 'Backend Engineer', company: 'Globex' });
    expect(page.items[0].match_score).toBeGreaterThan(page.items[1].match_score);
    expect(page.items.map((m: { job_posting_id: number }) => m.job_posting_id)).not.toContain(closedJob);

    const all = await app.inject({
      url: `/api/candidates/${candidateA}/matches?include_inactive_jobs=true&sort=date`,
      headers: as('recruiterA'),
    });
    expect(all.json().total).toBe(3);
    const filtered = await app.inject({
      url: `/api/candidates/${candidateA}/matches?min_score=${page.items[0].match_score}&limit=1`,
      headers: as('recruiterA'),
    });
    expect(filtered.json()).toMatchObject({ total: 1, limit: 1 });
    const recommended = await app.inject({
      url: `/api/candidates/${candidateA}/matches?recommended_only=true`,
      headers: as('recruiterA'),
    });
    expect(recommended.json().items.every((m: { is_recommended: boolean }) => m.is_recommended)).toBe(true);
  });

  it('shows the breakdown, and PATCH viewed records viewed_at; status filters follow', async () => {
    const list = await app.inject({
      url: `/api/candidates/${candidateA}/matches`,
      headers: as('recruiterA'),
    });
    const matchId = list.json().items[0].id;
    const detail = await app.inject({ url: `/api/matches/${matchId}`, headers: as('recruiterA') });
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({ id: matchId, candidate: { id: candidateA } });
    expect(detail.json().match_reasons.length).toBeGreaterThan(0);
    expect(typeof detail.json().skill_match_score).toBe('number');
    // Reasons and advice are computed on read; they equal explaining the pair as the worker scores it.
    const [loaded] = await loadCandidatesByIds(database, [candidateA], loadSkillMatcher());
    const [job] = await loadActiveJobs(database, [detail.json().job_posting_id]);
    const candidate = prepareMatchingCandidate(loaded!.features);
    const prepared = prepareMatchingJob(job!);
    const evaluation = evaluatePair(candidate, prepared, DEFAULT_SETTINGS);
    const explained = explainPair(candidate, prepared, evaluation, DEFAULT_SETTINGS);
    expect(detail.json()).toMatchObject({
      match_score: explained.match_score,
      match_reasons: explained.match_reasons,
      improvements: explained.improvements,
    });

    const patched = await app.inject({
      method: 'PATCH',
      url: `/api/matches/${matchId}`,
      headers: as('recruiterA'),
      payload: { status: 'viewed' },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().status).toBe('viewed');
    expect(patched.json().viewed_at).not.toBeNull();
    const viewed = await app.inject({
      url: `/api/candidates/${candidateA}/matches?status=viewed`,
      headers: as('recruiterA'),
    });
    expect(viewed.json().items.map((m: { id: number }) => m.id)).toEqual([matchId]);
    const bad = await app.inject({
      method: 'PATCH',
      url: `/api/matches/${matchId}`,
      headers: as('recruiterA'),
      payload: { status: 'hired' },
    });
    expect(bad.statusCode).toBe(400);
  });

  it('lists only this tenant candidates for a job; rematch enqueues candidates/changed', async () => {
    const forA = await app.inject({ url: `/api/jobs/${activeJob}/matches`, headers: as('recruiterA') });
    expect(forA.json().items.map((m: { candidate_id: number }) => m.candidate_id)).toEqual([candidateA]);
    const rematch = await app.inject({
      method: 'POST',
      url: `/api/candidates/${candidateA}/rematch`,
      headers: as('recruiterA'),
    });
    expect(rematch.statusCode).toBe(202);
    expect(sent.at(-1)).toMatchObject({ name: 'candidates/changed', data: { candidateId: candidateA } });
  });

  it("another tenant's ids are 404, and signed-out callers 401", async () => {
    const list = await app.inject({
      url: `/api/candidates/${candidateA}/matches`,
      headers: as('recruiterB'),
    });
    expect(list.statusCode).toBe(404);
    const ownList = await app.inject({
      url: `/api/candidates/${candidateA}/matches`,
      headers: as('recruiterA'),
    });
    const matchId = ownList.json().items[0].id;
    expect((await app.inject({ url: `/api/matches/${matchId}`, headers: as('recruiterB') })).statusCode).toBe(
      404,
    );
    const patch = await app.inject({
      method: 'PATCH',
      url: `/api/matches/${matchId}`,
      headers: as('recruiterB'),
      payload: { status: 'rejected' },
    });
    expect(patch.statusCode).toBe(404);
    const rematch = await app.inject({
      method: 'POST',
      url: `/api/candidates/${candidateA}/rematch`,
      headers: as('recruiterB'),
    });
    expect(rematch.statusCode).toBe(404);
    const forB = await app.inject({ url: `/api/jobs/${activeJob}/matches`, headers: as('recruiterB') });
    expect(forB.json().items.map((m: { candidate_id: number }) => m.candidate_id)).toEqual([candidateB]);
    expect(
      (await app.inject({ url: '/api/jobs/999999/matches', headers: as('recruiterB') })).statusCode,
    ).toBe(404);
    expect((await app.inject({ url: `/api/matches/${matchId}` })).statusCode).toBe(401);
  });

  it('tenant settings: defaults, 422 when weights do not sum to 1, admins only, preview recomputes', async () => {
    const initial = await app.inject({ url: '/api/tenant/settings', headers: as('recruiterA') });
    expect(initial.json()).toMatchObject({
      customized: false,
      recommend_threshold: 70,
      weights: { skill: 0.35 },
    });

    const weights = { skill: 0.5, experience: 0.1, location: 0.1, salary: 0.1, semantic: 0.1 };
    const invalid = await app.inject({
      method: 'PUT',
      url: '/api/tenant/settings',
      headers: as('adminA'),
      payload: { weights },
    });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json().detail).toMatch(/sum to 1/);
    const forbidden = await app.inject({
      method: 'PUT',
      url: '/api/tenant/settings',
      headers: as('recruiterA'),
      payload: { recommend_threshold: 60 },
    });
    expect(forbidden.statusCode).toBe(403);

    const skillOnly = { skill: 1, experience: 0, location: 0, salary: 0, semantic: 0 };
    const preview = await app.inject({
      method: 'POST',
      url: '/api/tenant/settings/preview',
      headers: as('adminA'),
      payload: { weights: skillOnly, recommend_threshold: 50 },
    });
    expect(preview.statusCode).toBe(200);
    const body = preview.json();
    expect(body.sampled).toBe(2);
    const detail = await app.inject({
      url: `/api/matches/${body.matches[0].match_id}`,
      headers: as('adminA'),
    });
    expect(body.matches[0].after.match_score).toBeCloseTo(detail.json().skill_match_score, 2);
    expect(body.matches[0].before.match_score).toBe(detail.json().match_score);

    const saved = await app.inject({
      method: 'PUT',
      url: '/api/tenant/settings',
      headers: as('adminA'),
      payload: { weights: { ...weights, skill: 0.6 }, recommend_threshold: 65 },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      customized: true,
      recommend_threshold: 65,
      weights: { skill: 0.6 },
    });
    const otherTenant = await app.inject({ url: '/api/tenant/settings', headers: as('recruiterB') });
    expect(otherTenant.json().customized).toBe(false);
  });
});
