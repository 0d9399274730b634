import { describe, expect, it } from 'vitest';
import { loadRoleTitles, pairwiseScore } from '../../scripts/eval-role-clusters.js';

describe('pairwise clustering score of eval:roles', () => {
  it('counts shared, predicted and true pairs', () => {
    // truth {a,a,a,b}; prediction {x,x,y,y}: true pairs 3, predicted 2, shared 1.
    const score = pairwiseScore(['a', 'a', 'a', 'b'], ['x', 'x', 'y', 'y']);
    expect(score).toMatchObject({ truePairs: 3, predictedPairs: 2, sharedPairs: 1 });
    expect(score.precision).toBeCloseTo(0.5);
    expect(score.recall).toBeCloseTo(1 / 3);
    expect(score.f1).toBeCloseTo(0.4);
    expect(pairwiseScore(['a', 'b'], ['x', 'y'])).toMatchObject({ precision: 1, recall: 1 });
  });

  it('reads a labelled set of at least 600 real titles split by source', () => {
    const file = loadRoleTitles();
    expect(file.titles.length).toBeGreaterThanOrEqual(600);
    const sources = new Set(file.titles.map((t) => t.source));
    for (const source of [...file.splits.tune, ...file.splits['held-out']]) expect(sources).toContain(source);
    expect(file.splits.tune.some((s) => file.splits['held-out'].includes(s))).toBe(false);
  });
});
