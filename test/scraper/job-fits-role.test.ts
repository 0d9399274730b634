import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jobFitsRole } from '../../src/scraper/file-scraper.js';

const seed = JSON.parse(readFileSync('assets/role-seed.json', 'utf8')) as {
  roles: { name: string; aliases: string[]; category: string }[];
};
const seeded = (name: string) => {
  const found = seed.roles.find((r) => r.name === name)!;
  return {
    id: 7,
    name,
    aliases: found.aliases,
    category: found.category,
    priority: 'normal',
    candidate_count: 1,
  };
};

const role = (name: string, aliases: string[] = []) => ({
  id: 1,
  name,
  aliases,
  category: null,
  priority: 'normal',
  candidate_count: 1,
});

describe('the reference scraper title filter', () => {
  const softwareEngineer = role('Software Engineer', ['Software Developer', 'Software Development Engineer']);

  it('keeps postings whose parsed role is the claimed role', () => {
    expect(jobFitsRole('Senior Software Engineer, Payments (Remote)', softwareEngineer)).toBe(true);
    expect(jobFitsRole('Software Developer III - W2', softwareEngineer)).toBe(true);
    expect(jobFitsRole('Partner Solutions Architect (Colombia)', role('Solutions Architect'))).toBe(true);
  });

  it('drops postings that only share a bare role noun with the role', () => {
    for (const title of [
      'Robotics Hardware Testing Engineer',
      'Quality Engineer',
      'Mechanical Engineer',
      'Staff Engineer',
      'Sales Engineer - Ohio Valley',
      'Civil Engineer',
    ]) {
      expect(jobFitsRole(title, softwareEngineer), title).toBe(false);
    }
    expect(jobFitsRole('Account Manager', role('IT Manager'))).toBe(false);
    expect(jobFitsRole('Java AQA', role('Java Developer'))).toBe(false);
  });

  it('compares parsed parts with the seeded role and its aliases, not bare function words', () => {
    const softwareEngineer = seeded('Software Engineer');
    expect(softwareEngineer.aliases).not.toContain('Engineer');
    for (const title of [
      'Robotics Hardware Testing Engineer',
      'Quality Engineer',
      'Data Engineer',
      'Engineer',
      'Developer',
      'Coder',
      'Senior Java Developer',
      'Blockchain Threat Investigator',
    ]) {
      expect(jobFitsRole(title, softwareEngineer), title).toBe(false);
    }
    for (const title of ['Senior Software Engineer', 'Computer Programmer II (Remote)', 'Software Developer'])
      expect(jobFitsRole(title, softwareEngineer), title).toBe(true);
    const javaDeveloper = seeded('Java Developer');
    expect(jobFitsRole('Senior Java Software Engineer - Hybrid', javaDeveloper)).toBe(true);
    expect(jobFitsRole('Java Developer', javaDeveloper)).toBe(true);
    expect(jobFitsRole('Team Lead Java', javaDeveloper)).toBe(true);
    expect(jobFitsRole('Python Developer', javaDeveloper)).toBe(false);
    const blockchain = seeded('Blockchain Engineer');
    expect(blockchain.aliases).not.toContain('Blockchain Threat Investigator');
    expect(jobFitsRole('Blockchain Threat Investigator', blockchain)).toBe(false);
    expect(jobFitsRole('Blockchain Developer', blockchain)).toBe(true);
  });
});
