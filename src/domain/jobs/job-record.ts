/**
 * The fields a job import understands, whatever the file's layout: a file's columns are mapped onto
 * these names (JobSpy's CSV, Jobmatch's own schema, or a user mapping), then parsed into a posting.
 */
export const JOB_RECORD_FIELDS = [
  'external_job_id',
  'platform',
  'title',
  'company',
  'location',
  'description',
  'requirements',
  'salary_range',
  'salary_min',
  'salary_max',
  'salary_currency',
  'salary_period',
  'experience_required',
  'skills',
  'is_remote',
  'work_arrangement',
  'job_url',
  'posted_date',
  'employment_type',
] as const;

export type JobRecordField = (typeof JOB_RECORD_FIELDS)[number];

/** One input row after mapping: raw text per field (absent or empty when the source has none). */
export type JobRecord = Partial<Record<JobRecordField, string>>;

export function isJobRecordField(name: string): name is JobRecordField {
  return (JOB_RECORD_FIELDS as readonly string[]).includes(name);
}
