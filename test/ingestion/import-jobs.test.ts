import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerParseCommand } from '../../src/cli/parse.command.js';
import { jobImportBatchRepository } from '../../src/db/repositories/job-import-batch.repository.js';
import { jobImportErrorRepository } from '../../src/db/repositories/job-import-error.repository.js';
import { parseColumnMapping } from '../../src/domain/jobs/column-mapping.js';
import { importJobs } from '../../src/ingestion/import-jobs.js';
import { parseText } from '../../src/ingestion/parse-text.js';
import { recoverInterruptedImports } from '../../src/ingestion/recover-imports.js';
import { expireJobs } from '../../src/jobs/expire-jobs.js';
import { loadSkillMatcher } from '../../src/skills/skill-dictionary.loader.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { SHARED_FILE_MAPPINGS } from '../support/shared-data.js';

/** What `jobmatch parse KIND --stdin` prints for the lines of `input`, one parsed object per line. */
async function printedByParseCli(kind: string, input: string): Promise<Record<string, unknown>[]> {
  const out: string[] = [];
  const program = new Command().exitOverride();
  registerParseCommand(program, { out: (line) => out.push(line), err: () => {} }, Readable.from(input));
  await program.parseAsync(['parse', kind, '--stdin'], { from: 'user' });
  return out.map((line) => JSON.parse(line) as Record<string, unknown>);
}

const DATA = path.resolve(process.cwd(), '../shared/data/jobs');
const skills = loadSkillMatcher();

const JOBSPY_HEADER =
  'id,site,job_url,job_url_direct,title,company,location,date_posted,job_type,salary_source,interval,min_amount,max_amount,currency,is_remote,job_level,job_function,listing_type,emails,description,company_industry,company_url,company_logo,company_url_direct,company_addresses,company_num_employees,company_revenue,company_description,skills,experience_range,company_rating,company_reviews_count,vacancy_count,work_from_home_type';

function jobspyRow(values: Record<string, string>): string {
  return JOBSPY_HEADER.split(',')
    .map((column) => {
      const value = values[column] ?? '';
      return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
    })
    .join(',');
}

const streamOf = (text: string | Buffer) => Readable.from([Buffer.isBuffer(text) ? text : Buffer.from(text)]);

