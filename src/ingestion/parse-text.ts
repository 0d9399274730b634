import type { JobRecord, JobRecordField } from '../domain/jobs/job-record.js';
import type { NormalizedJob } from '../domain/jobs/normalize-job.js';
import type { SkillMatcher } from '../domain/skills.js';
import { type JobBatch, newJobBatch } from './job-batch.js';

export const PARSERS = ['salary', 'experience', 'skills', 'keywords', 'remote', 'location'] as const;
export type ParserName = (typeof PARSERS)[number];

/** The import field each parser reads the text as, and the posting columns it fills. */
const PARSER_FIELDS: Readonly<
  Record<ParserName, { field: JobRecordField; columns: readonly (keyof NormalizedJob)[] }>
> = {
  salary: {
    field: 'salary_range',
    columns: [
      'salary_range',
      'salary_min',
      'salary_max',
      'salary_min_exact',
      'salary_max_exact',
      'salary_currency',
      'salary_period',
      'salary_min_annual',
      'salary_max_annual',
      'contract_type',
      'salary_source',
    ],
  },
  experience: {
    field: 'description',
    columns: ['experience_required', 'experience_min', 'experience_max'],
  },
  skills: { field: 'description', columns: ['skills'] },
  keywords: { field: 'title', columns: ['keywords'] },
  remote: { field: 'location', columns: ['is_remote', 'work_arrangement'] },
  location: {
    field: 'location',
    columns: [
      'location',
      'location_city',
      'location_region',
      'location_country',
      'is_remote',
      'work_arrangement',
    ],
  },
};

/** A title that adds nothing to what the parsers find (skills and keywords also read the title). */
const NEUTRAL_TITLE = '-';

/**
 * What the texts of one run share, as the rows of one import file do (the countries seen so far, the day/month
 * order): one `JobBatch`, built as every path that stores jobs builds it.
 */
export type ParseSession = JobBatch;

export function newParseSession(skills: SkillMatcher): ParseSession {
  return newJobBatch({ platform: 'parse', skills });
}

/**
 * What `jobmatch parse KIND TEXT` prints: the text imported as the field KIND reads (a salary text, a
 * description, a location, a title), through the same normalization as an import, and the columns the
 * import would store for it, under the data model's names. The texts of one session are read as the rows of
 * one file (`--stdin`: one text a line).
 */
export function parseText(
  kind: ParserName,
  text: string,
  skills: SkillMatcher,
  session: ParseSession = newParseSession(skills),
): Record<string, unknown> {
  const { field, columns } = PARSER_FIELDS[kind];
  const record: JobRecord = { title: NEUTRAL_TITLE, [field]: text };
  const result = session.normalize(record);
  if (!result.ok) return Object.fromEntries(columns.map((column) => [column, null]));
  return Object.fromEntries(columns.map((column) => [column, result.job[column]]));
}
