/**
 * The coverage invariant, model-based: after ANY sequence of product events, the stored matches equal what
 * a from-scratch rescore of everything stores. Each command drives the real use case (candidate service,
 * scrape completion, file import, job lifecycle, role correction and merge, tenant settings, recruiter
 * status), then the background tasks it queued run (jobs/imported, candidates/changed, the stale refresh),
 * then `checkMatches` (the from-scratch rescore, nothing written) must report no drift. At the end of each
 * run every suggested match is deleted and rebuilt from scratch, and must come back identical.
 */

import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  changeCandidateStatus,
  createCandidate,
  deleteCandidate,
  updateCandidate,
} from '../../src/candidates/candidates.js';
import type { Database } from '../../src/db/database.js';
import { withTenant } from '../../src/db/with-tenant.js';
import { type CandidateStatus, canChangeCandidateStatus } from '../../src/domain/candidate-status.js';
import type { EmbeddingProvider } from '../../src/embeddings/embedding-provider.js';
import { createLocalEmbeddingProvider } from '../../src/embeddings/local-provider.js';
import { publishJobsImported } from '../../src/events/events.js';
import { importJobs } from '../../src/ingestion/import-jobs.js';
import { expireJobs } from '../../src/jobs/expire-jobs.js';
import { setJobStatus } from '../../src/jobs/set-job-status.js';
import type { MatchingDependencies } from '../../src/matching/match-imported-jobs.js';
import { updateMatchStatus } from '../../src/matching/match-queries.js';
import { MATCHING_TASK, matchingTasks } from '../../src/matching/matching-tasks.js';
import { checkMatches, rescoreCandidates } from '../../src/matching/refresh-matches.js';
import { updateSettings } from '../../src/matching/tenant-settings.js';
import { mergeRoles } from '../../src/roles/merge-roles.js';
import { correctRoleOfCandidate } from '../../src/roles/role-corrections.js';
import { createApiKey } from '../../src/scraper/api-keys.js';
import { completeSession } from '../../src/scraper/complete-session.js';
import { loadSkillMatcher } from '../../src/skills/skill-dictionary.loader.js';
import type { TaskDefinition } from '../../src/worker/job-queue.js';
import { silentLogger } from '../support/logger.js';

const ROLE_NAMES = ['Data Engineer', 'Frontend Developer', 'DevOps Engineer'] as const;
const SKILLS = ['Python', 'SQL', 'Spark', 'React', 'TypeScript', 'Kubernetes', 'Terraform', 'AWS'];
const TITLES = [...ROLE_NAMES, 'Senior Data Engineer', 'Forklift Operator', 'Registered Nurse'];
const PLACES = ['Austin, TX', 'Seattle, WA', 'Remote', 'Chicago, IL'];
/** Small on purpose: lists overflow (best N), top-K moves, and the floor bites. */
const RETENTION = { floor: 20, bestN: 4 };
const VECTOR_TOP_K = 2;

interface Sent {
  name: string;
  data: object;
}

interface World {
  database: Database;
  matching: MatchingDependencies;
  tasks: Map<string, TaskDefinition<never>>;
  queue: { send(name: string, data: object): Promise<string> };
  sent: Sent[];
  provider: EmbeddingProvider;
  keyId: number;
  tenants: { id: number; userId: number }[];
  roleIds: number[];
  candidates: { id: number; tenantId: number; userId: number }[];
  jobs: { id: number; input: Record<string, unknown> }[];
  sequence: number;
}

const pick = <T>(items: readonly T[], index: number): T | undefined =>
  items.length === 0 ? undefined : items[index % items.length];

async function runQueued(world: World): Promise<void> {
  while (world.sent.length > 0) {
    const next = world.sent.shift()!;
    const task = world.tasks.get(next.name);
    if (!task) throw new Error(`no handler for ${next.name}`);
    await (task.handler as (data: unknown, meta: { id: string; retryCount: number }) => Promise<void>)(
      next.data,
      { id: 'test', retryCount: 0 },
    );
  }
  const refresh = world.tasks.get(MATCHING_TASK.refresh)!;
  await (refresh.handler as (data: unknown, meta: { id: string; retryCount: number }) => Promise<void>)(
    {},
    { id: 'test', retryCount: 0 },
  );
}

