import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobPostingRepository } from '../../src/db/repositories/job-posting.repository.js';
import { unescapeMarkdown } from '../../src/domain/jobs/column-mapping.js';
import { newJobBatch } from '../../src/ingestion/job-batch.js';
import { loadSkillMatcher } from '../../src/skills/skill-dictionary.loader.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

const migration = readFileSync(
  new URL('../../migrations/0027_jobspy_markdown_escapes.sql', import.meta.url),
  'utf8',
).split('--> statement-breakpoint');

describe('migration 0027: JobSpy descriptions stored before the import undid their escapes', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it('rewrites stored descriptions as the import now stores them, and leaves others alone', async () => {
    const descriptions = fc.sample(
      fc
        .array(
          fc.constantFrom('\\', '\\\\', '*', '_', '#', '-', '.', 'a', ' ', '\n', 'C:\\jobs', '5 \\* 3'),
          {
            maxLength: 12,
          },
        )
        .map((parts) => `x${parts.join('')}`),
      { numRuns: 60, seed: 27 },
    );
    const samples = [
      '\\\\*\\\\*Overview\\\\*\\\\*\nPay: $46.23 an hour',
      '\\*\\*Overview\\*\\*',
      'snake\\_case and C:\\jobs',
      'No escapes: C:\\jobs \\d',
      ...descriptions,
    ];
    const batch = newJobBatch({ platform: 'mig27', skills: loadSkillMatcher() });
    const jobs = samples.map((description, index) => {
      const result = batch.normalize({ title: 'Dev', external_job_id: `m-${index}`, description });
      if (!result.ok) throw new Error('sample did not normalize');
      return result.job;
    });
    await jobPostingRepository(database).upsertMany(jobs, {});
    for (const statement of migration) await database.sql.query(statement);
    const { rows } = await database.sql.query<{ external_job_id: string; description: string }>(
      `SELECT external_job_id, description FROM job_postings WHERE platform = 'mig27'`,
    );
    const stored = new Map(rows.map((row) => [row.external_job_id, row.description]));
    jobs.forEach((job, index) => {
      const before = job.description!;
      const expected = /\\[*_]/.test(before) ? unescapeMarkdown(before) : before;
      expect(stored.get(`m-${index}`)).toBe(expected);
    });
    expect(stored.get('m-0')).toBe('**Overview**\nPay: $46.23 an hour');
    expect(stored.get('m-3')).toBe('No escapes: C:\\jobs \\d');
  });
});
