import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadSkillMatcher } from '../skills/skill-dictionary.loader.js';
import { normalizeSkillInput } from './skill-input.js';

const matcher = loadSkillMatcher();
const normalize = (...items: string[]) => normalizeSkillInput(matcher, items);

describe('normalizeSkillInput', () => {
  it('splits a pasted resume line into dictionary skills', () => {
    expect(normalize('Microsoft Technologies C#.Net, WPF, WCF, ASP.Net MVC, Web API')).toEqual([
      'C#',
      '.NET',
      'WPF',
      'WCF',
      'ASP.NET',
      'Web API',
    ]);
  });

  it('drops list labels and duration notes, and reads bullets and slashes between spaces', () => {
    expect(normalize('• Programming language: C, C++, Java\n• Teradata / Jcl')).toEqual([
      'C',
      'C++',
      'Java',
      'Teradata',
      'JCL',
    ]);
    expect(normalize('CSS (Less than 1 year), DHCP (2 years)')).toEqual(['CSS', 'DHCP']);
  });

  it('maps aliases to canonical names and keeps names made of symbols whole', () => {
    expect(normalize('k8s', 'PL/SQL', 'CI/CD', 'js')).toEqual([
      'Kubernetes',
      'PL/SQL',
      'CI/CD',
      'JavaScript',
    ]);
  });

  it('keeps unknown names as free skills, and drops prose', () => {
    expect(
      normalize('Nintex workflows', 'Good communication skills and the ability to work in a team'),
    ).toEqual(['Nintex workflows']);
  });

  it('is idempotent and never duplicates a skill', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('C#.Net', 'python, SQL', 'k8s', 'Kubernetes', 'Nintex', 'R', ' / ', ''), {
          maxLength: 6,
        }),
        (items) => {
          const once = normalizeSkillInput(matcher, items);
          expect(normalizeSkillInput(matcher, once)).toEqual(once);
          expect(new Set(once.map((s) => s.toLowerCase())).size).toBe(once.length);
        },
      ),
    );
  });
});
