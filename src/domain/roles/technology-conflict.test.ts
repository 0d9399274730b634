import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectRoleFacets, rolesConflict, TECHNOLOGY_TOKENS } from './technology-conflict.js';

describe('rolesConflict', () => {
  it.each([
    ['Java Developer', 'Python Developer'],
    ['Data Engineer', 'Software Engineer'],
    ['React Developer', 'Angular Developer'],
    ['Salesforce Developer', 'Salesforce Administrator'],
    ['Project Manager', 'Product Manager'],
    ['Product Owner', 'Product Manager'],
    ['Java Developer', 'JavaScript Developer'],
    ['iOS Developer', 'Android Developer'],
    ['Mobile Developer', 'iOS Developer'],
    ['Data Scientist', 'Data Engineer'],
    ['Data Analyst', 'Business Analyst'],
    ['Frontend Developer', 'Backend Developer'],
    ['Full Stack Developer', 'Frontend Developer'],
    ['AWS Engineer', 'Azure Engineer'],
    ['Cloud Engineer', 'AWS Engineer'],
    ['QA Automation Engineer', 'QA Engineer'],
    ['Network Engineer', 'Network Administrator'],
    ['DevOps Engineer', 'Site Reliability Engineer'],
    ['Software Engineer', 'Software Architect'],
    ['Kubernetes Engineer', 'Terraform Engineer'],
    ['Power BI Developer', 'BI Developer'],
    ['Tableau Developer', 'Power BI Developer'],
    ['C Developer', 'C++ Developer'],
    ['R&D Engineer', 'R Developer'],
  ])('%s ≠ %s', (a, b) => {
    expect(rolesConflict(a, b)).toBe(true);
    expect(rolesConflict(b, a)).toBe(true);
  });

  it.each([
    ['Java Developer', 'Sr. Java Programmer'],
    ['Java Developer', 'Java Software Engineer'],
    ['C# Developer', '.NET Developer'],
    ['Golang Engineer', 'Go Developer'],
    ['Spring Boot Developer', 'Java Developer'],
    ['Django Developer', 'Python Developer'],
    ['k8s devops eng', 'DevOps Engineer'],
    ['AWS Cloud Engineer', 'AWS Engineer'],
    ['React.js Frontend Developer', 'React Developer'],
    ['Software Developer', 'Software Engineer'],
    ['Linux Administrator', 'Systems Administrator'],
    ['Help Desk Analyst', 'Help Desk Specialist'],
    ['TypeScript Developer', 'JavaScript Developer'],
    ['Sr Python Dev', 'python engineer II'],
  ])('%s ~ %s', (a, b) => {
    expect(rolesConflict(a, b)).toBe(false);
  });

  it('never conflicts a role with itself', () => {
    const words = fc.constantFrom(
      'Senior',
      'Java',
      'Python',
      'Data',
      'Engineer',
      'Developer',
      'QA',
      'Cloud',
      'AWS',
      'Manager',
      'Project',
      'Salesforce',
      'Administrator',
      'Frontend',
      'Foo',
    );
    fc.assert(
      fc.property(
        fc.array(words, { maxLength: 6 }).map((w) => w.join(' ')),
        (text) => {
          expect(rolesConflict(text, text)).toBe(false);
          expect(rolesConflict(text, text.toUpperCase())).toBe(false);
        },
      ),
    );
  });

  it('is symmetric', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(rolesConflict(a, b)).toBe(rolesConflict(b, a));
      }),
    );
  });
});

describe('detectRoleFacets', () => {
  it('reads specialities, implied specialities, tools and functions', () => {
    const facets = detectRoleFacets('Senior Spring Boot Backend Developer');
    expect([...facets.specialities].sort()).toEqual(['backend', 'java']);
    expect([...facets.tools]).toEqual(['spring']);
    expect([...facets.functions]).toEqual(['build']);
  });

  it('keeps words outside the lexicon apart', () => {
    expect(detectRoleFacets('Lotus Notes Developer').otherTokens).toEqual(['lotus', 'notes']);
  });

  it('knows technology tokens', () => {
    for (const token of ['java', 'python', 'c#', '.net', 'react', 'salesforce', 'aws']) {
      expect(TECHNOLOGY_TOKENS.has(token)).toBe(true);
    }
    expect(TECHNOLOGY_TOKENS.has('developer')).toBe(false);
  });
});
