import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreMatch } from './score-match.js';
import { jobSkillProfile, skillKeySet, skillScore } from './skill-score.js';
import {
  categorySpecificity,
  MIN_SPECIFICITY,
  NO_SPECIFICITY,
  skillSpecificity,
  specificityFromFile,
  specificityOf,
  specificityToFile,
  titleWordSpecificity,
} from './skill-specificity.js';
import { titleAgreement, weightedTitleWords } from './title-fit.js';
import type { CandidateFeatures, JobFeatures } from './types.js';

const SKILLS = ['Python', 'SQL', 'Excel', 'Selenium', 'Tosca', 'SAP', 'Salesforce', 'OSPF', 'Java'];
const CATEGORIES = new Map([
  ['Python', 'Programming language'],
  ['SQL', 'Programming language'],
  ['Java', 'Programming language'],
  ['Selenium', 'Testing tool'],
  ['Tosca', 'Testing tool'],
  ['SAP', 'Business application'],
  ['Salesforce', 'Business application'],
]);

const arbitraryPostings = fc.array(
  fc.record({
    title: fc.constantFrom('Data Engineer', 'Test Analyst', 'SAP Consultant', 'Network Engineer', ''),
    skills: fc.subarray(SKILLS),
  }),
  { maxLength: 30 },
);

describe('skill specificity', () => {
  it('counts each skill, title word and category once per posting', () => {
    const table = skillSpecificity(
      [
        { title: 'Data Engineer', skills: ['Python', 'python', 'SQL'] },
        { title: 'Data Analyst', skills: ['SQL', 'Excel'] },
      ],
      CATEGORIES,
    );
    expect(table.documents).toBe(2);
    expect(table.frequency.get('python')).toBe(1);
    expect(table.frequency.get('sql')).toBe(2);
    expect(table.titleFrequency.get('data')).toBe(2);
    expect(table.categoryFrequency.get('Programming language')).toBe(2);
  });

  it('is 1 for everything without a corpus', () => {
    expect(specificityOf(NO_SPECIFICITY, 'sql')).toBe(1);
    expect(titleWordSpecificity(NO_SPECIFICITY, 'data')).toBe(1);
  });

  it('stays in [MIN_SPECIFICITY, 1] and falls as more postings name the skill', () => {
    fc.assert(
      fc.property(arbitraryPostings, fc.constantFrom(...SKILLS), (postings, skill) => {
        const table = skillSpecificity(postings, CATEGORIES);
        const key = skill.toLowerCase();
        const value = specificityOf(table, key);
        expect(value).toBeGreaterThanOrEqual(MIN_SPECIFICITY - 1e-12);
        expect(value).toBeLessThanOrEqual(1);
        const more = skillSpecificity([...postings, { title: '', skills: [skill] }], CATEGORIES);
        const other = SKILLS.find((s) => s !== skill)!.toLowerCase();
        // One more posting naming the skill: the skill gets more common relative to one it does not name.
        expect(specificityOf(more, key) - specificityOf(more, other)).toBeLessThanOrEqual(
          specificityOf(table, key) - specificityOf(table, other) + 1e-12,
        );
      }),
    );
  });

  it('survives the file round trip', () => {
    fc.assert(
      fc.property(arbitraryPostings, (postings) => {
        const table = skillSpecificity(postings, CATEGORIES);
        const back = specificityFromFile(JSON.parse(JSON.stringify(specificityToFile(table))));
        for (const skill of SKILLS) {
          expect(specificityOf(back, skill.toLowerCase())).toBe(specificityOf(table, skill.toLowerCase()));
        }
        expect(categorySpecificity(back, 'Testing tool')).toBe(categorySpecificity(table, 'Testing tool'));
      }),
    );
  });

  it('makes a posting of common skills count for less of the stack than a rare one', () => {
    const table = skillSpecificity(
      [
        ...Array.from({ length: 50 }, () => ({ title: 'Data Analyst', skills: ['SQL', 'Excel'] })),
        { title: 'Network Engineer', skills: ['OSPF', 'SQL'] },
      ],
      CATEGORIES,
    );
    const weigh = {
      specificity: (key: string) => specificityOf(table, key),
      category: () => null,
      categorySpecificity: () => 0,
    };
    const job = jobSkillProfile(['SQL', 'OSPF'], [], 'Network Engineer', weigh);
    expect(skillScore(skillKeySet(['OSPF']), job)).toBeGreaterThan(skillScore(skillKeySet(['SQL']), job));
  });
});

