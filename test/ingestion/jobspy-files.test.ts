import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobsImported } from '../../src/events/events.js';
import { importJobs } from '../../src/ingestion/import-jobs.js';
import { matchImportedJobs } from '../../src/matching/match-imported-jobs.js';
import { loadSkillMatcher } from '../../src/skills/skill-dictionary.loader.js';
import { parseMarkdown } from '../../web/src/markdown-blocks.js';
import { createCandidate, createRole, createTenant, storedMatches } from '../matching/fixtures.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

/**
 * JobSpy files as other people write them (issue 13): generated in JobSpy's own column layout, written the way
 * `to_csv(quoting=QUOTE_NONNUMERIC, escapechar="\\")` or a spreadsheet program re-saving it writes them.
 */
const skills = loadSkillMatcher();

const JOBSPY_COLUMNS = [
  'id',
  'site',
  'job_url',
  'job_url_direct',
  'title',
  'company',
  'location',
  'date_posted',
  'job_type',
  'salary_source',
  'interval',
  'min_amount',
  'max_amount',
  'currency',
  'is_remote',
  'job_level',
  'job_function',
  'listing_type',
  'emails',
  'description',
  'company_industry',
  'company_url',
  'company_logo',
  'company_url_direct',
  'company_addresses',
  'company_num_employees',
  'company_revenue',
  'company_description',
  'skills',
  'experience_range',
  'company_rating',
  'company_reviews_count',
  'vacancy_count',
  'work_from_home_type',
] as const;
type JobSpyRow = Partial<Record<(typeof JOBSPY_COLUMNS)[number], string>>;

/** A JobSpy CSV: every column, each value quoted as Python's QUOTE_NONNUMERIC writes text. */
function jobspyCsv(rows: readonly JobSpyRow[], options: { bom?: boolean; newline?: string } = {}): Buffer {
  const newline = options.newline ?? '\n';
  const quote = (value: string) => `"${value.replaceAll('"', '""')}"`;
  const lines = [
    JOBSPY_COLUMNS.map(quote).join(','),
    ...rows.map((row) => JOBSPY_COLUMNS.map((column) => quote(row[column] ?? '')).join(',')),
  ];
  const text = Buffer.from(`${lines.join(newline)}${newline}`);
  return options.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), text]) : text;
}

