import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseWorkArrangement, type WorkArrangementInput } from './remote.js';

const arrangement = (input: WorkArrangementInput) => parseWorkArrangement(input).work_arrangement;

describe('parseWorkArrangement', () => {
  it('detects remote phrasing in every field', () => {
    expect(parseWorkArrangement({ location: 'Remote - US' })).toEqual({
      work_arrangement: 'remote',
      is_remote: true,
    });
    expect(arrangement({ title: 'Data Engineer (Remote)' })).toBe('remote');
    expect(arrangement({ description: 'This role is 100% remote.' })).toBe('remote');
    expect(arrangement({ description: 'We are a remote-first company.' })).toBe('remote');
    expect(arrangement({ description: 'Fully remote; WFH with a home office stipend' })).toBe('remote');
    expect(arrangement({ description: 'You can work from home most days' })).toBe('remote');
    expect(arrangement({ workFromHomeType: 'Work from home' })).toBe('remote');
  });

  it('detects hybrid and on-site', () => {
    expect(parseWorkArrangement({ description: 'Hybrid (3 days in office)' })).toEqual({
      work_arrangement: 'hybrid',
      is_remote: false,
    });
    expect(arrangement({ location: 'Austin, TX (Hybrid)' })).toBe('hybrid');
    expect(arrangement({ description: 'This is an on-site role in Berlin.' })).toBe('onsite');
    expect(arrangement({ location: 'In-Office' })).toBe('onsite');
    expect(arrangement({ title: 'Onsite Support Technician' })).toBe('onsite');
  });

  it('honours negations', () => {
    for (const description of [
      'This is not a remote position.',
      'No remote work.',
      'Non-remote role based in Leeds',
      'Remote work is not available for this role.',
    ]) {
      expect(parseWorkArrangement({ description }), description).toEqual({
        work_arrangement: 'onsite',
        is_remote: false,
      });
    }
  });

  it('ignores remote and hybrid used about things', () => {
    expect(
      arrangement({ description: 'Experience with remote sensing and remote monitoring tools.' }),
    ).toBeNull();
    expect(
      arrangement({ description: 'Design hybrid cloud architectures and remote access VPNs.' }),
    ).toBeNull();
    expect(arrangement({ title: 'Remote Sensing Analyst' })).toBeNull();
    expect(arrangement({ title: 'Hybrid Cloud Engineer' })).toBeNull();
  });

  it('lets title/location beat the flag and the flag beat the description', () => {
    expect(arrangement({ location: 'Hybrid', isRemoteFlag: 'true' })).toBe('hybrid');
    expect(arrangement({ isRemoteFlag: 'True', description: 'on-site role' })).toBe('remote');
    expect(arrangement({ isRemoteFlag: '1' })).toBe('remote');
    expect(arrangement({ isRemoteFlag: false })).toBeNull();
    expect(arrangement({ isRemoteFlag: 'false' })).toBeNull();
    expect(arrangement({ location: 'Remote', description: 'This is not a remote position' })).toBe('remote');
  });

  it('never throws', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (title, location, description) => {
        const result = parseWorkArrangement({ title, location, description, isRemoteFlag: description });
        expect(result.is_remote).toBe(result.work_arrangement === 'remote');
      }),
    );
  });

  it('agrees with the isRemote column of real ATS postings', () => {
    const rows = parse(readFileSync(path.resolve(process.cwd(), '../shared/data/jobs/open_jobs_ats.csv')), {
      columns: true,
      skip_empty_lines: true,
    }) as Record<string, string>[];
    const counts = { remote: 0, hybrid: 0, onsite: 0, none: 0 };
    let flaggedRemote = 0;
    let flaggedRemoteFoundFromText = 0;
    let textRemoteNotFlagged = 0;
    for (const row of rows) {
      const fromText = arrangement({ title: row.title, location: row.locations });
      counts[fromText ?? 'none'] += 1;
      if (row.isRemote === 'true') {
        flaggedRemote += 1;
        if (fromText === 'remote') flaggedRemoteFoundFromText += 1;
      } else if (row.isRemote === 'false' && fromText === 'remote') textRemoteNotFlagged += 1;
    }
    console.log(
      `open_jobs_ats: ${rows.length} rows, from title+location: ${JSON.stringify(counts)}; ` +
        `isRemote=true rows: ${flaggedRemote}, of which text says remote: ${flaggedRemoteFoundFromText}; ` +
        `isRemote=false but text says remote: ${textRemoteNotFlagged}`,
    );
    expect(counts.remote).toBeGreaterThan(500);
  });
});

describe('parseWorkArrangement: temporarily remote (issue 13, session 5)', () => {
  it('reads "Temporarily Remote in X" as not a remote job', () => {
    for (const location of ['Temporarily Remote in Austin, TX', 'Temporarily remote in Boston'])
      expect(parseWorkArrangement({ location })).toEqual({ work_arrangement: 'onsite', is_remote: false });
    expect(parseWorkArrangement({ location: 'Remote in Austin, TX' }).is_remote).toBe(true);
  });
});
