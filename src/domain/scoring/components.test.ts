import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  COMPONENT_KEYS,
  type ComponentEvidence,
  type ComponentScores,
  combineComponents,
} from './components.js';
import { DEFAULT_WEIGHTS } from './settings.js';

const scores = fc.record(
  Object.fromEntries(COMPONENT_KEYS.map((k) => [k, fc.integer({ min: 0, max: 100 })])) as Record<
    keyof ComponentScores,
    fc.Arbitrary<number>
  >,
);
const evidence = fc.record(
  Object.fromEntries(COMPONENT_KEYS.map((k) => [k, fc.constantFrom(0, 0.25, 1)])) as Record<
    keyof ComponentEvidence,
    fc.Arbitrary<number>
  >,
);

describe('combineComponents', () => {
  it('is the plain weighted sum when everything has evidence', () => {
    const all = { skill: 80, experience: 100, location: 50, salary: 0, semantic: 60 };
    const full = { skill: 1, experience: 1, location: 1, salary: 1, semantic: 1 };
    expect(combineComponents(all, full, DEFAULT_WEIGHTS)).toEqual({
      match_score: 0.35 * 80 + 0.15 * 100 + 0.15 * 50 + 0 + 0.25 * 60,
      confidence: 1,
      signals: 5,
    });
  });

  it('ignores the score of any component without evidence', () => {
    fc.assert(
      fc.property(
        scores,
        evidence,
        fc.constantFrom(...COMPONENT_KEYS),
        fc.integer({ min: 0, max: 100 }),
        (s, e, key, other) => {
          const blind = { ...e, [key]: 0 };
          expect(combineComponents({ ...s, [key]: other }, blind, DEFAULT_WEIGHTS)).toEqual(
            combineComponents(s, blind, DEFAULT_WEIGHTS),
          );
        },
      ),
    );
  });

  it('stays in 0-100, and a known condition can never lift a pair above its fit and conditions', () => {
    fc.assert(
      fc.property(scores, evidence, (s, e) => {
        const { match_score } = combineComponents(s, e, DEFAULT_WEIGHTS);
        expect(match_score).toBeGreaterThanOrEqual(0);
        expect(match_score).toBeLessThanOrEqual(100);
        // Without fit evidence the fit part counts as 0 with its full weight.
        const noFit = combineComponents(s, { ...e, skill: 0, semantic: 0 }, DEFAULT_WEIGHTS);
        expect(noFit.match_score).toBeLessThanOrEqual(40.01);
      }),
    );
  });
});
