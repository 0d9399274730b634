import { z } from 'zod';
import { loadSkillMatcher } from '../skills/skill-dictionary.loader.js';
import { candidateSkillList } from './candidate-skills.js';

export const MAX_SKILLS = 100;
export const MAX_PREFERENCES = 20;

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => (value === '' ? null : value))
    .nullable();

/** Trimmed, blank entries dropped, duplicates (case-insensitive) kept once in first-seen order. */
const textList = (maxItems: number, maxLength: number) =>
  z
    .array(z.string().trim().max(maxLength))
    .max(maxItems)
    .transform((items) => {
      const seen = new Set<string>();
      return items.filter((item) => {
        const key = item.toLowerCase();
        if (item === '' || seen.has(key)) return false;
        seen.add(key);
        return true;
      });
    });

/** A pasted item may hold a whole resume section; it is split into skills, and the result is limited. */
const PASTED_SKILLS_MAX_LENGTH = 5000;
const SKILL_NAME_MAX_LENGTH = 100;

/**
 * Skills as typed or pasted, through the posting dictionary (see `normalizeSkillInput`): "C#.Net, ASP.Net
 * MVC" is stored as C#, .NET, ASP.NET; unknown names are kept as written.
 */
const skillList = z
  .array(z.string().max(PASTED_SKILLS_MAX_LENGTH))
  .max(MAX_SKILLS)
  .transform((items) => candidateSkillList(loadSkillMatcher(), items))
  .pipe(z.array(z.string().max(SKILL_NAME_MAX_LENGTH)).max(MAX_SKILLS, `at most ${MAX_SKILLS} skills`));

export const WORK_MODES = ['remote', 'hybrid', 'onsite'] as const;
export const EMPLOYMENT_TYPES = ['permanent', 'contract', 'c2c', 'w2', '1099'] as const;

/** A set of allowed values: lower-cased, duplicates kept once. */
const choiceList = <T extends string>(values: readonly [T, ...T[]]) =>
  z
    .array(z.string().trim().toLowerCase().pipe(z.enum(values)))
    .max(values.length * 2)
    .transform((items) => [...new Set(items)]);

/** International or national phone numbers: digits with the usual separators, 5 to 20 characters. */
export const PHONE_PATTERN = /^\+?[0-9][0-9 ().\-/]{3,18}[0-9]$/;

/**
 * The candidate fields a recruiter may write. Strict: the tenant, id, status (changed through the workflow),
 * embedding and timestamps are not fields here, and sending one is a 400, never a write.
 */
export const candidateFields = {
  first_name: text(100),
  last_name: text(100),
  email: z.string().trim().toLowerCase().max(255).pipe(z.email()),
  phone: optionalText(20).refine((value) => value === null || PHONE_PATTERN.test(value), {
    message: 'a phone number: digits, spaces and + ( ) . - /',
  }),
  current_title: optionalText(200),
  current_employer: optionalText(200),
  skills: skillList,
  total_experience_years: z.number().int().min(0).max(60).nullable(),
  professional_summary: optionalText(10_000),
  expected_salary: optionalText(100),
  location: optionalText(200),
  preferred_locations: textList(MAX_PREFERENCES, 200),
  preferred_roles: textList(MAX_PREFERENCES, 200),
  work_modes: choiceList(WORK_MODES),
  employment_types: choiceList(EMPLOYMENT_TYPES),
  expected_hourly_rate: optionalText(100),
  open_to_relocation: z.boolean(),
  commute_radius_km: z.number().int().min(1).max(1000).nullable(),
};

export const candidateCreateSchema = z
  .object({
    ...candidateFields,
    phone: candidateFields.phone.optional(),
    current_title: candidateFields.current_title.optional(),
    current_employer: candidateFields.current_employer.optional(),
    skills: candidateFields.skills.default([]),
    total_experience_years: candidateFields.total_experience_years.optional(),
    professional_summary: candidateFields.professional_summary.optional(),
    expected_salary: candidateFields.expected_salary.optional(),
    location: candidateFields.location.optional(),
    preferred_locations: candidateFields.preferred_locations.default([]),
    preferred_roles: candidateFields.preferred_roles.default([]),
    work_modes: candidateFields.work_modes.default([]),
    employment_types: candidateFields.employment_types.default([]),
    expected_hourly_rate: candidateFields.expected_hourly_rate.optional(),
    open_to_relocation: candidateFields.open_to_relocation.default(false),
    commute_radius_km: candidateFields.commute_radius_km.optional(),
  })
  .strict();

export const candidateUpdateSchema = z.object(candidateFields).partial().strict();

export type CandidateCreate = z.output<typeof candidateCreateSchema>;
export type CandidateUpdate = z.output<typeof candidateUpdateSchema>;

/** Fields whose change alters the candidate's embedding or scores. */
export const PROFILE_FIELDS = [
  'current_title',
  'skills',
  'total_experience_years',
  'professional_summary',
  'expected_salary',
  'location',
  'preferred_locations',
  'preferred_roles',
  'work_modes',
  'employment_types',
  'expected_hourly_rate',
  'open_to_relocation',
  'commute_radius_km',
] as const satisfies readonly (keyof CandidateUpdate)[];
