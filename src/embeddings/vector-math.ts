/** Pure helpers for dense vectors. Vectors are Float32Array; inputs are never mutated. */

export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new RangeError(`dimension mismatch: ${a.length} vs ${b.length}`);
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

export function norm(v: ArrayLike<number>): number {
  return Math.sqrt(dot(v, v));
}

/** Scales to unit length; a zero (or non-finite) vector stays all zeros rather than becoming NaN. */
export function normalize(v: ArrayLike<number>): Float32Array {
  const length = norm(v);
  const out = new Float32Array(v.length);
  if (!(length > 0) || !Number.isFinite(length)) return out;
  for (let i = 0; i < v.length; i++) out[i] = v[i]! / length;
  return out;
}

/** Cosine similarity in [-1, 1]; 0 when either vector is zero. */
export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const denominator = norm(a) * norm(b);
  if (!(denominator > 0)) return 0;
  return Math.max(-1, Math.min(1, dot(a, b) / denominator));
}

/**
 * pgvector text literal, e.g. '[0.1,-0.25,0]'. Float32 values are written with the shortest decimal
 * that reads back to the same float32 (at most 9 significant digits), so the text round-trips exactly.
 */
export function toPgVectorLiteral(v: ArrayLike<number>): string {
  const parts = new Array<string>(v.length);
  for (let i = 0; i < v.length; i++) parts[i] = shortestFloat32(v[i]!);
  return `[${parts.join(',')}]`;
}

/** Parses pgvector text output ('[1,2.5,-3e-05]'); null when the text is not a vector of finite numbers. */
export function fromPgVector(text: string): Float32Array | null {
  const trimmed = text.trim();
  if (!trimmed.startsWith('[') || !trimmed.endsWith(']')) return null;
  const body = trimmed.slice(1, -1).trim();
  if (body === '') return new Float32Array(0);
  const parts = body.split(',');
  const out = new Float32Array(parts.length);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!.trim();
    const value = part === '' ? Number.NaN : Number(part);
    if (!Number.isFinite(value)) return null;
    out[i] = value;
  }
  return out;
}

/**
 * Parses pgvector's binary form (`vector_send(embedding)`, a bytea: int16 dimensions, int16 unused, then
 * big-endian float4s). Reading this skips formatting and parsing decimal text, as the binary writes do.
 * Null when the bytes are not one whole vector of finite numbers.
 */
export function fromPgVectorBinary(bytes: Uint8Array): Float32Array | null {
  if (bytes.byteLength < 4) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dimensions = view.getInt16(0);
  if (dimensions < 0 || bytes.byteLength !== 4 + dimensions * 4) return null;
  const out = new Float32Array(dimensions);
  for (let i = 0; i < dimensions; i++) {
    const value = view.getFloat32(4 + i * 4);
    if (!Number.isFinite(value)) return null;
    out[i] = value;
  }
  return out;
}

function shortestFloat32(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`pgvector cannot store ${value}`);
  if (value === 0) return '0';
  const target = Math.fround(value);
  // Starting at 6 digits still yields the shortest text: String() drops the trailing zeros of shorter values.
  for (let digits = 6; digits < 9; digits++) {
    const candidate = Number(target.toPrecision(digits));
    if (Math.fround(candidate) === target) return String(candidate);
  }
  return String(Number(target.toPrecision(9)));
}

/** PostgreSQL's type OID of `real` (float4), the element type of the binary arrays below. */
const FLOAT4_OID = 700;

/**
 * Equal-length vectors, one after another, as the binary wire form of a one-dimensional PostgreSQL `real[]`
 * (array_recv: ndim, has-nulls flag, element OID, length and lower bound, then length-prefixed big-endian
 * float4s). Sent as a binary parameter this skips formatting and parsing decimal text; SQL slices the array
 * back into vectors (`arr[(i - 1) * d + 1 : i * d]::vector`). Throws a RangeError for a non-finite value
 * or vectors of different lengths.
 */
export function toFloat4ArrayBinary(vectors: readonly ArrayLike<number>[]): Buffer {
  const dimensions = vectors[0]?.length ?? 0;
  const count = vectors.length * dimensions;
  const bytes = Buffer.allocUnsafe(20 + count * 8);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  view.setInt32(0, 1);
  view.setInt32(4, 0);
  view.setInt32(8, FLOAT4_OID);
  view.setInt32(12, count);
  view.setInt32(16, 1);
  let offset = 20;
  for (const v of vectors) {
    if (v.length !== dimensions) throw new RangeError('vectors of one length expected');
    for (let i = 0; i < dimensions; i++) {
      const value = v[i]!;
      if (!Number.isFinite(value)) throw new RangeError(`pgvector cannot store ${value}`);
      view.setInt32(offset, 4);
      view.setFloat32(offset + 4, value);
      offset += 8;
    }
  }
  return bytes;
}
