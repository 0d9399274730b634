import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OUT_OF_REACH } from './location-score.js';
import { assertValidSettings, DEFAULT_SETTINGS, isRecommended, validateWeights } from './settings.js';

describe('scoring settings', () => {
  it('has valid defaults', () => {
    expect(validateWeights(DEFAULT_SETTINGS.weights)).toEqual({ ok: true });
    expect(DEFAULT_SETTINGS.recommendThreshold).toBe(70);
  });

  it('rejects weights out of range, not numbers, or not summing to 1', () => {
    const base = { skill: 0.35, semantic: 0.25, experience: 0.15, location: 0.15, salary: 0.1 };
    expect(validateWeights({ ...base, skill: 0.36 })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('sum'),
    });
    expect(validateWeights({ ...base, skill: -0.1, semantic: 0.7 })).toMatchObject({ ok: false });
    expect(validateWeights({ ...base, skill: 1.2 })).toMatchObject({ ok: false });
    expect(validateWeights({ ...base, salary: Number.NaN })).toMatchObject({ ok: false });
    expect(validateWeights({ skill: 1, semantic: 0, experience: 0, location: 0, salary: 0 })).toEqual({
      ok: true,
    });
  });

  it('accepts any split of 1 into five parts (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 5, maxLength: 5 }), (parts) => {
        const total = parts.reduce((a, b) => a + b, 0);
        fc.pre(total > 0);
        const [skill, semantic, experience, location, salary] = parts.map((p) => p / total) as number[];
        expect(
          validateWeights({
            skill: skill!,
            semantic: semantic!,
            experience: experience!,
            location: location!,
            salary: salary!,
          }),
        ).toEqual({ ok: true });
      }),
    );
  });

  it('throws on invalid settings, a programmer error', () => {
    expect(() => assertValidSettings({ ...DEFAULT_SETTINGS, recommendThreshold: 120 })).toThrow(RangeError);
    expect(() =>
      assertValidSettings({ ...DEFAULT_SETTINGS, semanticCalibrations: { m: { low: 0.8, high: 0.1 } } }),
    ).toThrow(RangeError);
    expect(() => assertValidSettings(DEFAULT_SETTINGS)).not.toThrow();
  });
});

describe('isRecommended', () => {
  it('needs the threshold and a job the candidate could take', () => {
    expect(isRecommended(75, 100, DEFAULT_SETTINGS)).toBe(true);
    expect(isRecommended(69.99, 100, DEFAULT_SETTINGS)).toBe(false);
    // An on-site job in a place the candidate neither lives in nor asks for: never recommended.
    expect(isRecommended(92, OUT_OF_REACH, DEFAULT_SETTINGS)).toBe(false);
    expect(isRecommended(92, 50, DEFAULT_SETTINGS)).toBe(true);
  });
});
