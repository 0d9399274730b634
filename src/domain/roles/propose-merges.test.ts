import { describe, expect, it } from 'vitest';
import type { CatalogRole } from './decide-role.js';
import { proposeRelinks, proposeRoleMerges } from './propose-merges.js';

const role = (id: number, name: string, canonical = true, category: string | null = null): CatalogRole => ({
  id,
  name,
  aliases: [],
  canonical,
  category,
});

describe('proposeRoleMerges', () => {
  const seed = new Set(['java developer', 'data engineer', 'blockchain engineer', 'software engineer']);
  const seeded = [
    role(1, 'Java Developer'),
    role(2, 'Data Engineer'),
    role(3, 'Blockchain Engineer'),
    role(4, 'Software Engineer'),
  ];

  it('proposes noisy roles created on the fly for merging into the canonical role their name parses to', () => {
    const proposals = proposeRoleMerges(
      [
        ...seeded,
        role(10, 'Engineer (Kafka, Spark) Data', false),
        role(11, 'Senior Data Engineer Kafka Spark', false),
        role(12, 'Rust Blockchain Engineer', false),
        role(13, 'Java Developer Remote W2', true), // before the canonical flag: not in the seed
        role(14, 'Forward Deployed Engineer', false),
        role(15, 'Account Manager', false, 'non-it'),
      ],
      seed,
    );
    expect(proposals.map((p) => [p.sourceId, p.targetName])).toEqual([
      [11, 'Data Engineer'],
      [12, 'Blockchain Engineer'],
      [13, 'Java Developer'],
    ]);
  });

  it('proposes nothing for a clean taxonomy', () => {
    expect(proposeRoleMerges(seeded, seed)).toEqual([]);
  });
});

describe('proposeRelinks', () => {
  const roles = [
    role(1, 'Backend Developer'),
    role(2, 'Python Developer'),
    role(3, 'Software Engineer'),
    role(4, 'Payments Engineer', false),
  ];
  const link = (
    linkId: number,
    roleId: number,
    inputText: string | null,
    method: string | null = 'alias',
  ) => ({
    linkId,
    candidateId: 100 + linkId,
    roleId,
    inputText,
    method,
  });

  it('re-decides stored texts with the current decider, by the title words only', () => {
    const proposals = proposeRelinks(
      [
        link(1, 1, 'Senior Python Backend Developer (Remote)'),
        link(2, 2, 'Python Developer'),
        link(3, 1, 'Python Backend Developer', 'manual'),
        link(4, 3, null),
        link(5, 3, 'Payments Engineer - Series A'), // a role created on the fly never attracts links
        link(6, 1, 'Staff Engineer', 'vector'),
      ],
      roles,
    );
    expect(proposals.map((p) => [p.linkId, p.fromId, p.toName])).toEqual([[1, 1, 'Python Developer']]);
  });
});
