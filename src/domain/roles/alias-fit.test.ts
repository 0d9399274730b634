import { describe, expect, it } from 'vitest';
import { aliasDisagreement, aliasesMeaning, synonymDisagreement } from './alias-fit.js';

describe('aliasDisagreement', () => {
  it('accepts titles whose parsed parts are the role', () => {
    expect(aliasDisagreement('Blockchain Developer', 'Blockchain Engineer')).toBeNull();
    expect(aliasDisagreement('Java Software Engineer', 'Java Developer')).toBeNull();
    expect(aliasDisagreement('Oracle DBA', 'Database Administrator')).toBeNull();
    expect(aliasDisagreement('SDET', 'QA Automation Engineer')).toBeNull();
    expect(aliasDisagreement('CTO', 'IT Manager')).toBeNull();
  });

  it('refuses bare role nouns', () => {
    for (const noun of ['Engineer', 'Developer', 'Coder', 'Programmer', 'Analyst', 'Specialist'])
      expect(aliasDisagreement(noun, 'Software Engineer'), noun).toMatch(/alone names no role/);
  });

  it('refuses aliases whose parts disagree with the role', () => {
    expect(aliasDisagreement('Blockchain Threat Investigator', 'Blockchain Engineer')).toMatch(
      /no role noun/,
    );
    expect(aliasDisagreement('Quality Engineer', 'Software Engineer')).not.toBeNull();
    expect(aliasDisagreement('Robotics Hardware Testing Engineer', 'Software Engineer')).not.toBeNull();
    expect(aliasDisagreement('Data Engineer', 'Java Developer')).toMatch(/specialty \(java\)/);
    expect(aliasDisagreement('SAP Analyst', 'SAP Consultant')).toMatch(/function/);
    expect(aliasDisagreement('Information Technology Account Manager', 'IT Manager')).toMatch(/outside IT/);
    expect(aliasDisagreement('Java Developer (Remote)', 'Java Developer')).toMatch(/noise/);
  });

  it('lets a reviewed synonym differ in parts, never in cleanliness', () => {
    expect(synonymDisagreement('Product Designer', 'UI/UX Designer')).toBeNull();
    expect(synonymDisagreement('Designer', 'UI/UX Designer')).not.toBeNull();
    expect(synonymDisagreement('Webmaster', 'Web Developer')).not.toBeNull();
  });
});

describe('aliasesMeaning', () => {
  it('keeps, in order, only the names that mean the role', () => {
    expect(
      aliasesMeaning(
        [
          'Python Software Developer',
          'Senior Data Engineer (Kafka, Spark) Remote',
          'Kotlin Backend Developer',
          'Python Programmer',
        ],
        'Python Developer',
      ),
    ).toEqual(['Python Software Developer', 'Python Programmer']);
    expect(aliasesMeaning(['Senior Data Engineer (Kafka, Spark) Remote'], 'Data Engineer')).toEqual([]);
  });
});
