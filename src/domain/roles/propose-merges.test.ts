import { describe, expect, it } from 'vitest';
import type { CatalogRole } from './decide-role.js';
import { proposeRoleMerges } from './propose-merges.js';

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
