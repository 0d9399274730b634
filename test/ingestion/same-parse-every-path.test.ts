import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../src/http/app.js';
import { importJobs } from '../../src/ingestion/import-jobs.js';
import { newJobBatch } from '../../src/ingestion/job-batch.js';
import { parseText } from '../../src/ingestion/parse-text.js';
import { loadSkillMatcher } from '../../src/skills/skill-dictionary.loader.js';
import { type JobQueue, startJobQueue } from '../../src/worker/job-queue.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { silentLogger } from '../support/logger.js';
import { createScraperKey, seedRoles } from '../support/scraper-fixtures.js';

const skills = loadSkillMatcher();

/**
 * Postings whose parse needs evidence from outside the row: a bare city (the gazetteer), a trailing code
 * that is a state and a country ("Indore, IN"), JobSpy's "City, State-code, Country-code", a relative date and
 * the day/month order learnt from a later row.
 */
const postings = [
  { location: 'Bengaluru, KA, IN', posted_date: '05/06/2026' },
  { location: 'Indore, IN', posted_date: '3 days ago' },
  { location: 'Chennai, TN, IN', posted_date: '25/06/2026' },
  { location: 'Basel', posted_date: '2026-11-20' },
  { location: 'Hybrid work in Boston', posted_date: '01/02/2026' },
].map((fields, index) => ({
  platform: 'samepath',
  title: `Senior Python Developer ${index}`,
  company: 'Acme',
  description:
    'We build data APIs with Python and AWS. 5+ years of experience. \\*\\*Pay\\*\\*: $46.23 - $72.23 an hour.',
  ...fields,
}));

/** Every column the normalization fills, but the id each path gives its copy. */
const parsedColumns = Object.keys(
  (() => {
    const result = newJobBatch({ skills }).normalize({ title: 'x', platform: 'x' });
    if (!result.ok) throw new Error('sample did not normalize');
    return result.job;
  })(),
).filter((column) => column !== 'external_job_id');

describe('one normalization for every path that stores a job', () => {
  let database: TestDatabase;
  let queue: JobQueue;
  let app: App;

  beforeAll(async () => {
    database = await createTestDatabase();
    queue = await startJobQueue(database, { logger: silentLogger, supervise: false });
    await queue.register([{ name: 'jobs/imported', handler: async () => {} }]);
    app = await buildApp({ database, logger: silentLogger, queue });
  });
  afterAll(async () => {
    await app.close();
    await queue.stop();
    await database.close();
  });

  const stored = async (prefix: string) =>
    (
      await database.sql.query<Record<string, unknown>>(
        `SELECT ${parsedColumns.join(', ')}, posted_date::text AS posted_date, status
         FROM job_postings WHERE platform = 'samepath' AND external_job_id LIKE $1 ORDER BY external_job_id`,
        [`${prefix}-%`],
      )
    ).rows;

  it('stores the same parsed fields for a posting imported from a file and posted by a scraper', async () => {
    const file = JSON.stringify(postings.map((job, index) => ({ ...job, external_job_id: `file-${index}` })));
    const imported = await importJobs(
      { database, skills },
      { source: Readable.from([Buffer.from(file)]), fileName: 'jobs.json', format: 'json' },
    );
    expect(imported.batch.failed_jobs).toBe(0);

    await seedRoles(database, [{ name: 'Same Path Python Developer', candidates: 1 }]);
    const auth = { authorization: `Bearer ${(await createScraperKey(database)).secret}` };
    const claimed = (
      await app.inject({ method: 'GET', url: '/api/scraper/queue/next-role', headers: auth })
    ).json();
    const posted = await app.inject({
      method: 'POST',
      url: '/api/scraper/queue/jobs',
      headers: auth,
      payload: {
        session_id: claimed.session_id,
        jobs: postings.map((job, index) => ({ ...job, external_job_id: `api-${index}` })),
      },
    });
    expect(posted.statusCode).toBe(200);
    expect(posted.json()).toMatchObject({ jobs_failed: 0, warnings: [] });

    const fromFile = await stored('file');
    const fromApi = await stored('api');
    expect(fromFile).toHaveLength(postings.length);
    expect(fromApi).toEqual(fromFile);
    // The evidence from outside the row was used on both paths.
    expect(fromApi.map((job) => [job.location_city, job.location_country])).toEqual([
      ['Bengaluru', 'IN'],
      ['Indore', 'IN'],
      ['Chennai', 'IN'],
      ['Basel', 'CH'],
      ['Boston', 'US'],
    ]);
    expect(fromApi[0]!.posted_date).toBe('2026-06-05');
    expect(fromApi[0]).toMatchObject({ salary_min_exact: 46.23, salary_max_exact: 72.23 });
    // ... and `jobmatch parse location --stdin` prints what both stored.
    const session = newJobBatch({ platform: 'parse', skills });
    const parsed = postings.map((job) => parseText('location', job.location, skills, session));
    expect(parsed.map((columns) => [columns.location_city, columns.location_country])).toEqual(
      fromApi.map((job) => [job.location_city, job.location_country]),
    );
  });
});
