import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../src/http/app.js';
import { ScraperApiError, ScraperClient } from '../../src/scraper/client.js';
import { jobFitsRole, loadJobsFile, runFileScraper } from '../../src/scraper/file-scraper.js';
import { type JobQueue, startJobQueue } from '../../src/worker/job-queue.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { silentLogger } from '../support/logger.js';
import { createScraperKey, seedRoles } from '../support/scraper-fixtures.js';

const JOBSPY_HEADER =
  'id,site,job_url,job_url_direct,title,company,location,date_posted,job_type,salary_source,interval,min_amount,max_amount,currency,is_remote,description';

describe('reference scraper against a running server', () => {
  let database: TestDatabase;
  let queue: JobQueue;
  let app: App;
  let baseUrl: string;
  let dir: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    queue = await startJobQueue(database, { logger: silentLogger, supervise: false });
    await queue.register([{ name: 'jobs/imported', handler: async () => {} }]);
    app = await buildApp({ database, logger: silentLogger, queue });
    baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jobmatch-scraper-'));
  });
  afterAll(async () => {
    await app.close();
    await queue.stop();
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('matches postings to roles by title', () => {
    const role = {
      id: 1,
      name: 'Python Developer',
      aliases: ['Python Engineer'],
      category: null,
      priority: 'normal',
      candidate_count: 1,
    };
    expect(jobFitsRole('Sr. Python Developer (Remote)', role)).toBe(true);
    expect(jobFitsRole('Senior Python Engineer', role)).toBe(true);
    expect(jobFitsRole('Java Developer', role)).toBe(false);
  });

  it('claims every role, posts the fitting jobs from a JobSpy CSV, and stops when the queue is empty', async () => {
    await seedRoles(database, [
      { name: 'Python Developer', candidates: 2 },
      { name: 'Data Engineer', candidates: 1 },
    ]);
    const csv = path.join(dir, 'jobspy.csv');
    fs.writeFileSync(
      csv,
      [
        JOBSPY_HEADER,
        'in-1,indeed,https://indeed.test/1,,Senior Python Developer,Acme,"Austin, TX",2026-11-20,fulltime,direct_data,yearly,150000,180000,USD,False,"\\\\*\\\\*Overview\\\\*\\\\*\nPython, Django"',
        'in-2,indeed,https://indeed.test/2,,Python Developer II,Beta,Remote,2026-11-21,fulltime,,,,,,True,AWS',
        'li-3,linkedin,https://linkedin.test/3,,Data Engineer,Gamma,"Seattle, WA",2026-11-22,fulltime,,,,,,False,Spark',
        'li-4,linkedin,https://linkedin.test/4,,Registered Nurse,Clinic,"Boston, MA",2026-11-22,fulltime,,,,,,False,Care',
      ].join('\n'),
    );
    const jobs = await loadJobsFile({ jobspyCsv: csv });
    expect(jobs).toHaveLength(4);
    // JobSpy's escapes are undone as the import undoes them (the CSV's escape character, then markdownify's).
    expect(jobs[0]!.description).toBe('**Overview**\nPython, Django');
    const { secret } = await createScraperKey(database, 'reference');
    const reports = await runFileScraper(new ScraperClient({ baseUrl, apiKey: secret }), jobs);
    expect(reports.map((r) => [r.session.role.name, r.posted, r.result?.jobs_imported])).toEqual([
      ['Python Developer', 2, 2],
      ['Data Engineer', 1, 1],
    ]);
    const { rows } = await database.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM job_postings WHERE platform IN ('indeed', 'linkedin')`,
    );
    expect(rows[0]!.n).toBe(3);
  });

  it('surfaces API errors as ScraperApiError with the problem code', async () => {
    const client = new ScraperClient({ baseUrl, apiKey: 'jm_sk_wrong', sleep: async () => {} });
    await expect(client.claim()).rejects.toMatchObject({ status: 401, code: 'unauthorized' });
    await expect(client.claim()).rejects.toBeInstanceOf(ScraperApiError);
  });
});