function jobInput(world: World, spec: JobSpec): Record<string, unknown> {
  world.sequence += 1;
  return {
    external_job_id: `job-${world.sequence}`,
    platform: 'indeed',
    title: TITLES[spec.title % TITLES.length],
    location: PLACES[spec.place % PLACES.length],
    description: `We need ${spec.skills.map((s) => SKILLS[s % SKILLS.length]).join(', ')}. ${spec.years}+ years of experience.`,
    skills: [...new Set(spec.skills.map((s) => SKILLS[s % SKILLS.length]!))],
    salary_range: spec.years > 4 ? '$130K - $160K' : null,
    posted_date: new Date().toISOString().slice(0, 10),
  };
}

interface JobSpec {
  title: number;
  place: number;
  years: number;
  skills: number[];
}

const jobSpec = fc.record({
  title: fc.nat(),
  place: fc.nat(),
  years: fc.integer({ min: 0, max: 8 }),
  skills: fc.array(fc.nat(), { maxLength: 4 }),
});

type Command = fc.AsyncCommand<object, World>;

function command(label: string, run: (world: World) => Promise<void>): Command {
  return {
    check: () => true,
    async run(_model, world) {
      await run(world);
      await runQueued(world);
      const report = await checkMatches(world.matching);
      expect(
        { missing: report.missing, unexpected: report.unexpected, outdated: report.outdated },
        `${label}: ${JSON.stringify(report.samples.slice(0, 3))}`,
      ).toEqual({ missing: 0, unexpected: 0, outdated: 0 });
    },
    toString: () => label,
  };
}

function candidateServices(world: World) {
  return { database: world.database, queue: world.queue };
}

const createCandidateCommand = (roles: fc.Arbitrary<number[]>) =>
  fc
    .record({
      tenant: fc.nat(),
      skills: fc.array(fc.nat(), { maxLength: 4 }),
      roles,
      place: fc.nat(),
      years: fc.option(fc.integer({ min: 0, max: 12 })),
    })
    .map((args) =>
      command(`create candidate ${JSON.stringify(args)}`, async (world) => {
        const tenant = pick(world.tenants, args.tenant)!;
        const roleIds = [...new Set(args.roles.map((r) => pick(world.roleIds, r)!).filter(Boolean))];
        const actor = { tenantId: tenant.id, userId: tenant.userId };
        const created = await createCandidate(
          candidateServices(world),
          actor,
          {
            first_name: 'Pat',
            last_name: `Candidate${world.sequence}`,
            email: `pat${world.sequence++}@example.test`,
            skills: [...new Set(args.skills.map((s) => SKILLS[s % SKILLS.length]!))],
            location: PLACES[args.place % PLACES.length]!,
            total_experience_years: args.years,
            current_title: 'Engineer',
            preferred_locations: [],
            preferred_roles: [],
            work_modes: [],
            employment_types: [],
            open_to_relocation: false,
          },
          // Generated candidates share names and places; duplicate detection is not under test here.
          { allowDuplicate: true },
        );
        // Role normalization is not under test: link the roles as it would.
        await withTenant(world.database, tenant.id, (tx) =>
          tx.sql.query(
            `INSERT INTO candidate_global_roles (candidate_id, global_role_id, input_text, match_method)
             SELECT $1, r, g.name, 'exact' FROM unnest($2::int[]) AS r JOIN global_roles g ON g.id = r`,
            [created.id, roleIds],
          ),
        );
        world.candidates.push({ id: created.id, tenantId: tenant.id, userId: tenant.userId });
      }),
    );

const approveCommand = fc
  .record({ candidate: fc.nat(), to: fc.constantFrom<CandidateStatus>('approved', 'ready_for_assignment') })
  .map((args) =>
    command(`approve ${JSON.stringify(args)}`, async (world) => {
      await moveCandidate(world, args.candidate, args.to);
    }),
  );

const scrapeCommand = (fresh: fc.Arbitrary<JobSpec[]>) =>
  fc.record({ role: fc.nat(), fresh, known: fc.array(fc.nat(), { maxLength: 3 }) }).map((args) =>
    command(`scrape post ${JSON.stringify(args)}`, async (world) => {
      const roleId = pick(world.roleIds, args.role)!;
      const sessionId = randomUUID();
      await world.database.sql.query(
        `INSERT INTO scrape_sessions (session_id, scraper_key_id, global_role_id, started_at, status)
           VALUES ($1, $2, $3, now(), 'in_progress')`,
        [sessionId, world.keyId, roleId],
      );
      const fresh = args.fresh.map((spec) => jobInput(world, spec));
      const known = [...new Set(args.known.map((k) => pick(world.jobs, k)).filter((j) => j !== undefined))];
      const result = await completeSession(
        {
          database: world.database,
          skills: world.matching.skills!,
          onJobsImported: publishJobsImported(world.queue),
        },
        { id: world.keyId },
        { session_id: sessionId, jobs: [...fresh, ...known.map((j) => j.input)] },
      );
      await rememberJobs(world, fresh, result.new_job_ids);
    }),
  );