describe('related skills', () => {
  const table = skillSpecificity(
    [
      { title: 'QA', skills: ['Selenium'] },
      ...Array.from({ length: 9 }, () => ({ title: 'x', skills: ['SQL'] })),
    ],
    CATEGORIES,
  );
  const weigh = {
    specificity: (key: string) => specificityOf(table, key),
    category: (key: string) => table.category.get(key) ?? null,
    categorySpecificity: (category: string) => categorySpecificity(table, category),
  };

  it('gives part credit for another skill of the category, never more than the skill itself', () => {
    const job = jobSkillProfile(['Selenium', 'SQL'], [], 'Test Engineer', weigh);
    const none = skillScore(skillKeySet(['Excel']), job);
    const related = skillScore(skillKeySet(['Tosca']), job, new Set(['Testing tool']));
    const exact = skillScore(skillKeySet(['Selenium']), job, new Set(['Testing tool']));
    expect(none).toBe(0);
    expect(related).toBeGreaterThan(0);
    expect(exact).toBeGreaterThan(related);
  });
});

const candidate = (skills: string[], title: string | null): CandidateFeatures => ({
  id: 1,
  current_title: title,
  skills,
  total_experience_years: null,
  location: null,
  preferred_locations: [],
  open_to_remote: true,
  expected_salary: null,
  embedding: null,
  embedding_model: null,
});
const posting = (title: string, skills: string[]): JobFeatures => ({
  id: 1,
  title,
  skills,
  experience_min: null,
  experience_max: null,
  is_remote: false,
  work_arrangement: null,
  location_city: null,
  location_region: null,
  location_country: null,
  salary_min_annual: null,
  salary_max_annual: null,
  salary_currency: null,
  embedding: null,
  embedding_model: null,
});

describe('scoring with a specificity table', () => {
  // From no skills to one the posting does not ask for reveals a mismatch (the skill component gains evidence);
  // any other added skill can only cover more.
  it('never lowers the score when a candidate with skills adds one, or adds a skill the posting asks for', () => {
    fc.assert(
      fc.property(
        arbitraryPostings,
        fc.subarray(SKILLS),
        fc.subarray(SKILLS),
        fc.constantFrom(...SKILLS),
        fc.constantFrom('Data Engineer', 'Test Analyst', 'Senior SAP Consultant', 'QA'),
        (postings, had, asked, added, title) => {
          fc.pre(had.length > 0 || asked.includes(added));
          const table = skillSpecificity(postings, CATEGORIES);
          const job = posting(title, asked);
          const before = scoreMatch(candidate(had, 'Analyst'), job, undefined, table);
          const after = scoreMatch(candidate([...had, added], 'Analyst'), job, undefined, table);
          expect(after.match_score).toBeGreaterThanOrEqual(before.match_score);
          if (before.skill_match_score !== null)
            expect(after.skill_match_score!).toBeGreaterThanOrEqual(before.skill_match_score);
        },
      ),
    );
  });

  it('title agreement grows with covered words and stays within 0-100', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('Senior Test Automation Engineer', 'Data Analyst', 'SAP FI/CO Consultant - Finance'),
        fc.subarray(['test', 'automation', 'engine', 'data', 'analyst', 'sap', 'fi', 'co', 'consultant']),
        fc.constantFrom('test', 'data', 'sap', 'consultant'),
        (title, words, more) => {
          const job = weightedTitleWords(title);
          const before = titleAgreement(job, new Set(words));
          const after = titleAgreement(job, new Set([...words, more]));
          if (before === null) return;
          expect(before).toBeGreaterThanOrEqual(0);
          expect(after!).toBeLessThanOrEqual(100);
          expect(after!).toBeGreaterThanOrEqual(before);
        },
      ),
    );
  });
});
