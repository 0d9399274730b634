/** The labelled set of eval/match-set.json and eval/match-judgments.json, and its tuning / held-out split. */
import fs from 'node:fs';
import path from 'node:path';

export type Grade = 0 | 1 | 2;

export interface LabelledResume {
  id: number;
  field: string;
  also: string[];
  level: string;
  profile: string;
}

export interface LabelledPosting {
  source: string;
  row: number;
  field: string;
  also: string[];
  level: string;
}

export interface LabelledSet {
  adjacent: Record<string, string[]>;
  resumes: LabelledResume[];
  postings: LabelledPosting[];
}

/** The README's import mappings. */
export const IMPORT_MAPPINGS: Record<string, { platform: string; map: string }> = {
  'adzuna_uk_jobs.csv': {
    platform: 'adzuna',
    map: 'job_url=job_link,title=job_title,location=location,employment_type=job_employment_type,salary_min=job_min_salary,salary_max=job_max_salary,salary_period=job_salary_period,description=job_description,company=employer_name,posted_date=job_posted_date',
  },
  'glassdoor_ds_jobs.csv': {
    platform: 'glassdoor',
    map: 'title=Job Title,salary_range=Salary Estimate,description=Job Description,company=Company Name,location=Location',
  },
};

const EVAL_DIR = path.resolve(process.cwd(), 'eval');

export function loadMatchSet(): LabelledSet {
  return JSON.parse(fs.readFileSync(path.join(EVAL_DIR, 'match-set.json'), 'utf8')) as LabelledSet;
}

/** resume id -> posting key ("source:row") -> grade; pairs not listed are 0. */
export function loadJudgments(): Map<number, Map<string, Grade>> {
  const file = JSON.parse(fs.readFileSync(path.join(EVAL_DIR, 'match-judgments.json'), 'utf8')) as {
    pairs: { resume: number; posting: string; grade: Grade }[];
  };
  const byResume = new Map<number, Map<string, Grade>>();
  for (const pair of file.pairs) {
    const grades = byResume.get(pair.resume) ?? new Map<string, Grade>();
    byResume.set(pair.resume, grades);
    grades.set(pair.posting, pair.grade);
  }
  return byResume;
}

/**
 * The split, fixed before any tuning: FNV-1a of "resume:<id>", even → tuning, odd → held-out. Only tuning
 * resumes may be looked at while changing the scoring.
 */
export function splitOf(resumeId: number): 'tuning' | 'held-out' {
  let hash = 0x811c9dc5;
  for (const char of `resume:${resumeId}`) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % 2 === 0 ? 'tuning' : 'held-out';
}
