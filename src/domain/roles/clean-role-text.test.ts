import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanRoleText, displayRoleName, validateRoleText } from './clean-role-text.js';

describe('cleanRoleText', () => {
  it.each([
    ['Sr Python Dev', 'python developer', 'senior'],
    ['python engineer II', 'python engineer', 'mid'],
    ['SDE 2', 'software development engineer', 'mid'],
    ['sde2', 'software development engineer', 'mid'],
    ['SWE III', 'software engineer', 'senior'],
    ['Lead .NET Engineer', '.net engineer', 'lead'],
    ['Jr. Java Programmer', 'java developer', 'junior'],
    ['Senior Data Engg', 'data engineer', 'senior'],
    ['k8s devops eng', 'kubernetes devops engineer', null],
    ['Fullstack JS Engr', 'full stack javascript engineer', null],
    ['Full-Stack Developer', 'full stack developer', null],
    ['Front-End Dev', 'frontend developer', null],
    ['FE developer', 'frontend developer', null],
    ['UX/UI Designer', 'ui ux designer', null],
    ['Staff Software Engineer', 'software engineer', 'staff'],
    ['Principal SRE', 'site reliability engineer', 'principal'],
    ['Software Engineer L5', 'software engineer', 'senior'],
    ['Software Engineer, Senior', 'software engineer', 'senior'],
    ['Entry-Level QA Tester', 'qa tester', 'junior'],
    ['Quality Assurance Analyst', 'qa analyst', null],
    ['Associate Developer', 'developer', 'junior'],
    ['Software Engineering Intern', 'software engineering', 'intern'],
    ['Sr. PM', 'project manager', 'senior'],
    ['Salesforce Admin', 'salesforce administrator', null],
    ['DBA', 'database administrator', null],
    ['ML Eng', 'machine learning engineer', null],
    ['Golang Engineer III', 'go engineer', 'senior'],
    ['C# / ASP.NET Developer (Remote)', 'c# asp.net developer', null],
    ['C++ developer', 'c++ developer', null],
    ['Node.js dev', 'node.js developer', null],
    ['VueJS Developer', 'vue.js developer', null],
    ['Sr.Java Developer', 'java developer', 'senior'],
    ['Développeur Java', 'developpeur java', null],
    ['Software Developers', 'software developer', null],
    ['Sys Admin', 'systems administrator', null],
    ['Data Engineer Level 2', 'data engineer', 'mid'],
    ['Senior Lead Engineer', 'engineer', 'lead'],
  ])('%s → %s (%s)', (input, cleaned, seniority) => {
    const result = cleanRoleText(input);
    expect(result.cleaned).toBe(cleaned);
    expect(result.seniority).toBe(seniority);
  });

  it('keeps rank nouns that are the role itself', () => {
    expect(cleanRoleText('Tech Lead').cleaned).toBe('technical lead');
    expect(cleanRoleText('QA Lead').cleaned).toBe('qa lead');
    expect(cleanRoleText('Senior').cleaned).toBe('senior');
  });

  it('does not read a version inside the title as a level', () => {
    expect(cleanRoleText('Web 3 Developer').cleaned).toBe('web 3 developer');
  });

  it('displays technologies and acronyms in their usual casing', () => {
    expect(cleanRoleText('sr. .net / c# dev').display).toBe('.NET C# Developer');
    expect(cleanRoleText('ux ui designer').display).toBe('UI/UX Designer');
    expect(cleanRoleText('javascript developer').display).toBe('JavaScript Developer');
    expect(cleanRoleText('ruby on rails developer').display).toBe('Ruby on Rails Developer');
    expect(displayRoleName('qa automation engineer')).toBe('QA Automation Engineer');
  });

  const roleLikeText = fc.oneof(
    fc.string({ maxLength: 60 }),
    fc
      .array(
        fc.constantFrom(
          'Sr',
          'Senior',
          'Jr.',
          'Lead',
          'Staff',
          'II',
          '3',
          'L5',
          'Dev',
          'Eng',
          'Java',
          'C#',
          '.NET',
          'Node.js',
          'Full-Stack',
          'front end',
          'QA',
          'Quality',
          'Assurance',
          'UX/UI',
          'PM',
          'Remote',
          '(Contract)',
          'Developer',
          'Engineer',
          'Data',
          'k8s',
          'Intern',
          'Level',
          'Associate',
          '&',
          '-',
          ',',
          'dev ops',
        ),
        { minLength: 1, maxLength: 7 },
      )
      .map((words) => words.join(' ')),
  );

  it('never throws and is idempotent', () => {
    fc.assert(
      fc.property(roleLikeText, (text) => {
        const once = cleanRoleText(text);
        const twice = cleanRoleText(once.cleaned);
        expect(twice.cleaned).toBe(once.cleaned);
        expect(cleanRoleText(once.display).cleaned).toBe(once.cleaned);
      }),
      { numRuns: 500 },
    );
  });

  it('is never empty for valid input', () => {
    fc.assert(
      fc.property(roleLikeText, (text) => {
        fc.pre(validateRoleText(text).ok);
        expect(cleanRoleText(text).cleaned.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});

describe('validateRoleText', () => {
  it.each(['', '   ', 'a', '🚀🚀', '!!!', '12345', '--', 'x'.repeat(121)])('rejects %j', (text) => {
    expect(validateRoleText(text).ok).toBe(false);
  });

  it.each(['QA', 'Sr Python Dev', 'C#', 'Go', ' Java Developer ', 'x'.repeat(120)])('accepts %j', (text) => {
    expect(validateRoleText(text)).toEqual({ ok: true });
  });
});
