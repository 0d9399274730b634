import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadSkillMatcher } from '../../skills/skill-dictionary.loader.js';
import {
  applyMapping,
  JOBSPY_MAPPING,
  MappingError,
  mappingOptionsOf,
  parseColumnMapping,
  resolveMapping,
  unescapeMarkdown,
} from './column-mapping.js';
import { canonicalJobUrl, deriveExternalJobId } from './external-id.js';
import { fitLocationList, normalizeJobRecord, parsePostedDate } from './normalize-job.js';
import { newDateOrderEvidence } from './posted-date.js';

const skills = loadSkillMatcher();
const normalize = (record: Record<string, string>, platform = 'indeed') =>
  normalizeJobRecord(record, { platform, skills });

describe('normalizeJobRecord', () => {
  it('parses a JobSpy-style row into posting columns', () => {
    const result = normalize({
      external_job_id: 'in-123',
      platform: 'Indeed',
      title: '  Senior   Python Developer ',
      company: 'Acme\n3.8',
      location: 'Austin, TX',
      description: '<p>We need 5+ years of experience with Python, Django and AWS. Remote - US.</p>',
      salary_min: '150000',
      salary_max: '180000',
      salary_currency: 'USD',
      salary_period: 'yearly',
      is_remote: 'True',
      job_url: 'https://www.indeed.com/viewjob?jk=123&utm_source=x',
      posted_date: '2026-11-20',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.job).toMatchObject({
      platform: 'indeed',
      external_job_id: 'in-123',
      title: 'Senior Python Developer',
      company: 'Acme',
      salary_min: 150000,
      salary_max: 180000,
      salary_currency: 'USD',
      salary_period: 'year',
      salary_min_annual: 150000,
      experience_min: 5,
      is_remote: true,
      posted_date: '2026-11-20',
      location_city: 'Austin',
      location_region: 'TX',
      location_country: 'US',
    });
    expect(result.job.skills).toEqual(expect.arrayContaining(['Python', 'Django', 'AWS']));
    expect(result.job.keywords.length).toBeGreaterThan(0);
  });

  it('parses the raw salary string when there are no amounts, keeping it in salary_range', () => {
    const result = normalize({ title: 'Data Scientist', salary_range: '$53K-$91K (Glassdoor est.)' });
    expect(result.ok && result.job).toMatchObject({
      salary_range: '$53K-$91K (Glassdoor est.)',
      salary_min: 53000,
      salary_max: 91000,
    });
  });

  it('rejects a row only for a required field', () => {
    const result = normalize({ title: '', salary_min: 'lots', posted_date: 'yesterday-ish' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.field)).toEqual(['title']);
  });

  it('stores a row whose optional fields cannot be read, with those fields null and a warning each', () => {
    const result = normalize({
      title: 'Data Engineer',
      salary_min: 'lots',
      posted_date: 'yesterday-ish',
      job_url: 'javascript:alert(1)',
      salary_range: `$${'9'.repeat(300)}`,
      company: `Acme ${'Holdings '.repeat(40)}`,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.job).toMatchObject({
      posted_date: null,
      job_url: null,
      salary_min: null,
      salary_range: null,
    });
    expect(result.job.company!.length).toBeLessThanOrEqual(255);
    expect(result.warnings.map((w) => w.field).sort()).toEqual([
      'company',
      'job_url',
      'posted_date',
      'salary_min',
      'salary_range',
    ]);
  });

  it('reads the salary from the columns, else the salary text, else the description, and says which', () => {
    const columns = normalize({
      title: 'Dev',
      salary_min: '46.23',
      salary_max: '72.23',
      salary_period: 'hourly',
    });
    expect(columns.ok && columns.job).toMatchObject({
      salary_min: 46,
      salary_min_exact: 46.23,
      salary_max_exact: 72.23,
      salary_period: 'hour',
      salary_source: 'columns',
    });
    const text = normalize({ title: 'Dev', salary_range: '£500 - £550 per day' });
    expect(text.ok && text.job).toMatchObject({ salary_min: 500, salary_source: 'salary_text' });
    const description = normalize({
      title: 'Dev',
      description: 'We raised $20M in funding.\n\n**Pay:** ₹8,00,000 - ₹12,00,000 per annum. 401(k).',
    });
    expect(description.ok && description.job).toMatchObject({
      salary_min: 800_000,
      salary_max: 1_200_000,
      salary_currency: 'INR',
      salary_source: 'description',
      salary_range: null,
    });
    const none = normalize({ title: 'Dev', description: 'A great team with 40 hours per week.' });
    expect(none.ok && none.job).toMatchObject({ salary_min: null, salary_source: null });
  });

  it('warns about salary texts with figures that are not a plausible salary, storing none', () => {
    for (const salary_range of ['$1', '$99,999,999', '£50,000 - $70,000']) {
      const result = normalize({ title: 'Dev', salary_range, description: 'Great team.' });
      expect(result.ok && result.job.salary_min, salary_range).toBeNull();
      expect(result.ok && result.warnings.map((w) => w.field)).toEqual(['salary_range']);
    }
    const doe = normalize({ title: 'Dev', salary_range: 'DOE' });
    expect(doe.ok && doe.warnings).toEqual([]);
  });

  it('warns that pay in different currencies stores no salary, from the salary text and from the description', () => {
    const text = normalize({ title: 'Dev', salary_range: '$60,000 or €45,000', description: 'Great team.' });
    expect(text.ok && text.job.salary_min).toBeNull();
    expect(text.ok && text.warnings).toEqual([
      { field: 'salary_range', message: expect.stringMatching(/different currencies/) },
    ]);
    const description = normalize({
      title: 'Dev',
      description: 'Pay: £50,000 - $70,000 depending on location.',
    });
    expect(description.ok && description.job).toMatchObject({ salary_min: null, salary_source: null });
    expect(description.ok && description.warnings).toEqual([
      { field: 'description', message: expect.stringMatching(/different currencies/) },
    ]);
    const single = normalize({ title: 'Dev', description: 'Pay: £50,000 - £70,000.' });
    expect(single.ok && single.warnings).toEqual([]);
  });

  it("fills employment and contract type from JobSpy's job_type and the title", () => {
    const jobType = normalize({ title: 'Dev', employment_type: 'parttime, fulltime' });
    expect(jobType.ok && jobType.job.employment_type).toBe('part-time, full-time');
    const contract = normalize({ title: 'Java Developer (Contract) - C2C' });
    expect(contract.ok && contract.job).toMatchObject({ employment_type: 'contract', contract_type: 'C2C' });
    const w2 = normalize({ title: 'QA Analyst W2 only', employment_type: 'fulltime' });
    expect(w2.ok && w2.job).toMatchObject({ employment_type: 'full-time', contract_type: 'W2' });
    const plain = normalize({ title: 'Contract Manager' });
    expect(plain.ok && plain.job.contract_type).toBeNull();
  });

  it('requires a platform from the row or the import', () => {
    const result = normalizeJobRecord({ title: 'QA Engineer' }, { skills });
    expect(result.ok).toBe(false);
  });

  it('stores formula-looking cells as plain text', () => {
    const result = normalize({ title: '=HYPERLINK("http://evil","x")', company: '+cmd|calc' });
    expect(result.ok && result.job).toMatchObject({
      title: '=HYPERLINK("http://evil","x")',
      company: '+cmd|calc',
    });
  });

  it('derives a stable id from the URL, else from title, company and location', () => {
    const a = normalize({ title: 'Dev', job_url: 'https://Jobs.Example.com/1?utm_source=a#top' });
    const b = normalize({ title: 'Dev', job_url: 'https://jobs.example.com/1?utm_source=b' });
    expect(a.ok && b.ok && a.job.external_job_id === b.job.external_job_id).toBe(true);
    const c = normalize({ title: 'Data  Engineer', company: 'ACME', location: 'Paris' });
    const d = normalize({ title: 'data engineer', company: 'Acme', location: 'paris' });
    expect(c.ok && d.ok && c.job.external_job_id === d.job.external_job_id).toBe(true);
    expect(deriveExternalJobId({ title: 'x' })).toMatch(/^tcl:/);
    expect(canonicalJobUrl('ftp://x')).toBeNull();
  });

  it('strips NUL and control characters PostgreSQL cannot store', () => {
    const result = normalize({ title: 'Java\u0000 Developer\u0007' });
    expect(result.ok && result.job.title).toBe('Java Developer');
  });

  it('never throws, whatever the row holds', () => {
    const field = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.constantFrom('', ' ', '-1', 'NaN', '1e999'),
    );
    fc.assert(
      fc.property(
        fc.record(
          {
            title: field,
            company: field,
            salary_range: field,
            salary_min: field,
            posted_date: field,
            description: field,
          },
          { requiredKeys: [] },
        ),
        (record) => {
          const result = normalize(record);
          if (result.ok) {
            expect(result.job.title.length).toBeGreaterThan(0);
            expect(result.job.skills.every((skill) => skill.length <= 100)).toBe(true);
          } else expect(result.errors.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('parsePostedDate: the shapes files use', () => {
  it.each([
    ['12/17/2024', '2024-12-17'],
    ['17.12.2024', '2024-12-17'],
    ['17/12/24', '2024-12-17'],
    ['Dec 17, 2024', '2024-12-17'],
    ['17 December 2024', '2024-12-17'],
    ['2024-12-17 00:00:00', '2024-12-17'],
  ])('%s → %s', (input, expected) => expect(parsePostedDate(input)).toBe(expected));

  it('counts relative dates back from the reference date', () => {
    const context = { referenceDate: '2024-12-20' };
    expect(parsePostedDate('3 days ago', context)).toBe('2024-12-17');
    expect(parsePostedDate('30+ days ago', context)).toBe('2024-11-20');
    expect(parsePostedDate('today', context)).toBe('2024-12-20');
    expect(parsePostedDate('yesterday', context)).toBe('2024-12-19');
    expect(parsePostedDate('3 days ago')).toBeNull();
  });

  it('resolves day/month order per file from the first row that shows it', () => {
    const evidence = newDateOrderEvidence();
    expect(parsePostedDate('05/06/2024', { evidence })).toBe('2024-05-06');
    expect(parsePostedDate('25/06/2024', { evidence })).toBe('2024-06-25');
    expect(parsePostedDate('05/06/2024', { evidence })).toBe('2024-06-05');
  });

  it('reads every valid date in both numeric orders once the order is known', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1995-01-01'), max: new Date('2090-12-31'), noInvalidDate: true }),
        (date) => {
          const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
          const iso = date.toISOString().slice(0, 10);
          expect(parsePostedDate(`${m}/${d}/${y}`, { evidence: { order: 'mdy' } })).toBe(iso);
          expect(parsePostedDate(`${d}.${m}.${y}`, { evidence: { order: 'dmy' } })).toBe(iso);
        },
      ),
    );
  });
});

describe('parsePostedDate', () => {
  it.each([
    ['2026-05-29T10:28:48Z', '2026-05-29'],
    ['2026-06-02T08:58:57-04:00', '2026-06-02'],
    ['2026/1/5', '2026-01-05'],
    ['2026-02-30', null],
    ['30 days ago', null],
    ['1899-01-01', null],
  ])('%s → %s', (input, expected) => expect(parsePostedDate(input)).toBe(expected));
});

describe('column mappings', () => {
  it('parses field=column lists, with escaped commas', () => {
    expect(parseColumnMapping('title=Job Title, company=Company Name,salary_range=Pay\\, est.')).toEqual({
      title: 'Job Title',
      company: 'Company Name',
      salary_range: 'Pay, est.',
    });
    expect(() => parseColumnMapping('titel=Job Title')).toThrow(MappingError);
    expect(() => parseColumnMapping('title')).toThrow(MappingError);
  });

  it("recognizes JobSpy's columns and Jobmatch's own, and asks for a mapping otherwise", () => {
    const jobspy = [
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
      'description',
    ];
    expect(resolveMapping(jobspy).layout).toBe('jobspy');
    expect(resolveMapping(['title', 'company', 'salary_range']).layout).toBe('jobmatch');
    expect(() => resolveMapping(['Job Title', 'Company Name'])).toThrow(/mapping/);
    expect(() => resolveMapping(['Job Title'], { title: 'Title' })).toThrow(/not in the file/);
    expect(resolveMapping(['Job Title'], { title: 'Job Title' }).layout).toBe('custom');
  });

  it("undoes JobSpy's backslash escaping when asked", () => {
    const row = { site: 'indeed', title: 'Dev', description: '\\\\*\\\\*Overview\\\\*\\\\* C:\\\\temp' };
    expect(applyMapping(row, JOBSPY_MAPPING, { unescapeBackslashes: true }).description).toBe(
      '\\*\\*Overview\\*\\* C:\\temp',
    );
    expect(applyMapping(row, JOBSPY_MAPPING).description).toBe(row.description);
  });

  it('applies a mapping, trimming values and dropping empty ones', () => {
    expect(applyMapping({ site: 'indeed', title: ' Dev ', company: '' }, JOBSPY_MAPPING)).toEqual({
      platform: 'indeed',
      title: 'Dev',
    });
  });
});

describe('JobSpy escapes (mappingOptionsOf, unescapeMarkdown)', () => {
  /** What markdownify does to text an employer typed: a backslash before each Markdown character. */
  const markdownify = (typed: string) => typed.replace(/[*_#+\-.!`[\]()|~>]/g, (char) => `\\${char}`);
  /** What JobSpy's CSV writer does with the backslash as escape character: doubles it. */
  const csvEscape = (text: string) => text.replace(/\\/g, '\\\\');

  it('stores what the employer typed, from a JobSpy CSV or JSON file', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('**Overview**', '_', '- item', '1. two', '#', 'C++', 'text', ' ', '\n'), {
          maxLength: 10,
        }),
        (parts) => {
          const typed = `x${parts.join('')}`;
          const csvRow = { title: 'Dev', description: csvEscape(markdownify(typed)) };
          const jsonRow = { title: 'Dev', description: markdownify(typed) };
          const csv = applyMapping(csvRow, JOBSPY_MAPPING, mappingOptionsOf('jobspy', 'csv'));
          const json = applyMapping(jsonRow, JOBSPY_MAPPING, mappingOptionsOf('jobspy', 'json'));
          expect(csv.description).toBe(typed.trim());
          expect(json.description).toBe(typed.trim());
        },
      ),
    );
  });

  it('keeps backslashes that escape nothing, and other layouts as they are', () => {
    expect(unescapeMarkdown('C:\\jobs \\d 5 \\* 3')).toBe('C:\\jobs \\d 5 * 3');
    expect(mappingOptionsOf('jobmatch', 'csv')).toEqual({});
    expect(applyMapping({ d: '\\*\\*x' }, { description: 'd' }).description).toBe('\\*\\*x');
  });
});

describe('fitLocationList', () => {
  it('keeps whole entries of a long location list and counts the rest', () => {
    const long = Array.from({ length: 20 }, (_, i) => `City ${i}, State, United States`).join('; ');
    const fitted = fitLocationList(long);
    expect(fitted.length).toBeLessThanOrEqual(255);
    expect(fitted).toMatch(/^City 0, State, United States; City 1/);
    expect(fitted).toMatch(/\(\+\d+ more\)$/);
    expect(fitLocationList('Austin, TX')).toBe('Austin, TX');
  });
});