describe('JobSpy files imported as they are', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  const importFile = (
    file: Buffer,
    fileName: string,
    onJobsImported?: (event: Required<Omit<JobsImported, 'sessionId'>>) => void,
  ) =>
    importJobs(
      {
        database,
        skills,
        chunkSize: 50,
        ...(onJobsImported ? { onJobsImported: async (_tx, event) => onJobsImported(event) } : {}),
      },
      { source: Readable.from([file]), fileName, format: 'csv' },
    );

  const stored = async (site: string) =>
    (
      await database.sql.query<Record<string, unknown>>(
        `SELECT external_job_id, status, posted_date::text AS posted_date, salary_min, salary_max, salary_source,
                description, employment_type, contract_type
         FROM job_postings WHERE platform = $1 ORDER BY external_job_id`,
        [site],
      )
    ).rows;

  it('reads a European re-saved file day first throughout, learning the order from a later row', async () => {
    // The first rows are ambiguous (both numbers 12 or less); only row 5 shows the file is day first.
    const dates = ['05/06/2024', '01/02/2024', '11/12/2024', '2024-03-04', '25/06/2024', '07/08/2024'];
    const file = jobspyCsv(
      dates.map((date_posted, index) => ({ id: `eu-${index}`, site: 'eusite', title: 'Dev', date_posted })),
      { bom: true, newline: '\r\n' },
    );
    const result = await importFile(file, 'jobs_eu_resaved.csv');
    expect(result.batch).toMatchObject({ new_jobs: 6, failed_jobs: 0, platform: 'eusite' });
    expect((await stored('eusite')).map((row) => row.posted_date)).toEqual([
      '2024-06-05',
      '2024-02-01',
      '2024-12-11',
      '2024-03-04',
      '2024-06-25',
      '2024-08-07',
    ]);
  });

  it('reads a US file month first, and European dotted dates day first, each by its own rows', async () => {
    const us = jobspyCsv(
      ['05/06/2024', '12/17/2024'].map((date_posted, index) => ({
        id: `us-${index}`,
        site: 'ussite',
        title: 'Dev',
        date_posted,
      })),
    );
    await importFile(us, 'us.csv');
    expect((await stored('ussite')).map((row) => row.posted_date)).toEqual(['2024-05-06', '2024-12-17']);
    const dotted = jobspyCsv([{ id: 'de-0', site: 'desite', title: 'Dev', date_posted: '05.06.2024' }]);
    await importFile(dotted, 'de.csv');
    expect((await stored('desite')).map((row) => row.posted_date)).toEqual(['2024-06-05']);
  });

  it('counts "3 days ago" back from the scrape date in the file name', async () => {
    const file = jobspyCsv([
      { id: 'rel-0', site: 'relsite', title: 'Dev', date_posted: '3 days ago' },
      { id: 'rel-1', site: 'relsite', title: 'Dev', date_posted: 'today' },
    ]);
    await importFile(file, 'jobs_2024-12-17.csv');
    expect((await stored('relsite')).map((row) => row.posted_date)).toEqual(['2024-12-14', '2024-12-17']);
  });

  it('stores rows posted over 30 days before the import expired, and matching never scores them', async () => {
    const tenant = await createTenant(database, 'jobspy-expiry');
    const role = await createRole(database, 'Kotlin Developer');
    const candidate = await createCandidate(database, tenant, { roleIds: [role] });
    const today = new Date().toISOString().slice(0, 10);
    const posting = { location: 'Austin, TX', description: 'Python and SQL, 3+ years of experience.' };
    const events: Required<Omit<JobsImported, 'sessionId'>>[] = [];
    const file = jobspyCsv([
      { id: 'old', site: 'expsite', title: 'Kotlin Developer', date_posted: '2024-01-02', ...posting },
      { id: 'fresh', site: 'expsite', title: 'Kotlin Developer', date_posted: today, ...posting },
    ]);
    await importFile(file, 'expiry.csv', (event) => events.push(event));
    const rows = await stored('expsite');
    expect(rows.map((row) => [row.external_job_id, row.status])).toEqual([
      ['fresh', 'active'],
      ['old', 'expired'],
    ]);
    const { rows: ids } = await database.sql.query<{ id: number; external_job_id: string }>(
      `SELECT id, external_job_id FROM job_postings WHERE platform = 'expsite'`,
    );
    const idOf = (externalId: string) => ids.find((row) => row.external_job_id === externalId)!.id;
    let scored = 0;
    for (const event of events) {
      const deps = { database, retention: { floor: 0, bestN: 200 }, vectorTopK: 3 };
      scored += (await matchImportedJobs(deps, event)).scored;
    }
    // Both are linked to the candidate's role; only the fresh one is scored.
    expect(scored).toBe(1);
    const { rows: linked } = await database.sql.query<{ job_posting_id: number }>(
      'SELECT job_posting_id FROM role_job_mapping WHERE global_role_id = $1 ORDER BY job_posting_id',
      [role],
    );
    expect(linked.map((row) => row.job_posting_id).sort()).toEqual([idOf('fresh'), idOf('old')].sort());
    const matched = (await storedMatches(database, candidate)).map((match) => match.job_posting_id);
    expect(matched).not.toContain(idOf('old'));
  });

  it('fills employment and contract type from job_type and the title', async () => {
    const file = jobspyCsv([
      { id: 'et-0', site: 'etsite', title: 'Java Developer (Contract)', job_type: '' },
      { id: 'et-1', site: 'etsite', title: 'QA Analyst - C2C', job_type: 'contract' },
      { id: 'et-2', site: 'etsite', title: 'Data Engineer W2', job_type: 'parttime, fulltime' },
    ]);
    await importFile(file, 'types.csv');
    expect(
      (await stored('etsite')).map((row) => [row.external_job_id, row.employment_type, row.contract_type]),
    ).toEqual([
      ['et-0', 'contract', null],
      ['et-1', 'contract', 'C2C'],
      ['et-2', 'part-time, full-time', 'W2'],
    ]);
  });

  it('keeps rows with absurd amounts, 100 KB descriptions and unreadable optional fields: null and a warning each', async () => {
    const longDescription = `**Overview**\n${'We build data platforms with Python and Spark. '.repeat(2200)}`;
    expect(longDescription.length).toBeGreaterThan(100_000);
    const file = jobspyCsv([
      { id: 'bad-0', site: 'badsite', title: 'Dev', interval: 'yearly', min_amount: '1', max_amount: '1' },
      {
        id: 'bad-1',
        site: 'badsite',
        title: 'Dev',
        interval: 'yearly',
        min_amount: '99999999',
        max_amount: '99999999',
      },
      { id: 'bad-2', site: 'badsite', title: 'Dev', min_amount: 'lots', date_posted: 'sometime soon' },
      { id: 'bad-3', site: 'badsite', title: 'Dev', description: longDescription, job_url: 'not a url' },
      {
        id: 'bad-4',
        site: 'badsite',
        title: 'Dev',
        description: 'Pay: $1 a year, or $99,999,999 per annum. Call 555-0100.',
      },
    ]);
    const result = await importFile(file, 'bad.csv');
    expect(result.batch).toMatchObject({ new_jobs: 5, failed_jobs: 0, import_status: 'completed' });
    expect(result.errors.map((error) => [error.row_number, error.field, error.severity]).sort()).toEqual(
      [
        [2, 'salary_min', 'warning'],
        [3, 'salary_min', 'warning'],
        [4, 'salary_min', 'warning'],
        [4, 'posted_date', 'warning'],
        [5, 'job_url', 'warning'],
      ].sort(),
    );
    const rows = await stored('badsite');
    for (const row of rows) {
      expect(row, String(row.external_job_id)).toMatchObject({ salary_min: null, salary_max: null });
    }
    const kept = rows.find((row) => row.external_job_id === 'bad-3')!.description as string;
    expect(kept === longDescription.trim()).toBe(true);
  });

  it("stores the description with JobSpy's backslash and markdownify escapes undone, and pay read from it with its source", async () => {
    const file = jobspyCsv([
      {
        id: 'esc-0',
        site: 'escsite',
        title: 'Dev',
        description: '\\\\*\\\\*Overview\\\\*\\\\*\nPay: $46.23 - $72.23 an hour. C:\\\\jobs',
      },
    ]);
    await importFile(file, 'escapes.csv');
    expect((await stored('escsite'))[0]).toMatchObject({
      description: '**Overview**\nPay: $46.23 - $72.23 an hour. C:\\jobs',
      salary_min: 46,
      salary_max: 72,
      salary_source: 'description',
    });
    // The web app renders the stored text: "**Overview**" alone on its line is a bold heading.
    const [heading] = parseMarkdown(String((await stored('escsite'))[0]!.description));
    expect(heading).toEqual({ kind: 'heading', level: 3, content: [{ kind: 'text', text: 'Overview' }] });
  });
});
