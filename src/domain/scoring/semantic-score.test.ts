import { describe, expect, it } from 'vitest';
import { calibrateCosine, DEFAULT_CALIBRATION, embeddingProfile, scoreSemantic } from './semantic-score.js';

const vector = (...values: number[]) => Float32Array.from(values);
const profile = (values: number[], model: string | null = 'm1') => embeddingProfile(vector(...values), model);

describe('semantic score', () => {
  it('maps cosine through the calibration, not x 100', () => {
    expect(calibrateCosine(0.1)).toBe(0);
    expect(calibrateCosine(0.45)).toBeCloseTo(50, 10);
    expect(calibrateCosine(0.8)).toBeCloseTo(100, 10);
    expect(calibrateCosine(0.95)).toBe(100);
    expect(calibrateCosine(-0.4)).toBe(0);
    expect(calibrateCosine(0.5, { low: 0, high: 1 })).toBe(50);
    expect(() => calibrateCosine(0.5, { low: 0.5, high: 0.5 })).toThrow(RangeError);
    expect(DEFAULT_CALIBRATION).toEqual({ low: 0.1, high: 0.8 });
  });

  it('compares vectors of the same model, whatever their length', () => {
    expect(scoreSemantic(profile([1, 0]), profile([2, 0]))).toEqual({ score: 100, cosine: 1 });
    const related = scoreSemantic(profile([1, 0]), profile([0.5, Math.sqrt(0.75)]));
    expect(related.cosine).toBeCloseTo(0.5, 6);
    expect(related.score).toBeCloseTo(57.14, 1);
    expect(scoreSemantic(profile([1, 0]), profile([0, 1]))).toEqual({ score: 0, cosine: 0 });
  });

  it('is neutral when the models differ, a vector is missing, empty or zero, or dimensions differ', () => {
    const neutral = { score: 50, cosine: null };
    expect(scoreSemantic(profile([1, 0], 'm1'), profile([1, 0], 'm2'))).toEqual(neutral);
    expect(scoreSemantic(profile([1, 0], null), profile([1, 0], null))).toEqual(neutral);
    expect(scoreSemantic(embeddingProfile(null, 'm1'), profile([1, 0]))).toEqual(neutral);
    expect(scoreSemantic(profile([0, 0]), profile([1, 0]))).toEqual(neutral);
    expect(scoreSemantic(profile([]), profile([]))).toEqual(neutral);
    expect(scoreSemantic(profile([1, 0, 0]), profile([1, 0]))).toEqual(neutral);
    expect(scoreSemantic(profile([Number.NaN, 1]), profile([1, 0]))).toEqual(neutral);
  });
});
