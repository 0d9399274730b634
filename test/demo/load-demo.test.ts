import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCandidates, demoJobs } from '../../src/demo/demo-data.js';
import { DEMO_ACCOUNTS, demoLoaded, loadDemo } from '../../src/demo/load-demo.js';
import { createLocalEmbeddingProvider } from '../../src/embeddings/local-provider.js';
import { buildApp } from '../../src/http/app.js';
import { loadSkillMatcher } from '../../src/skills/skill-dictionary.loader.js';
import { loginAs } from '../support/auth.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { silentLogger } from '../support/logger.js';

describe('demo data', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it('is generated deterministically', () => {
    expect(demoJobs(5, { today: '2026-11-28' })).toEqual(demoJobs(5, { today: '2026-11-28' }));
    expect(demoCandidates(5)).toEqual(demoCandidates(5));
    expect(new Set(demoJobs(200, { today: '2026-11-28' }).map((job) => job.external_job_id)).size).toBe(200);
  });

  it('loads an agency whose users can sign in and whose approved candidates have matches, once', async () => {
    const deps = {
      database,
      embeddings: await createLocalEmbeddingProvider(),
      skills: loadSkillMatcher(),
      retention: { floor: 40, bestN: 200 },
      vectorTopK: 50,
      today: '2026-11-28',
    };
    // A failure at the very end (the inbox, written last) leaves nothing of the demo behind: one transaction.
    await database.exec(
      `CREATE FUNCTION demo_fails() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$;
       CREATE TRIGGER demo_fails BEFORE INSERT ON inbox_entries FOR EACH ROW EXECUTE FUNCTION demo_fails();`,
    );
    await expect(loadDemo(deps, { candidates: 12, jobs: 150 })).rejects.toThrow(/disk full/);
    const left = await database.sql.query(
      `SELECT (SELECT count(*)::int FROM tenants) AS tenants, (SELECT count(*)::int FROM users) AS users,
              (SELECT count(*)::int FROM global_roles) AS roles, (SELECT count(*)::int FROM candidates) AS candidates,
              (SELECT count(*)::int FROM job_postings) AS jobs, (SELECT count(*)::int FROM candidate_job_matches) AS matches,
              (SELECT count(*)::int FROM job_applications) AS applications`,
    );
    expect(left.rows[0]).toEqual({
      tenants: 0,
      users: 0,
      roles: 0,
      candidates: 0,
      jobs: 0,
      matches: 0,
      applications: 0,
    });
    expect(await demoLoaded(database)).toBe(false);
    await database.exec(`DROP TRIGGER demo_fails ON inbox_entries; DROP FUNCTION demo_fails();`);

    const summary = await loadDemo(deps, { candidates: 12, jobs: 150 });
    expect(summary).toMatchObject({ loaded: true, candidates: 12, jobs: 150 });
    expect(summary.matches).toBeGreaterThan(0);
    expect(await demoLoaded(database)).toBe(true);
    expect((await loadDemo(deps, { candidates: 12, jobs: 150 })).loaded).toBe(false);

    const { rows } = await database.sql.query<{
      candidates: number;
      linked: number;
      embedded: number;
      matched: number;
    }>(
      `SELECT (SELECT count(*)::int FROM candidates) AS candidates,
              (SELECT count(DISTINCT candidate_id)::int FROM candidate_global_roles) AS linked,
              (SELECT count(*)::int FROM job_postings WHERE embedding IS NOT NULL) AS embedded,
              (SELECT count(DISTINCT candidate_id)::int FROM candidate_job_matches) AS matched`,
    );
    expect(rows[0]).toMatchObject({ candidates: 12, linked: 12, embedded: 150 });
    expect(rows[0]!.matched).toBeGreaterThan(0);

    const day = await database.sql.query<{
      stages: string[];
      placements: number;
      owned: number;
      inbox: number;
    }>(
      `SELECT (SELECT array_agg(DISTINCT application_status ORDER BY application_status) FROM job_applications) AS stages,
              (SELECT count(*)::int FROM placements) AS placements,
              (SELECT count(*)::int FROM candidates WHERE owner_user_id IS NOT NULL) AS owned,
              (SELECT count(*)::int FROM inbox_entries) AS inbox`,
    );
    expect(day.rows[0]!.stages).toEqual([
      'accepted',
      'applied',
      'interviewing',
      'offer',
      'rejected',
      'screening',
      'withdrawn',
    ]);
    expect(day.rows[0]).toMatchObject({ owned: 12 });
    expect(day.rows[0]!.placements).toBeGreaterThan(0);
    expect(day.rows[0]!.inbox).toBeGreaterThan(0);

    const app = await buildApp({ database, logger: silentLogger });
    for (const account of DEMO_ACCOUNTS)
      await expect(loginAs(app, account.email, account.password)).resolves.toBeDefined();
    await app.close();
  });
});
