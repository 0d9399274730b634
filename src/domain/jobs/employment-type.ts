/**
 * Employment type from a source's job-type field (JobSpy's `job_type`: "fulltime", "parttime, fulltime",
 * "contract"; Adzuna's "Full-Time") and from contract terms in the title ("Data Engineer (Contract)",
 * "Java Developer - C2C", "W2 only"). The field wins; the title fills it when the field is empty.
 */
import { type ContractType, findContractType } from '../salary.js';

const TYPE_WORDS: ReadonlyArray<readonly [string, RegExp]> = [
  ['full-time', /^(?:full[\s_-]*time|fulltime|permanent|perm)$/i],
  ['part-time', /^(?:part[\s_-]*time|parttime)$/i],
  ['contract', /^(?:contract|contractor|freelance|c2c|w2|1099)$/i],
  ['temporary', /^(?:temporary|temp|fixed[\s_-]*term|ftc)$/i],
  ['internship', /^(?:internship|intern)$/i],
  ['per-diem', /^(?:per[\s_-]*diem|perdiem)$/i],
];

/** "(Contract)", "Contract-to-hire", "C2C", "W2", "1099", "Freelance" in a title. */
const CONTRACT_TITLE_RE = /\b(?:contract(?:[\s-]+to[\s-]+hire)?|contractor|freelance|c2c|w-?2|1099)\b/i;
const TEMPORARY_TITLE_RE = /\b(?:temporary|temp|fixed[\s-]+term|ftc)\b/i;
const PART_TIME_TITLE_RE = /\bpart[\s-]*time\b/i;
const INTERNSHIP_TITLE_RE = /\bintern(?:ship)?\b/i;

const MAX_LENGTH = 50;

export interface EmploymentTerms {
  employment_type: string | null;
  /** W2 / C2C / 1099 stated in the title. */
  contract_type: ContractType | null;
}

function typesOfField(field: string): string[] {
  const types = new Set<string>();
  for (const part of field.split(/\s*[,;/|]\s*/)) {
    const known = TYPE_WORDS.find(([, re]) => re.test(part.trim()));
    if (known) types.add(known[0]);
    else if (part.trim() !== '') types.add(part.trim().toLowerCase());
  }
  return [...types];
}

function typeOfTitle(title: string): string | null {
  if (CONTRACT_TITLE_RE.test(title)) return 'contract';
  if (TEMPORARY_TITLE_RE.test(title)) return 'temporary';
  if (INTERNSHIP_TITLE_RE.test(title)) return 'internship';
  if (PART_TIME_TITLE_RE.test(title)) return 'part-time';
  return null;
}

export function parseEmploymentTerms(field: string | null | undefined, title: string): EmploymentTerms {
  const fromField = field ? typesOfField(field).join(', ') : '';
  const employmentType = fromField !== '' ? fromField : typeOfTitle(title);
  return {
    employment_type: employmentType === null ? null : employmentType.slice(0, MAX_LENGTH),
    contract_type: findContractType(title),
  };
}
