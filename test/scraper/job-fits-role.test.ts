import { describe, expect, it } from 'vitest';
import { jobFitsRole } from '../../src/scraper/file-scraper.js';

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
});