/** Every run starts from candidates wanting roles, approved, and jobs posted for those roles. */
const setup = fc
  .tuple(
    fc.array(createCandidateCommand(fc.array(fc.nat(), { minLength: 1, maxLength: 2 })), {
      minLength: 2,
      maxLength: 5,
    }),
    fc.array(approveCommand, { minLength: 2, maxLength: 5 }),
    fc.array(scrapeCommand(fc.array(jobSpec, { minLength: 2, maxLength: 5 })), {
      minLength: 1,
      maxLength: 3,
    }),
  )
  .map(([create, approve, scrape]) => [...create, ...scrape, ...approve]);

const commands = [
  createCandidateCommand(fc.array(fc.nat(), { maxLength: 2 })),
  approveCommand,
  fc.nat().map((index) =>
    command(`reject ${index}`, async (world) => {
      await moveCandidate(world, index, 'rejected');
    }),
  ),
  fc.record({ candidate: fc.nat(), skills: fc.array(fc.nat(), { maxLength: 4 }) }).map((args) =>
    command(`edit candidate ${JSON.stringify(args)}`, async (world) => {
      const candidate = pick(world.candidates, args.candidate);
      if (!candidate) return;
      await updateCandidate(
        candidateServices(world),
        { tenantId: candidate.tenantId, userId: candidate.userId },
        candidate.id,
        { skills: [...new Set(args.skills.map((s) => SKILLS[s % SKILLS.length]!))] },
      );
    }),
  ),
  fc.nat().map((index) =>
    command(`delete candidate ${index}`, async (world) => {
      const candidate = pick(world.candidates, index);
      if (!candidate) return;
      await deleteCandidate(
        candidateServices(world),
        { tenantId: candidate.tenantId, userId: candidate.userId },
        candidate.id,
      );
      world.candidates = world.candidates.filter((c) => c.id !== candidate.id);
    }),
  ),
  fc.record({ candidate: fc.nat(), role: fc.nat() }).map((args) =>
    command(`correct role ${JSON.stringify(args)}`, async (world) => {
      const candidate = pick(world.candidates, args.candidate);
      const roleId = pick(world.roleIds, args.role);
      if (!candidate || !roleId) return;
      const { rows } = await world.database.sql.query<{ input_text: string }>(
        'SELECT input_text FROM candidate_global_roles WHERE candidate_id = $1 ORDER BY id LIMIT 1',
        [candidate.id],
      );
      if (!rows[0]) return;
      // The use case the route calls: it queues the candidate's rescore itself.
      await correctRoleOfCandidate(world.database, world.queue, candidate.tenantId, candidate.id, {
        input_text: rows[0]!.input_text,
        global_role_id: roleId,
        reported_by: candidate.userId,
      });
    }),
  ),
  fc.record({ source: fc.nat(), target: fc.nat() }).map((args) =>
    command(`merge roles ${JSON.stringify(args)}`, async (world) => {
      if (world.roleIds.length < 2) return;
      const source = pick(world.roleIds, args.source)!;
      const target = pick(
        world.roleIds.filter((id) => id !== source),
        args.target,
      )!;
      await mergeRoles(world.database, world.provider, source, target);
      world.roleIds = world.roleIds.filter((id) => id !== source);
    }),
  ),
  scrapeCommand(fc.array(jobSpec, { maxLength: 4 })),
  fc.array(jobSpec, { minLength: 1, maxLength: 5 }).map((specs) =>
    command(`admin import ${JSON.stringify(specs)}`, async (world) => {
      const inputs = specs.map((spec) => jobInput(world, spec));
      await importJobs(
        {
          database: world.database,
          skills: world.matching.skills!,
          onJobsImported: publishJobsImported(world.queue),
        },
        {
          source: Readable.from([Buffer.from(inputs.map((i) => JSON.stringify(i)).join('\n'))]),
          fileName: 'jobs.jsonl',
          format: 'jsonl',
          platform: 'indeed',
        },
      );
      await rememberJobs(world, inputs);
    }),
  ),
  fc.nat().map((index) =>
    command(`expire job ${index}`, async (world) => {
      const job = pick(world.jobs, index);
      if (!job) return;
      await world.database.sql.query(
        `UPDATE job_postings SET posted_date = current_date - 60 WHERE id = $1`,
        [job.id],
      );
      await expireJobs(world.database);
    }),
  ),
  fc.record({ job: fc.nat(), status: fc.constantFrom('closed', 'filled', 'active' as const) }).map((args) =>
    command(`set job status ${JSON.stringify(args)}`, async (world) => {
      const job = pick(world.jobs, args.job);
      if (!job) return;
      await setJobStatus(world.database, job.id, args.status);
    }),
  ),
  fc.record({ tenant: fc.nat(), skill: fc.integer({ min: 0, max: 8 }) }).map((args) =>
    command(`tenant weights ${JSON.stringify(args)}`, async (world) => {
      const tenant = pick(world.tenants, args.tenant)!;
      const skill = 200 + args.skill * 50; // thousandths: weights must sum to exactly 1
      await withTenant(world.database, tenant.id, (tx) =>
        updateSettings(tx, tenant.id, {
          weights: {
            skill: skill / 1000,
            experience: 0.15,
            location: 0.15,
            salary: 0.1,
            semantic: (600 - skill) / 1000,
          },
        }),
      );
    }),
  ),
  fc.record({ match: fc.nat(), status: fc.constantFrom('shortlisted', 'rejected' as const) }).map((args) =>
    command(`recruiter marks ${JSON.stringify(args)}`, async (world) => {
      const { rows } = await world.database.sql.query<{ id: number; tenant_id: number }>(
        `SELECT m.id, c.tenant_id FROM candidate_job_matches m JOIN candidates c ON c.id = m.candidate_id
         ORDER BY m.id`,
      );
      const match = pick(rows, args.match);
      if (!match) return;
      await withTenant(world.database, match.tenant_id, (tx) =>
        updateMatchStatus(tx, match.tenant_id, match.id, args.status),
      );
    }),
  ),
];

