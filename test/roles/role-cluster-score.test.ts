import { describe, expect, it } from 'vitest';
import {
  bcubedScore,
  loadRoleTitles,
  pairwiseScore,
  perTextAccuracy,
} from '../../scripts/eval-role-clusters.js';

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

  it('scores B-cubed per item, singletons included', () => {
    // truth {a,a,a,b}; prediction {x,x,y,y}. Precision per item: 1, 1, 1/2, 1/2; recall: 2/3, 2/3, 1/3, 1.
    const score = bcubedScore(['a', 'a', 'a', 'b'], ['x', 'x', 'y', 'y']);
    expect(score.precision).toBeCloseTo(3 / 4);
    expect(score.recall).toBeCloseTo(8 / 12);
    expect(score.f1).toBeCloseTo((2 * 0.75 * (2 / 3)) / (0.75 + 2 / 3));
    // All singletons, each alone: perfect, where pairwise has no pair to count.
    expect(bcubedScore(['a', 'b', 'c'], ['x', 'y', 'z'])).toEqual({ precision: 1, recall: 1, f1: 1 });
    // Everything in one role: recall 1, precision the chance of a same-cluster neighbour.
    expect(bcubedScore(['a', 'b'], ['x', 'x']).precision).toBeCloseTo(0.5);
  });

  it('reads per-text accuracy through one role per cluster', () => {
    // a → x (2 of 3), b → y; x cannot also be b's role.
    expect(perTextAccuracy(['a', 'a', 'a', 'b'], ['x', 'x', 'y', 'y'])).toBeCloseTo(3 / 4);
    expect(perTextAccuracy(['a', 'b'], ['x', 'x'])).toBeCloseTo(1 / 2);
    expect(perTextAccuracy(['a', 'a'], [null, null])).toBe(0);
  });

  it('reads a labelled set of at least 600 real titles split by source', () => {
    const file = loadRoleTitles();
    expect(file.titles.length).toBeGreaterThanOrEqual(600);
    const sources = new Set(file.titles.map((t) => t.source));
    for (const source of [...file.splits.tune, ...file.splits['held-out']]) expect(sources).toContain(source);
    expect(file.splits.tune.some((s) => file.splits['held-out'].includes(s))).toBe(false);
  });
});
