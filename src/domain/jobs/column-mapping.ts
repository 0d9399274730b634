import { isJobRecordField, JOB_RECORD_FIELDS, type JobRecord, type JobRecordField } from './job-record.js';

/** Which source column feeds each job field. */
export type ColumnMapping = Partial<Record<JobRecordField, string>>;

export type Layout = 'jobspy' | 'jobmatch' | 'custom';

/** JobSpy's CSV output, unchanged (python-jobspy `scrape_jobs(...).to_csv()`). */
export const JOBSPY_MAPPING: ColumnMapping = {
  external_job_id: 'id',
  platform: 'site',
  title: 'title',
  company: 'company',
  location: 'location',
  description: 'description',
  salary_min: 'min_amount',
  salary_max: 'max_amount',
  salary_currency: 'currency',
  salary_period: 'interval',
  experience_required: 'experience_range',
  skills: 'skills',
  is_remote: 'is_remote',
  work_arrangement: 'work_from_home_type',
  job_url: 'job_url',
  posted_date: 'date_posted',
  employment_type: 'job_type',
};

const JOBSPY_SIGNATURE = ['site', 'job_url', 'title', 'company', 'min_amount', 'max_amount', 'interval'];

/** Jobmatch's own job schema: the field names themselves (the scraper API accepts the same). */
export const JOBMATCH_MAPPING: ColumnMapping = Object.fromEntries(
  JOB_RECORD_FIELDS.map((field) => [field, field]),
);

export class MappingError extends Error {}

/**
 * Parses `title=Job Title,company=Company Name`. Column names may contain spaces; a comma or `=` inside
 * one is written with a backslash (`salary_range=Pay\, est.`).
 */
export function parseColumnMapping(text: string): ColumnMapping {
  const mapping: ColumnMapping = {};
  const pairs = text
    .split(/(?<!\\),/)
    .map((pair) => pair.trim())
    .filter(Boolean);
  if (pairs.length === 0) throw new MappingError('The column mapping is empty.');
  for (const pair of pairs) {
    const separator = pair.search(/(?<!\\)=/);
    if (separator <= 0) throw new MappingError(`"${pair}" is not field=column.`);
    const field = pair.slice(0, separator).trim();
    const column = pair
      .slice(separator + 1)
      .trim()
      .replace(/\\([,=])/g, '$1');
    if (!isJobRecordField(field)) throw new MappingError(`Unknown job field "${field}".`);
    if (!column) throw new MappingError(`No column given for "${field}".`);
    mapping[field] = column;
  }
  return mapping;
}

/**
 * Picks the layout from the header: an explicit mapping wins, then JobSpy's, then Jobmatch's own. A CSV
 * header lists every column; the keys of a JSON document's first records may not (`headersComplete: false`),
 * so there missing keys are not errors and Jobmatch's own field names are all kept.
 */
export function resolveMapping(
  headers: readonly string[],
  explicit?: ColumnMapping,
  options: { headersComplete?: boolean } = {},
): { layout: Layout; mapping: ColumnMapping } {
  const headersComplete = options.headersComplete ?? true;
  const present = new Set(headers);
  if (explicit) {
    const missing = headersComplete
      ? Object.entries(explicit).filter(([, column]) => !present.has(column!))
      : [];
    if (missing.length > 0) {
      throw new MappingError(
        `Mapped column(s) not in the file: ${missing.map(([field, column]) => `${field}=${column}`).join(', ')}. ` +
          `The file has: ${headers.join(', ')}.`,
      );
    }
    if (!explicit.title) throw new MappingError('The mapping must name the column for "title".');
    return { layout: 'custom', mapping: explicit };
  }
  if (JOBSPY_SIGNATURE.every((column) => present.has(column)))
    return { layout: 'jobspy', mapping: JOBSPY_MAPPING };
  if (!headersComplete) return { layout: 'jobmatch', mapping: JOBMATCH_MAPPING };
  if (present.has('title')) {
    const mapping = Object.fromEntries(
      Object.entries(JOBMATCH_MAPPING).filter(([, column]) => present.has(column!)),
    ) as ColumnMapping;
    return { layout: 'jobmatch', mapping };
  }
  throw new MappingError(
    `Unrecognized columns (${headers.slice(0, 12).join(', ')}${headers.length > 12 ? ', ...' : ''}). ` +
      'Give a column mapping, e.g. --map "title=Job Title,company=Company Name".',
  );
}

/** How a layout's values are read: which of its escapes `applyMapping` undoes. */
export interface MappingOptions {
  /** The file's escape character is the backslash: a backslash in the data is doubled in the file. */
  unescapeBackslashes?: boolean;
  /** The description is markdownify output whose escapes of the employer's own characters are undone. */
  unescapeMarkdown?: boolean;
}

/**
 * JobSpy's files: its CSV is written with the backslash as escape character (`\\*\\*Overview` in the file for
 * the text `\*\*Overview`), and its descriptions are HTML turned into Markdown by markdownify, which escapes
 * every `*`, `_` (and other Markdown punctuation) the employer typed. Those characters were the employer's own
 * plain-text formatting ("**Overview**" typed in a job board's text box), so the import stores them as typed and
 * the web app renders them as Markdown: bold "Overview". `format`: the file's format (only CSV has the escape
 * character).
 */
export function mappingOptionsOf(layout: Layout, format: string): MappingOptions {
  return layout === 'jobspy' ? { unescapeBackslashes: format === 'csv', unescapeMarkdown: true } : {};
}

/**
 * A backslash (or a run of them, from a file whose escape character was not honoured) before ASCII punctuation:
 * a Markdown escape. Migration 0027 applies the same expression to stored JobSpy descriptions.
 */
const MARKDOWN_ESCAPE = /\\+([\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e])/g;

/** The text with its Markdown escapes undone (`\*\*Overview\*\*` → `**Overview**`); other backslashes kept. */
export function unescapeMarkdown(text: string): string {
  return text.replace(MARKDOWN_ESCAPE, '$1');
}

/**
 * Applies a mapping to one source row; values are kept as text, trimmed, empty ones dropped, with the layout's
 * escapes undone (`mappingOptionsOf`).
 */
export function applyMapping(
  row: Record<string, unknown>,
  mapping: ColumnMapping,
  options: MappingOptions = {},
): JobRecord {
  const record: JobRecord = {};
  for (const [field, column] of Object.entries(mapping) as [JobRecordField, string][]) {
    const value = row[column];
    if (value === undefined || value === null) continue;
    const joined = Array.isArray(value) ? value.join(', ') : String(value).trim();
    const text = options.unescapeBackslashes ? joined.replace(/\\\\/g, '\\') : joined;
    const markdown =
      options.unescapeMarkdown && (field === 'description' || field === 'requirements')
        ? unescapeMarkdown(text)
        : text;
    if (markdown !== '') record[field] = markdown;
  }
  return record;
}