/** Records posted jobs with the input that created them (a known job is re-posted with the same content). */
async function rememberJobs(
  world: World,
  inputs: readonly Record<string, unknown>[],
  onlyIds?: readonly number[],
): Promise<void> {
  const { rows } = await world.database.sql.query<{ id: number; external_job_id: string }>(
    'SELECT id, external_job_id FROM job_postings WHERE external_job_id = ANY($1::text[])',
    [inputs.map((i) => i.external_job_id)],
  );
  for (const row of rows) {
    if (onlyIds && !onlyIds.includes(row.id)) continue;
    world.jobs.push({ id: row.id, input: inputs.find((i) => i.external_job_id === row.external_job_id)! });
  }
}

async function moveCandidate(world: World, index: number, to: CandidateStatus): Promise<void> {
  const candidate = pick(world.candidates, index);
  if (!candidate) return;
  const { rows } = await world.database.sql.query<{ status: CandidateStatus }>(
    'SELECT status FROM candidates WHERE id = $1',
    [candidate.id],
  );
  let from = rows[0]!.status;
  // Walk the workflow towards `to` (pending → approved → ready; rejected → pending → approved).
  for (let step = 0; step < 3 && from !== to; step++) {
    const next: CandidateStatus = canChangeCandidateStatus(from, to)
      ? to
      : from === 'rejected'
        ? 'pending_review'
        : from === 'ready_for_assignment'
          ? 'approved'
          : 'approved';
    await changeCandidateStatus(
      candidateServices(world),
      { tenantId: candidate.tenantId, userId: candidate.userId },
      candidate.id,
      next,
    );
    from = next;
  }
}

async function resetWorld(world: World): Promise<void> {
  await world.database.sql.query(
    'TRUNCATE global_roles, candidates, job_postings, job_import_batches, scrape_sessions CASCADE',
  );
  await world.database.sql.query('DELETE FROM tenant_settings');
  const { rows } = await world.database.sql.query<{ id: number }>(
    'INSERT INTO global_roles (name) SELECT unnest($1::text[]) RETURNING id',
    [[...ROLE_NAMES]],
  );
  world.roleIds = rows.map((row) => row.id);
  world.candidates = [];
  world.jobs = [];
  world.sent.length = 0;
}