describe('importJobs', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  const run = (
    source: string | Buffer,
    options: { format?: 'csv' | 'json' | 'jsonl'; platform?: string; map?: string; fileName?: string } = {},
  ) =>
    importJobs(
      { database, skills, chunkSize: 50 },
      {
        source: streamOf(source),
        fileName: options.fileName ?? 'test.csv',
        format: options.format ?? 'csv',
        platform: 'platform' in options ? options.platform : 'indeed',
        mapping: options.map ? parseColumnMapping(options.map) : undefined,
      },
    );

  it("imports JobSpy's CSV unchanged, then counts a re-import as unchanged and a changed row as updated", async () => {
    const rows = [
      jobspyRow({
        id: 'in-1',
        site: 'indeed',
        job_url: 'https://www.indeed.com/viewjob?jk=1',
        title: 'Senior Python Developer',
        company: 'Acme',
        location: 'Austin, TX',
        date_posted: '2026-11-20',
        interval: 'yearly',
        min_amount: '150000',
        max_amount: '180000',
        currency: 'USD',
        is_remote: 'False',
        description: 'Build APIs with Python, "Django" and AWS.\nWe need 5+ years of experience.',
      }),
      jobspyRow({
        id: 'li-2',
        site: 'linkedin',
        title: 'Data Engineer',
        company: 'Beta',
        location: 'Remote',
        description: 'Spark, Airflow',
      }),
    ];
    const first = await run(`${JOBSPY_HEADER}\n${rows.join('\n')}\n`, { platform: 'jobspy' });
    expect(first.batch).toMatchObject({
      import_status: 'completed',
      total_jobs: 2,
      new_jobs: 2,
      failed_jobs: 0,
    });
    const { rows: stored } = await database.sql.query<Record<string, unknown>>(
      `SELECT platform, external_job_id, salary_min, salary_max, salary_period, experience_min, skills, is_remote, import_batch_id
       FROM job_postings WHERE external_job_id IN ('in-1', 'li-2') ORDER BY external_job_id`,
    );
    expect(stored[0]).toMatchObject({
      platform: 'indeed',
      external_job_id: 'in-1',
      salary_min: 150000,
      salary_period: 'year',
      experience_min: 5,
      import_batch_id: first.batch.id,
    });
    expect(stored[0]!.skills).toEqual(expect.arrayContaining(['Python', 'Django', 'AWS']));
    expect(stored[1]).toMatchObject({ platform: 'linkedin', is_remote: true });

    const { rows: before } = await database.sql.query<{ updated_at: Date }>(
      `SELECT updated_at FROM job_postings WHERE external_job_id = 'in-1'`,
    );
    const again = await run(`${JOBSPY_HEADER}\n${rows.join('\n')}\n`, { platform: 'jobspy' });
    expect(again.batch).toMatchObject({ total_jobs: 2, new_jobs: 0, updated_jobs: 0, unchanged_jobs: 2 });
    const { rows: after } = await database.sql.query<{ updated_at: Date; import_batch_id: number }>(
      `SELECT updated_at, import_batch_id FROM job_postings WHERE external_job_id = 'in-1'`,
    );
    expect(after[0]!.updated_at).toEqual(before[0]!.updated_at);
    expect(after[0]!.import_batch_id).toBe(first.batch.id);

    const changed = rows[0]!.replace('Senior Python Developer', 'Lead Python Developer');
    const third = await run(`${JOBSPY_HEADER}\n${changed}\n${rows[1]}\n`, { platform: 'jobspy' });
    expect(third.batch).toMatchObject({ total_jobs: 2, new_jobs: 0, updated_jobs: 1, unchanged_jobs: 1 });
  });

  it('imports an Excel-resaved JobSpy file as it is: BOM, US dates, escapes, pay in the description, no --platform', async () => {
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000);
    const [year, month, day] = twoDaysAgo.toISOString().slice(0, 10).split('-');
    const rows = [
      jobspyRow({
        id: 'xl-1',
        site: 'indeed',
        title: 'Java Developer (Contract) - W2',
        date_posted: '12/17/2024',
        job_type: 'parttime, fulltime',
        description:
          '\\\\*\\\\*Overview\\\\*\\\\*\nPay: $46.23 - $72.23 an hour. 401(k) and a $5,000 sign-on bonus.',
      }),
      jobspyRow({
        id: 'xl-2',
        site: 'indeed',
        title: 'Data Analyst',
        date_posted: '3 weeks before launch',
        description: 'Salary: ₹8,00,000 - ₹12,00,000 per annum',
      }),
      jobspyRow({ id: 'xl-3', site: 'indeed', title: 'QA Engineer', date_posted: `${month}/${day}/${year}` }),
    ];
    const file = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(`${JOBSPY_HEADER}\r\n${rows.join('\r\n')}\r\n`),
    ]);
    const result = await run(file, { platform: undefined, fileName: 'indeed_export.csv' });
    expect(result.batch).toMatchObject({
      new_jobs: 3,
      failed_jobs: 0,
      platform: 'indeed',
      import_status: 'completed',
    });
    expect(result.errors).toEqual([
      expect.objectContaining({ row_number: 3, field: 'posted_date', severity: 'warning' }),
    ]);
    const { rows: stored } = await database.sql.query<Record<string, unknown>>(
      `SELECT external_job_id, status, posted_date::text AS posted_date, description, salary_min, salary_min_exact::text AS salary_min_exact,
              salary_max_exact::text AS salary_max_exact, salary_period, salary_currency, salary_source, employment_type, contract_type
       FROM job_postings WHERE external_job_id IN ('xl-1', 'xl-2', 'xl-3') ORDER BY external_job_id`,
    );
    expect(stored[0]).toMatchObject({
      status: 'expired',
      posted_date: '2024-12-17',
      salary_min: 46,
      salary_min_exact: '46.23',
      salary_max_exact: '72.23',
      salary_period: 'hour',
      salary_currency: 'USD',
      salary_source: 'description',
      employment_type: 'part-time, full-time',
      contract_type: 'W2',
    });
    expect(stored[0]!.description).toMatch(/^\*\*Overview\*\*\n/);
    expect(stored[1]).toMatchObject({
      status: 'active',
      posted_date: null,
      salary_currency: 'INR',
      salary_period: 'year',
    });
    expect(stored[2]).toMatchObject({
      status: 'active',
      posted_date: `${year}-${month}-${day}`,
      salary_source: null,
    });
  });

  it('stores exactly what `jobmatch parse salary|experience` prints for the same texts', async () => {
    const labelled = JSON.parse(
      fs.readFileSync(path.resolve(process.cwd(), 'eval/salary-labels.json'), 'utf8'),
    ) as { text: string }[];
    const texts = [
      ...labelled.slice(0, 40).map((item) => item.text),
      '$33.56/hr',
      '8 000 - 12 000 PLN',
      'DOE',
    ];
    const csv = [
      'external_job_id,title,salary_range,description',
      ...texts.map(
        (text, index) => `same-${index},-,"${text.replaceAll('"', '""')}","${text.replaceAll('"', '""')}"`,
      ),
    ].join('\n');
    const result = await run(csv, { platform: 'sameparse' });
    expect(result.batch.failed_jobs).toBe(0);
    const { rows } = await database.sql.query<Record<string, unknown>>(
      `SELECT * FROM job_postings WHERE platform = 'sameparse' ORDER BY substring(external_job_id from 6)::int`,
    );
    rows.forEach((row, index) => {
      const text = texts[index]!;
      const salary = parseText('salary', text, skills);
      const experience = parseText('experience', text, skills);
      for (const [column, printed] of Object.entries({ ...salary, ...experience })) {
        const stored = row[column];
        const value = typeof printed === 'number' && stored !== null ? Number(stored) : stored;
        expect({ text, column, value }).toEqual({ text, column, value: printed });
      }
    });
  });

  it('stores exactly what `jobmatch parse salary|experience|skills --stdin` prints, line by line', async () => {
    const readTexts = (file: string) =>
      (JSON.parse(fs.readFileSync(path.resolve(process.cwd(), file), 'utf8')) as { text: string }[])
        .map((item) => item.text.replace(/\s+/g, ' ').trim())
        .filter((_, index) => index % 7 === 0);
    const texts = [
      ...readTexts('eval/salary-labels.json'),
      ...readTexts('eval/experience-labels.json'),
      'Python, SQL and AWS; follow us on LinkedIn',
      'Email: jobs@acme.com — Flex-time, Matlab experience',
      'Min. $90,000, Max. $110,000; up to $100,000 in commission',
      'SAP S/4HANA SD MM functional analyst with a BASIC understanding of Agile; follow us on LinkedIn and YouTube',
      'Pay: £50,000 - $70,000 depending on location',
    ];
    const printed = (kind: string) => printedByParseCli(kind, `\uFEFF${texts.join('\n')}\n`);
    const [salary, experience, skillColumns] = [
      await printed('salary'),
      await printed('experience'),
      await printed('skills'),
    ];
    expect(salary).toHaveLength(texts.length);
    const csv = [
      'external_job_id,title,salary_range,description',
      ...texts.map((text, index) => {
        const quoted = `"${text.replaceAll('"', '""')}"`;
        return `stdin-${index},-,${quoted},${quoted}`;
      }),
    ].join('\n');
    expect((await run(`\uFEFF${csv}`, { platform: 'stdinparse' })).batch.failed_jobs).toBe(0);
    const { rows } = await database.sql.query<Record<string, unknown>>(
      `SELECT * FROM job_postings WHERE platform = 'stdinparse' ORDER BY substring(external_job_id from 7)::int`,
    );
    expect(rows).toHaveLength(texts.length);
    rows.forEach((row, index) => {
      const text = texts[index]!;
      for (const [column, value] of Object.entries({
        ...salary[index],
        ...experience[index],
        ...skillColumns[index],
      })) {
        const stored = row[column];
        const comparable = typeof value === 'number' && stored !== null ? Number(stored) : stored;
        expect({ text, column, value: comparable }).toEqual({ text, column, value });
      }
    });
  });

  it('stores exactly what `jobmatch parse location --stdin` prints, line by line', async () => {
    const labelled = JSON.parse(
      fs.readFileSync(path.resolve(process.cwd(), 'eval/location-labels.json'), 'utf8'),
    ) as { text: string }[];
    const texts = [
      ...labelled.filter((_, index) => index % 5 === 0).map((item) => item.text),
      'Hybrid work in Boston',
      'Bengaluru, KA, IN',
      '350 5th Ave, New York, NY 10118',
      'California, MO',
    ];
    const printed = await printedByParseCli('location', `${texts.join('\n')}\n`);
    expect(printed).toHaveLength(texts.length);
    const csv = [
      'external_job_id,title,location',
      ...texts.map((text, index) => `loc-${index},-,"${text.replaceAll('"', '""')}"`),
    ].join('\n');
    expect((await run(csv, { platform: 'locparse' })).batch.failed_jobs).toBe(0);
    const { rows } = await database.sql.query<Record<string, unknown>>(
      `SELECT * FROM job_postings WHERE platform = 'locparse' ORDER BY substring(external_job_id from 5)::int`,
    );
    rows.forEach((row, index) => {
      for (const [column, value] of Object.entries(printed[index]!)) {
        expect({ text: texts[index], column, value: row[column] }).toEqual({
          text: texts[index],
          column,
          value,
        });
      }
    });
    expect(printed.at(-4)).toMatchObject({
      location_city: 'Boston',
      work_arrangement: 'hybrid',
      is_remote: false,
    });
    expect(printed.at(-3)).toMatchObject({ location_city: 'Bengaluru', location_country: 'IN' });
  });

  it("reads a file's ambiguous codes toward its country and bare cities by the gazetteer, as `parse location --stdin` does", async () => {
    const texts = [
      'Basel',
      'Aberdeen',
      'Pune, MH, IN',
      'Bengaluru, KA, IN',
      'Mumbai, Maharashtra, India',
      'Chennai, TN, IN',
      'Hyderabad, TS, IN',
      'Noida, UP, IN',
      'Delhi, DL, IN',
      'IN',
      'Indore, IN',
      'Hermiston',
      'Basel',
    ];
    const printed = await printedByParseCli('location', `${texts.join('\n')}\n`);
    const csv = ['external_job_id,title,location', ...texts.map((text, i) => `in-${i},-,"${text}"`)].join(
      '\n',
    );
    expect((await run(csv, { platform: 'locfile' })).batch.failed_jobs).toBe(0);
    const { rows } = await database.sql.query<Record<string, unknown>>(
      `SELECT location_city, location_region, location_country FROM job_postings WHERE platform = 'locfile'
       ORDER BY substring(external_job_id from 4)::int`,
    );
    expect(rows).toEqual(
      printed.map(({ location_city, location_region, location_country }) => ({
        location_city,
        location_region,
        location_country,
      })),
    );
    // Before the file leans anywhere, a bare city is its dominant namesake's.
    expect(rows.slice(0, 2)).toEqual([
      { location_city: 'Basel', location_region: null, location_country: 'CH' },
      { location_city: 'Aberdeen', location_region: 'Scotland', location_country: 'GB' },
    ]);
    // Once it leans to India: "IN" is India, a small town with no Indian namesake may be a place the gazetteer
    // lacks (alone, Hermiston is in Oregon), and a big one still is its namesake's.
    expect(rows.slice(-4)).toEqual([
      { location_city: null, location_region: null, location_country: 'IN' },
      { location_city: 'Indore', location_region: null, location_country: 'IN' },
      { location_city: 'Hermiston', location_region: null, location_country: null },
      { location_city: 'Basel', location_region: null, location_country: 'CH' },
    ]);
    expect(parseText('location', 'Hermiston', skills)).toMatchObject({ location_country: 'US' });
    // Alone, "IN" is Indiana.
    expect(parseText('location', 'IN', skills)).toMatchObject({
      location_region: 'IN',
      location_country: 'US',
    });
  });

  it('asks for the platform when the rows name none', async () => {
    await expect(run('title\nDev\n', { platform: undefined })).rejects.toThrow(/platform/);
  });

  it('counts and reports bad rows by row number, writes the valid ones (optional fields left empty with a warning), and ends partial', async () => {
    const csv = [
      'title,company,salary_min,posted_date,external_job_id',
      'Java Developer,Acme,100000,2026-11-01,p-1',
      ',NoTitle Inc,,,p-2',
      'QA Engineer,Acme,lots,,p-3',
      'DevOps Engineer,"Unclosed, quote',
    ].join('\n');
    const result = await run(csv, { platform: 'dice' });
    expect(result.batch).toMatchObject({ import_status: 'partial', new_jobs: 2 });
    const batch = result.batch;
    expect(batch.total_jobs).toBe(
      (batch.new_jobs ?? 0) +
        (batch.updated_jobs ?? 0) +
        (batch.unchanged_jobs ?? 0) +
        (batch.failed_jobs ?? 0),
    );
    expect(batch.failed_jobs).toBeGreaterThanOrEqual(2);
    const errors = await jobImportErrorRepository(database).listForBatch(batch.id);
    expect(errors.map((e) => e.row_number).slice(0, 2)).toEqual([3, 4]);
    expect(errors[0]).toMatchObject({ field: 'title', severity: 'error' });
    expect(errors[0]!.raw_record).toContain('NoTitle Inc');
    expect(errors[1]).toMatchObject({ field: 'salary_min', severity: 'warning' });
    const { rows } = await database.sql.query(
      `SELECT external_job_id, salary_min FROM job_postings WHERE platform = 'dice' AND external_job_id IN ('p-2', 'p-3')`,
    );
    expect(rows).toEqual([{ external_job_id: 'p-3', salary_min: null }]);
  });

  it('links imported postings to the roles their titles name and announces the jobs in one event', async () => {
    const { rows: roles } = await database.sql.query<{ id: number; name: string }>(
      `INSERT INTO global_roles (name, aliases) VALUES ('Rust Developer', '{Rust Engineer}'), ('Haskell Developer', '{}')
       RETURNING id, name`,
    );
    const rust = roles.find((role) => role.name === 'Rust Developer')!.id;
    const events: { roleId: number | null; jobIds: number[] }[] = [];
    await importJobs(
      { database, skills, onJobsImported: async (_tx, event) => void events.push(event) },
      {
        source: streamOf(
          'title,external_job_id\nSenior Rust Engineer,r-1\nRust Developer,r-2\nPastry Chef,r-3\n',
        ),
        fileName: 'roles.csv',
        format: 'csv',
        platform: 'rolelink',
      },
    );
    const { rows } = await database.sql.query<{
      external_job_id: string;
      normalized_role_id: number | null;
      mapped: boolean;
    }>(
      `SELECT j.external_job_id, j.normalized_role_id,
              EXISTS (SELECT 1 FROM role_job_mapping m WHERE m.job_posting_id = j.id) AS mapped
       FROM job_postings j WHERE j.platform = 'rolelink' ORDER BY j.external_job_id`,
    );
    expect(rows).toEqual([
      { external_job_id: 'r-1', normalized_role_id: rust, mapped: true },
      { external_job_id: 'r-2', normalized_role_id: rust, mapped: true },
      { external_job_id: 'r-3', normalized_role_id: null, mapped: false },
    ]);
    // One event for the chunk with every job: matching finds whom each is due for (issue 11, defect 3).
    expect(events).toHaveLength(1);
    expect(events[0]?.jobIds).toHaveLength(3);
  });

  it('keeps formula-looking cells as text', async () => {
    const result = await run('title,company,external_job_id\n"=cmd|\' /C calc\'!A0",@SUM(1),f-1\n', {
      platform: 'csvinj',
    });
    expect(result.batch.new_jobs).toBe(1);
    const { rows } = await database.sql.query<{ title: string; company: string }>(
      `SELECT title, company FROM job_postings WHERE platform = 'csvinj'`,
    );
    expect(rows[0]).toEqual({ title: "=cmd|' /C calc'!A0", company: '@SUM(1)' });
  });

  it('imports JSON arrays and JSON Lines in the Jobmatch schema', async () => {
    const jobs = [
      {
        external_job_id: 'j-1',
        title: 'React Developer',
        skills: ['ReactJS', 'TypeScript'],
        salary_range: '$120K - $140K',
      },
      { external_job_id: 'j-2', title: 'Go Developer', description: 'GoLang microservices on k8s' },
    ];
    const json = await run(JSON.stringify(jobs), { format: 'json', platform: 'json-src' });
    expect(json.batch).toMatchObject({ new_jobs: 2, failed_jobs: 0 });
    const jsonl = await run(
      `${jobs.map((job) => JSON.stringify(job)).join('\n')}\n{"title": 42\nnot json\n`,
      { format: 'jsonl', platform: 'jsonl-src' },
    );
    expect(jsonl.batch).toMatchObject({ new_jobs: 2, failed_jobs: 2, import_status: 'partial' });
    const { rows } = await database.sql.query<{ skills: string[] }>(
      `SELECT skills FROM job_postings WHERE platform = 'json-src' AND external_job_id = 'j-1'`,
    );
    expect(rows[0]!.skills).toEqual(expect.arrayContaining(['React', 'TypeScript']));
  });

  it('decodes Windows-1252 and strips a UTF-8 BOM', async () => {
    const latin = Buffer.concat([
      Buffer.from('title,company,external_job_id\r\n'),
      Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x80, 0x20, 0x44, 0x65, 0x76]),
      Buffer.from(',Acme,w-1\r\n'),
    ]);
    const result = await run(latin, { platform: 'win' });
    expect(result.batch.new_jobs).toBe(1);
    const { rows } = await database.sql.query<{ title: string }>(
      `SELECT title FROM job_postings WHERE platform = 'win'`,
    );
    expect(rows[0]!.title).toBe('Café € Dev');
    const bom = await run(
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('title,external_job_id\nBOM Dev,b-1\n')]),
      { platform: 'bom' },
    );
    expect(bom.batch.new_jobs).toBe(1);
  });

  it('rejects unrecognized layouts and empty files clearly, ending the batch failed', async () => {
    await expect(run('Job Title,Company\nDev,Acme\n')).rejects.toThrow(/mapping/);
    await expect(run('')).rejects.toThrow(/empty/i);
    const [latest] = await jobImportBatchRepository(database).list({ limit: 1 });
    expect(latest).toMatchObject({ import_status: 'failed' });
    expect(latest!.error_message).toBeTruthy();
  });

  it('recovers an import whose process died, keeping what it wrote', async () => {
    const batch = await jobImportBatchRepository(database).create({ batch_id: 'dead-1', platform: 'x' });
    await jobImportBatchRepository(database).addCounts(batch.id, {
      new_jobs: 3,
      updated_jobs: 0,
      unchanged_jobs: 0,
      failed_jobs: 0,
    });
    // The process opening an embedded data dir is its only user; a server's other processes may be importing,
    // so there only an import silent for longer than the limit is dead.
    const staleAfter = database.engine === 'pglite' ? 600 : 0;
    const recovered = await recoverInterruptedImports(database, staleAfter, { opening: true });
    expect(recovered.map((b) => b.id)).toContain(batch.id);
    expect(await jobImportBatchRepository(database).findById(batch.id)).toMatchObject({
      import_status: 'partial',
    });
  });

  it('expires active jobs 30 days after posting (or import when the date is unknown)', async () => {
    await database.sql.query(
      `INSERT INTO job_postings (platform, external_job_id, title, posted_date, imported_at) VALUES
       ('exp', 'old', 'Old', current_date - 31, now()), ('exp', 'new', 'New', current_date - 5, now()),
       ('exp', 'undated', 'Undated', NULL, now() - interval '40 days'), ('exp', 'filled', 'Filled', current_date - 60, now())`,
    );
    await database.sql.query(
      `UPDATE job_postings SET status = 'filled' WHERE platform = 'exp' AND external_job_id = 'filled'`,
    );
    expect(await expireJobs(database)).toBeGreaterThanOrEqual(2);
    const { rows } = await database.sql.query<{ external_job_id: string; status: string }>(
      `SELECT external_job_id, status FROM job_postings WHERE platform = 'exp' ORDER BY external_job_id`,
    );
    expect(Object.fromEntries(rows.map((r) => [r.external_job_id, r.status]))).toEqual({
      filled: 'filled',
      new: 'active',
      old: 'expired',
      undated: 'expired',
    });
    expect(await expireJobs(database)).toBe(0);
  });

  it.each(Object.entries(SHARED_FILE_MAPPINGS))(
    'imports ../shared/data/jobs/%s with a mapping',
    async (file, map) => {
      const result = await importJobs(
        { database, skills },
        {
          source: fs.createReadStream(path.join(DATA, file)),
          fileName: file,
          format: 'csv',
          platform: file.split('_')[0]!,
          mapping: parseColumnMapping(map),
        },
      );
      const expected = {
        'glassdoor_ds_jobs.csv': 956,
        'adzuna_uk_jobs.csv': 1241,
        'open_jobs_ats.csv': 15918,
      }[file];
      expect(result.batch.total_jobs).toBe(expected);
      expect(result.batch.failed_jobs).toBe(0);
      expect(result.batch.import_status).toBe('completed');
    },
    120_000,
  );
});
