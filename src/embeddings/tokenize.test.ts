import { describe, expect, it } from 'vitest';
import { featureKey, tokenize, tokenParts } from './tokenize.js';

describe('tokenize', () => {
  it('lower-cases and keeps technology names whole', () => {
    expect(tokenize('C++/C# and .NET Core, Node.js; ASP.NET MVC.')).toEqual([
      'c++',
      'c#',
      'and',
      '.net',
      'core',
      'node.js',
      'asp.net',
      'mvc',
    ]);
  });

  it('expands title abbreviations', () => {
    expect(tokenize('Sr. Python Dev')).toEqual(['senior', 'python', 'developer']);
    expect(tokenize('Jr Eng / Engr, IT Mgr, sysadmin, admin')).toEqual([
      'junior',
      'engineer',
      'engineer',
      'it',
      'manager',
      'system',
      'administrator',
      'administrator',
    ]);
  });

  it('drops numbers, punctuation and possessives', () => {
    expect(tokenize("Salary: $120,000 - 5+ years at the company's office...")).toEqual([
      'salary',
      'years',
      'at',
      'the',
      'company',
      'office',
    ]);
    expect(tokenize('  ... --- !!! ')).toEqual([]);
  });

  it('does not treat Object prototype names as abbreviations', () => {
    expect(tokenize('constructor toString')).toEqual(['constructor', 'tostring']);
  });
});

describe('tokenParts and featureKey', () => {
  it('splits compound tokens for word lookup', () => {
    expect(tokenParts('node.js')).toEqual(['node', 'js']);
    expect(tokenParts('front-end')).toEqual(['front', 'end']);
  });

  it('folds hyphens and plurals for hashed features', () => {
    expect(featureKey('front-end')).toBe(featureKey('frontend'));
    expect(featureKey('developers')).toBe('developer');
    expect(featureKey('technologies')).toBe('technology');
    expect(featureKey('business')).toBe('business');
    expect(featureKey('c#')).toBe('c#');
  });
});
