import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cosine,
  dot,
  fromPgVector,
  fromPgVectorBinary,
  norm,
  normalize,
  toFloat4ArrayBinary,
  toPgVectorLiteral,
} from './vector-math.js';

const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
const vector = (length: number) => fc.array(finite, { minLength: length, maxLength: length });
const nonZeroVector = (length: number) =>
  vector(length).filter((values) => values.some((value) => Math.abs(value) > 1e-3));
const vectorPair = fc
  .integer({ min: 1, max: 32 })
  .chain((length) => fc.tuple(nonZeroVector(length), nonZeroVector(length)));

describe('normalize', () => {
  it('produces unit length for any non-zero vector and keeps its direction', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 64 }).chain((length) => nonZeroVector(length)),
        (values) => {
          const unit = normalize(values);
          expect(norm(unit)).toBeCloseTo(1, 5);
          expect(cosine(unit, values)).toBeCloseTo(1, 5);
        },
      ),
    );
  });

  it('maps a zero vector to zeros instead of NaN', () => {
    expect([...normalize([0, 0, 0])]).toEqual([0, 0, 0]);
  });
});

describe('cosine and dot', () => {
  it('cosine is symmetric, bounded and equals the dot product of the normalized vectors', () => {
    fc.assert(
      fc.property(vectorPair, ([a, b]) => {
        const c = cosine(a, b);
        expect(c).toBeCloseTo(cosine(b, a), 10);
        expect(Math.abs(c)).toBeLessThanOrEqual(1);
        expect(c).toBeCloseTo(dot(normalize(a), normalize(b)), 4);
      }),
    );
  });

  it('cosine of a vector with itself is 1 and with its negation is -1', () => {
    fc.assert(
      fc.property(nonZeroVector(8), (a) => {
        expect(cosine(a, a)).toBeCloseTo(1, 10);
        expect(
          cosine(
            a,
            a.map((value) => -value),
          ),
        ).toBeCloseTo(-1, 10);
      }),
    );
  });

  it('rejects vectors of different lengths as a programmer error', () => {
    expect(() => dot([1, 2], [1])).toThrow(RangeError);
  });
});

describe('pgvector text', () => {
  it('round-trips float32 vectors exactly (negative zero reads back as zero)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.float({ noNaN: true, noDefaultInfinity: true }), { maxLength: 64 }),
        (values) => {
          const original = Float32Array.from(values, (value) => value + 0);
          expect(fromPgVector(toPgVectorLiteral(original))).toEqual(original);
        },
      ),
    );
  });

  it('writes compact literals', () => {
    expect(toPgVectorLiteral(Float32Array.from([0.1, -0.25, 0, 1]))).toBe('[0.1,-0.25,0,1]');
    expect(toPgVectorLiteral([])).toBe('[]');
  });

  it('parses pgvector output and rejects junk', () => {
    expect(fromPgVector(' [1, 2.5,-3e-05] ')).toEqual(Float32Array.from([1, 2.5, -3e-5]));
    for (const junk of ['', '1,2', '[1,,2]', '[a]', '[1,2', '[NaN]', '[Infinity]']) {
      expect(fromPgVector(junk)).toBeNull();
    }
  });

  it('refuses non-finite values when writing', () => {
    expect(() => toPgVectorLiteral([Number.NaN])).toThrow(RangeError);
  });
});

describe('toFloat4ArrayBinary', () => {
  it('writes the real[] wire form: header, then each value as a length-prefixed big-endian float4', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 8 })
          .chain((length) => fc.array(vector(length), { minLength: 1, maxLength: 4 })),
        (vectors) => {
          const bytes = toFloat4ArrayBinary(vectors);
          const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
          const values = vectors.flat();
          expect([0, 4, 8, 12, 16].map((offset) => view.getInt32(offset))).toEqual([
            1,
            0,
            700,
            values.length,
            1,
          ]);
          expect(bytes.byteLength).toBe(20 + values.length * 8);
          values.forEach((value, i) => {
            expect(view.getInt32(20 + i * 8)).toBe(4);
            expect(view.getFloat32(24 + i * 8)).toBe(Math.fround(value));
          });
        },
      ),
    );
  });

  it('refuses non-finite values and vectors of different lengths', () => {
    expect(() => toFloat4ArrayBinary([[1, Number.POSITIVE_INFINITY]])).toThrow(RangeError);
    expect(() => toFloat4ArrayBinary([[1, 2], [3]])).toThrow(RangeError);
  });
});

/** pgvector's vector_send layout, written from its definition: int16 dimensions, int16 unused, float4s. */
function vectorSend(values: readonly number[]): Uint8Array {
  const bytes = new Uint8Array(4 + values.length * 4);
  const view = new DataView(bytes.buffer);
  view.setInt16(0, values.length);
  for (const [i, value] of values.entries()) view.setFloat32(4 + i * 4, value);
  return bytes;
}

describe('fromPgVectorBinary', () => {
  it('reads every float32 of vector_send output back exactly, at any byte offset', () => {
    fc.assert(
      fc.property(
        fc.array(fc.float({ noNaN: true, noDefaultInfinity: true }), { maxLength: 64 }),
        fc.nat({ max: 7 }),
        (values, pad) => {
          const sent = vectorSend(values);
          const shifted = new Uint8Array(pad + sent.byteLength);
          shifted.set(sent, pad);
          expect(fromPgVectorBinary(shifted.subarray(pad))).toEqual(Float32Array.from(values));
        },
      ),
    );
  });

  it('rejects truncated, overlong and non-finite input', () => {
    const ok = vectorSend([1, 2]);
    expect(fromPgVectorBinary(ok.subarray(0, 3))).toBeNull();
    expect(fromPgVectorBinary(ok.subarray(0, ok.byteLength - 1))).toBeNull();
    expect(fromPgVectorBinary(Uint8Array.from([...ok, 0, 0, 0, 0]))).toBeNull();
    expect(fromPgVectorBinary(vectorSend([1, Number.NaN]))).toBeNull();
    expect(fromPgVectorBinary(vectorSend([]))).toEqual(new Float32Array(0));
  });
});