async function snapshot(database: Database) {
  const { rows } = await database.sql.query<Record<string, unknown>>(
    `SELECT candidate_id, job_posting_id, match_score::float8 AS match_score, status, scoring_version
     FROM candidate_job_matches ORDER BY candidate_id, job_posting_id`,
  );
  return rows;
}

export function describeCoverageInvariant(
  engine: string,
  open: () => Promise<{ database: Database; close(): Promise<void> }>,
  options: { skip?: boolean; numRuns?: number } = {},
): void {
  describe.skipIf(options.skip ?? false)(`coverage invariant (${engine})`, () => {
    let world: World;
    let close: () => Promise<void>;

    beforeAll(async () => {
      const opened = await open();
      close = opened.close;
      const database = opened.database;
      const provider = await createLocalEmbeddingProvider();
      const matching: MatchingDependencies = {
        database,
        retention: RETENTION,
        vectorTopK: VECTOR_TOP_K,
        skills: loadSkillMatcher(),
      };
      const sent: Sent[] = [];
      const definitions = matchingTasks({
        database,
        config: { matching: { ...RETENTION, vectorTopK: VECTOR_TOP_K } },
        logger: silentLogger,
        skills: matching.skills!,
        embeddings: provider,
      });
      const tenants: World['tenants'] = [];
      for (const slug of ['inv-alpha', 'inv-beta']) {
        const { rows } = await database.sql.query<{ id: number }>(
          'INSERT INTO tenants (name, slug) VALUES ($1, $1) RETURNING id',
          [slug],
        );
        const tenantId = rows[0]!.id;
        const { rows: users } = await database.sql.query<{ id: number }>(
          `INSERT INTO users (tenant_id, email, password_hash, role) VALUES ($1, $2, 'x', 'RECRUITER') RETURNING id`,
          [tenantId, `${slug}@example.test`],
        );
        tenants.push({ id: tenantId, userId: users[0]!.id });
      }
      const key = await createApiKey(database, { name: 'invariant-scraper' });
      world = {
        database,
        matching,
        tasks: new Map(definitions.map((d) => [d.name, d])),
        sent,
        queue: {
          async send(name, data) {
            sent.push({ name, data });
            return String(sent.length);
          },
        },
        provider,
        keyId: key.key.id,
        tenants,
        roleIds: [],
        candidates: [],
        jobs: [],
        sequence: 0,
      };
    }, 120_000);
    afterAll(() => close?.());

    it('after any sequence of events the stored matches equal a from-scratch rescore', async () => {
      let storedPairs = 0;
      let runsWithMatches = 0;
      await fc.assert(
        fc.asyncProperty(setup, fc.commands(commands, { maxCommands: 12 }), async (prefix, sequence) => {
          await resetWorld(world);
          for (const step of prefix) await step.run({}, world);
          await fc.asyncModelRun(() => ({ model: {}, real: world }), sequence);
          const incremental = await snapshot(world.database);
          storedPairs += incremental.length;
          if (process.env.DEBUG_INVARIANT) {
            const { rows: stats } = await world.database.sql.query(
              `SELECT (SELECT json_agg(json_build_object('s', status, 'n', n)) FROM (SELECT status, count(*) n FROM candidates GROUP BY 1) x) AS c,
                      (SELECT count(*) FROM job_postings WHERE status = 'active') AS j,
                      (SELECT count(*) FROM candidate_global_roles) AS l,
                      (SELECT count(*) FROM role_job_mapping) AS m`,
            );
            console.info(
              prefix.map(String).join(','),
              sequence.toString(),
              JSON.stringify(stats),
              incremental.length,
            );
          }
          runsWithMatches += incremental.length > 0 ? 1 : 0;
          await world.database.sql.query("DELETE FROM candidate_job_matches WHERE status = 'suggested'");
          const { rows } = await world.database.sql.query<{ id: number }>('SELECT id FROM candidates');
          await rescoreCandidates(
            world.matching,
            rows.map((row) => row.id),
          );
          expect(await snapshot(world.database)).toEqual(incremental);
        }),
        { numRuns: options.numRuns ?? 30, endOnFailure: true },
      );
      // Not vacuous: the generated histories do store matches.
      expect(runsWithMatches).toBeGreaterThan(0);
      console.info(
        `coverage invariant (${engine}): ${storedPairs} stored pairs over ${runsWithMatches} runs`,
      );
    }, 900_000);
  });
}
