import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importJobs } from '../../src/ingestion/import-jobs.js';
import { getJob } from '../../src/jobs/job-queries.js';
import { loadSkillMatcher } from '../../src/skills/skill-dictionary.loader.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

/**
 * The job page's "As posted" panel for JobSpy rows (issue 13): the description rendered from Markdown as
 * elements (no Markdown markers, no HTML from the text), and the salary as the source gave it, never a dash
 * when the posting states pay.
 *
 * The web UI's modules and React are loaded untyped: the server's tsconfig compiles no TSX, and React's types
 * would bring DOM globals into its program (web/tsconfig.json checks the UI's own code).
 */
const webModule = async <T>(file: string): Promise<T> =>
  (await import(/* @vite-ignore */ file.startsWith('react') ? file : `../../web/src/${file}`)) as T;
type FunctionComponent<P> = (props: P) => unknown;
const { createElement } = await webModule<{
  createElement: <P>(component: FunctionComponent<P>, props: P) => unknown;
}>('react');
const { renderToStaticMarkup } = await webModule<{ renderToStaticMarkup: (element: unknown) => string }>(
  'react-dom/server',
);
const { Markdown } = await webModule<{ Markdown: FunctionComponent<{ text: string }> }>(
  'components/Markdown.tsx',
);
const { RowErrors } = await webModule<{ RowErrors: FunctionComponent<{ errors: unknown[] }> }>(
  'components/ui.tsx',
);
type SalaryShown = (job: object) => string;
const { parsedSalary, postedSalary, statedSalary } = await webModule<{
  parsedSalary: SalaryShown;
  postedSalary: SalaryShown;
  statedSalary: SalaryShown;
}>('job-salary.ts');

const HEADER =
  'id,site,job_url,title,company,location,date_posted,interval,min_amount,max_amount,currency,description';
const quote = (value: string) => `"${value.replaceAll('"', '""')}"`;

describe('the job page shows a JobSpy posting as posted', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  const importRows = async (rows: string[][]) => {
    const csv = `${HEADER}\n${rows.map((row) => row.map(quote).join(',')).join('\n')}\n`;
    await importJobs(
      { database, skills: loadSkillMatcher() },
      { source: Readable.from([Buffer.from(csv)]), fileName: 'jobspy.csv', format: 'csv' },
    );
    const { rows: ids } = await database.sql.query<{ id: number; external_job_id: string }>(
      'SELECT id, external_job_id FROM job_postings ORDER BY external_job_id',
    );
    return Object.fromEntries(
      await Promise.all(ids.map(async (row) => [row.external_job_id, await getJob(database, row.id)])),
    );
  };

  it('renders the Markdown description as sanitized elements and names where the salary came from', async () => {
    const description = [
      '## About the role',
      '**Overview**',
      'We build *fast* **APIs** with `Go`. [Apply](https://example.com/apply) or [not](javascript:alert(1)).',
      '',
      '* Python',
      '* SQL',
      '',
      '<script>alert(1)</script><img src=x onerror=alert(1)>Pay: $46.23 - $72.23 an hour',
    ].join('\n');
    const jobs = await importRows([
      [
        'js-1',
        'indeed',
        'https://example.com/1',
        'Dev',
        'Acme',
        'Austin, TX',
        '',
        '',
        '',
        '',
        '',
        description,
      ],
      [
        'js-2',
        'linkedin',
        'https://example.com/2',
        'Dev',
        'Acme',
        'Austin, TX',
        '',
        'yearly',
        '150000',
        '180000',
        'USD',
        'Plain text.',
      ],
      ['js-3', 'indeed', 'https://example.com/3', 'Dev', 'Acme', 'Austin, TX', '', '', '', '', '', 'No pay.'],
    ]);

    const html = renderToStaticMarkup(createElement(Markdown, { text: jobs['js-1'].description! }));
    expect(html).toContain('<h3>About the role</h3>');
    expect(html).toContain('<strong>APIs</strong>');
    expect(html).toContain('<em>fast</em>');
    expect(html).toContain('<code>Go</code>');
    expect(html).toMatch(/<ul><li>Python<\/li><li>SQL<\/li><\/ul>/);
    expect(html).toContain('href="https://example.com/apply"');
    expect(html).not.toMatch(/javascript:|<script|<img|onerror=[^&]/i);
    // No Markdown markers are left in the rendered text.
    const text = html.replace(/<[^>]+>/g, '');
    expect(text).not.toMatch(/\*\*|##|\]\(|^\* /m);

    expect(postedSalary(jobs['js-1'])).toBe('$46.23 – $72.23 per hour (read from the description)');
    expect(postedSalary(jobs['js-2'])).toBe('$150,000 – $180,000 per year (from the amount columns)');
    expect(statedSalary(jobs['js-2'])).toBe('$150,000 – $180,000 per year');
    expect(postedSalary(jobs['js-3'])).toBe('—');
  });

  it('shows the salary text as the source wrote it', () => {
    const base = {
      salary_min: null,
      salary_max: null,
      salary_min_exact: null,
      salary_max_exact: null,
      salary_currency: null,
      salary_period: null,
      salary_source: null,
    };
    expect(postedSalary({ ...base, salary_range: 'DOE' })).toBe('DOE');
    expect(parsedSalary({ ...base, salary_range: 'DOE' })).toBe('not read from the salary text');
    expect(parsedSalary(base)).toBe('—');
    expect(
      postedSalary({
        ...base,
        salary_range: '£500 - £550 per day',
        salary_min: 500,
        salary_max: 550,
        salary_currency: 'GBP',
        salary_period: 'day',
        salary_source: 'salary_text',
      }),
    ).toBe('£500 - £550 per day');
  });

  it('lists rows kept with an unreadable optional field apart from rejected rows', async () => {
    const csv = `\uFEFF${HEADER}\r\n${[
      ['xl-1', 'indeed', 'https://example.com/x1', 'Dev', 'Acme', '', 'sometime', '', '', '', '', ''],
      ['xl-2', 'indeed', 'https://example.com/x2', '', 'Acme', '', '12/17/2024', '', '', '', '', ''],
    ]
      .map((row) => row.map(quote).join(','))
      .join('\r\n')}\r\n`;
    const result = await importJobs(
      { database, skills: loadSkillMatcher() },
      { source: Readable.from([Buffer.from(csv)]), fileName: 'resaved.csv', format: 'csv' },
    );
    expect(result.batch).toMatchObject({ new_jobs: 1, failed_jobs: 1 });
    const html = renderToStaticMarkup(createElement(RowErrors, { errors: result.errors }));
    expect(html).toContain('Row problems (2)');
    expect(html).toContain('1 rejected · 1 stored with a field left empty');
    expect(html).toMatch(/<td>2<\/td><td>Stored, field left empty<\/td><td>posted_date<\/td>/);
    expect(html).toMatch(/<td>3<\/td><td>Rejected<\/td><td>title<\/td>/);
  });
});
