import { Readable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { openPg } from '../../src/db/pg-database.js';
import { importJobs } from '../../src/ingestion/import-jobs.js';
import { claimNextRole } from '../../src/scraper/claim-next-role.js';
import { completeSession } from '../../src/scraper/complete-session.js';
import { loadSkillMatcher } from '../../src/skills/skill-dictionary.loader.js';
import { createServerDatabase, testServerUrl } from '../support/pg-server.js';
import { createScraperKey, sampleJobs, seedRoles } from '../support/scraper-fixtures.js';

/**
 * Scraper posts and admin imports carrying the same postings at the same time, on a PostgreSQL server through
 * three separate connection pools (as three server processes would): every posting is stored once, every
 * session's role is linked to every posting it carried, and every session's and batch's counts add up.
 */
const skills = loadSkillMatcher();
type Job = ReturnType<typeof sampleJobs>[number];

describe.runIf(testServerUrl)('concurrent writes of the same postings on a PostgreSQL server', () => {
  let server: Awaited<ReturnType<typeof createServerDatabase>>;
  let pools: Database[];
  let runs = 0;
  beforeAll(async () => {
    server = await createServerDatabase('h_rel_ingest');
    pools = [server.database, await openPg(server.url), await openPg(server.url)];
  }, 120_000);
  afterAll(async () => {
    await Promise.all(pools.slice(1).map((pool) => pool.close()));
    await server?.drop();
  });

  async function claimSessions(count: number) {
    runs += 1;
    await seedRoles(
      server.database,
      Array.from({ length: count }, (_, index) => ({ name: `Race ${runs} Role ${index}`, candidates: 1 })),
    );
    const sessions = [];
    for (let index = 0; index < count; index += 1) {
      const key = await createScraperKey(server.database);
      const claim = await server.database.transaction((tx) => claimNextRole(tx, key.key));
      sessions.push({ key: key.key, sessionId: claim!.session_id, roleId: claim!.role.id });
    }
    return sessions;
  }

  const post = (database: Database, session: { key: { id: number }; sessionId: string }, jobs: Job[]) =>
    completeSession({ database, skills, onJobsImported: async () => {} }, session.key, {
      session_id: session.sessionId,
      jobs,
    });

  const importLines = (database: Database, jobs: Job[]) =>
    importJobs(
      { database, skills, chunkSize: 25 },
      {
        source: Readable.from([Buffer.from(jobs.map((job) => JSON.stringify(job)).join('\n'))]),
        fileName: 'race.jsonl',
        format: 'jsonl',
        platform: 'indeed',
      },
    );

  /** A database whose transactions do their work, then wait for `release` before committing. */
  function holdingCommit(database: Database) {
    let release!: () => void;
    let worked!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const didWork = new Promise<void>((resolve) => {
      worked = resolve;
    });
    const held: Database = {
      ...database,
      transaction: (fn) =>
        database.transaction(async (tx) => {
          const result = await fn(tx);
          worked();
          await released;
          return result;
        }),
    };
    return { held, didWork, release };
  }

  /** Waits until some connection of this database waits on a row lock (the racing upsert). */
  async function someoneWaitsOnALock() {
    for (let attempt = 0; attempt < 200; attempt += 1) {
      const { rows } = await server.database.sql.query<{ waiting: number }>(
        `SELECT count(*)::int AS waiting FROM pg_stat_activity
         WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      if (rows[0]!.waiting > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('the racing write never waited on the first one');
  }

  async function storedCount(prefix: string) {
    const { rows } = await server.database.sql.query<{ n: number; distinct_keys: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT (platform, external_job_id))::int AS distinct_keys
       FROM job_postings WHERE external_job_id LIKE $1 || '-%'`,
      [prefix],
    );
    return rows[0]!;
  }

  async function linkedCount(roleId: number, prefix: string) {
    const { rows } = await server.database.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM role_job_mapping m JOIN job_postings jp ON jp.id = m.job_posting_id
       WHERE m.global_role_id = $1 AND jp.external_job_id LIKE $2 || '-%'`,
      [roleId, prefix],
    );
    return rows[0]!.n;
  }

  it('a post that waited on another post of the same postings links its role to all of them', async () => {
    const [first, second] = await claimSessions(2);
    const jobs = sampleJobs('race-post', 40);
    const { held, didWork, release } = holdingCommit(pools[1]!);
    const firstPost = post(held, first!, jobs);
    await didWork;
    const secondPost = post(pools[2]!, second!, jobs);
    await someoneWaitsOnALock();
    release();
    const [a, b] = await Promise.all([firstPost, secondPost]);

    expect(a).toMatchObject({ jobs_found: 40, jobs_imported: 40, jobs_skipped: 0, jobs_failed: 0 });
    expect(b).toMatchObject({ jobs_found: 40, jobs_imported: 0, jobs_skipped: 40, jobs_failed: 0 });
    expect(await storedCount('race-post')).toEqual({ n: 40, distinct_keys: 40 });
    expect(await linkedCount(first!.roleId, 'race-post')).toBe(40);
    expect(await linkedCount(second!.roleId, 'race-post')).toBe(40);
  }, 60_000);

  it('an import that waited on a post of the same postings counts every row', async () => {
    const [session] = await claimSessions(1);
    const jobs = sampleJobs('race-import', 60);
    const { held, didWork, release } = holdingCommit(pools[1]!);
    const firstPost = post(held, session!, jobs);
    await didWork;
    const racingImport = importLines(pools[2]!, jobs);
    await someoneWaitsOnALock();
    release();
    const [, imported] = await Promise.all([firstPost, racingImport]);

    expect(imported.batch).toMatchObject({
      import_status: 'completed',
      total_jobs: 60,
      new_jobs: 0,
      unchanged_jobs: 60,
      failed_jobs: 0,
    });
    expect(await storedCount('race-import')).toEqual({ n: 60, distinct_keys: 60 });
  }, 60_000);

  it('property: overlapping posts and imports at once store each posting once and account for every row', async () => {
    const pool = 30;
    const batch = fc.uniqueArray(fc.record({ index: fc.nat(pool - 1), variant: fc.nat(1) }), {
      minLength: 1,
      maxLength: pool,
      selector: (item) => item.index,
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(batch, { minLength: 1, maxLength: 3 }),
        fc.array(batch, { minLength: 0, maxLength: 2 }),
        async (posted, imported) => {
          const prefix = `prop-${runs + 1}`;
          const sessions = await claimSessions(posted.length);
          const all = sampleJobs(prefix, pool);
          const jobsOf = (items: { index: number; variant: number }[]) =>
            items.map(({ index, variant }) => ({
              ...all[index]!,
              description: `${all[index]!.description} Variant ${variant}.`,
            }));
          const results = await Promise.all([
            ...posted.map((items, n) => post(pools[n % 3]!, sessions[n]!, jobsOf(items))),
            ...imported.map((items, n) => importLines(pools[(n + 1) % 3]!, jobsOf(items))),
          ]);
          const sessionResults = results.slice(0, posted.length) as Awaited<ReturnType<typeof post>>[];
          const importResults = results.slice(posted.length) as Awaited<ReturnType<typeof importLines>>[];

          const union = new Set([...posted, ...imported].flat().map((item) => item.index));
          expect(await storedCount(prefix)).toEqual({ n: union.size, distinct_keys: union.size });
          let newTotal = 0;
          for (const [n, result] of sessionResults.entries()) {
            expect(result.jobs_found).toBe(posted[n]!.length);
            expect(result.jobs_imported + result.jobs_skipped + result.jobs_failed).toBe(result.jobs_found);
            expect(await linkedCount(sessions[n]!.roleId, prefix)).toBe(posted[n]!.length);
            newTotal += result.jobs_imported;
          }
          for (const [n, { batch: stored }] of importResults.entries()) {
            expect(stored.import_status).toBe('completed');
            expect(stored.total_jobs).toBe(imported[n]!.length);
            const { new_jobs, updated_jobs, unchanged_jobs, failed_jobs } = stored;
            expect(
              Number(new_jobs) + Number(updated_jobs) + Number(unchanged_jobs) + Number(failed_jobs),
            ).toBe(stored.total_jobs);
            newTotal += Number(new_jobs);
          }
          expect(newTotal).toBe(union.size);
        },
      ),
      { numRuns: 12, seed: 16 },
    );
  }, 180_000);
});
