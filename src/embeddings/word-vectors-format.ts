/**
 * Binary layout of assets/word-vectors.bin (little-endian), pure encode/decode on byte arrays:
 *   "JMWV" | u32 version | u32 headerBytes | header JSON | pad4
 *   u32 vocabBytes | words joined by "\n" (UTF-8, most frequent first) | pad4
 *   f32 scale[count] | f32 sifWeight[count] | i8 value[count * dimensions]
 * Each vector is int8-quantized with its own scale: value = int8 * scale.
 */

const MAGIC = 'JMWV';
const VERSION = 1;

export interface WordVectorHeader {
  dimensions: number;
  count: number;
  /** SIF weight for words missing from the vocabulary (they are rarer than every listed word). */
  unknownWordWeight: number;
  [extra: string]: unknown;
}

export interface WordVectorTable {
  header: WordVectorHeader;
  words: string[];
  /** count x dimensions, row-major, dequantized. */
  vectors: Float32Array;
  /** SIF weight a / (a + p(w)) per word. */
  weights: Float32Array;
}

export function encodeWordVectors(table: WordVectorTable): Uint8Array {
  const { header, words, vectors, weights } = table;
  const { dimensions, count } = header;
  if (words.length !== count || weights.length !== count || vectors.length !== count * dimensions) {
    throw new RangeError('word vector table sizes disagree with its header');
  }
  if (words.some((word) => word.includes('\n'))) throw new RangeError('words must not contain newlines');
  const encoder = new TextEncoder();
  const headerBytes = encoder.encode(JSON.stringify(header));
  const vocabBytes = encoder.encode(words.join('\n'));
  const headerEnd = align4(12 + headerBytes.length);
  const vocabEnd = align4(headerEnd + 4 + vocabBytes.length);
  const scalesOffset = vocabEnd;
  const weightsOffset = scalesOffset + 4 * count;
  const valuesOffset = weightsOffset + 4 * count;
  const bytes = new Uint8Array(valuesOffset + count * dimensions);
  const view = new DataView(bytes.buffer);
  bytes.set(encoder.encode(MAGIC), 0);
  view.setUint32(4, VERSION, true);
  view.setUint32(8, headerBytes.length, true);
  bytes.set(headerBytes, 12);
  view.setUint32(headerEnd, vocabBytes.length, true);
  bytes.set(vocabBytes, headerEnd + 4);
  const values = new Int8Array(bytes.buffer, valuesOffset, count * dimensions);
  for (let row = 0; row < count; row++) {
    let maxAbs = 0;
    for (let d = 0; d < dimensions; d++) maxAbs = Math.max(maxAbs, Math.abs(vectors[row * dimensions + d]!));
    const scale = maxAbs > 0 ? maxAbs / 127 : 1;
    view.setFloat32(scalesOffset + 4 * row, scale, true);
    view.setFloat32(weightsOffset + 4 * row, weights[row]!, true);
    for (let d = 0; d < dimensions; d++) {
      values[row * dimensions + d] = Math.round(vectors[row * dimensions + d]! / scale);
    }
  }
  return bytes;
}

/** Throws on a corrupt or foreign file: the asset ships with the code, so that is a programmer error. */
export function decodeWordVectors(bytes: Uint8Array): WordVectorTable {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const decoder = new TextDecoder();
  if (decoder.decode(bytes.subarray(0, 4)) !== MAGIC) throw new Error('not a word-vectors file (bad magic)');
  const version = view.getUint32(4, true);
  if (version !== VERSION) throw new Error(`unsupported word-vectors version ${version}`);
  const headerLength = view.getUint32(8, true);
  const header = JSON.parse(decoder.decode(bytes.subarray(12, 12 + headerLength))) as WordVectorHeader;
  const { dimensions, count } = header;
  const headerEnd = align4(12 + headerLength);
  const vocabLength = view.getUint32(headerEnd, true);
  const words = decoder.decode(bytes.subarray(headerEnd + 4, headerEnd + 4 + vocabLength)).split('\n');
  const scalesOffset = align4(headerEnd + 4 + vocabLength);
  const weightsOffset = scalesOffset + 4 * count;
  const valuesOffset = weightsOffset + 4 * count;
  if (words.length !== count || bytes.length !== valuesOffset + count * dimensions) {
    throw new Error('word-vectors file is truncated or inconsistent');
  }
  const weights = new Float32Array(count);
  const vectors = new Float32Array(count * dimensions);
  const values = new Int8Array(bytes.buffer, bytes.byteOffset + valuesOffset, count * dimensions);
  for (let row = 0; row < count; row++) {
    const scale = view.getFloat32(scalesOffset + 4 * row, true);
    weights[row] = view.getFloat32(weightsOffset + 4 * row, true);
    for (let i = row * dimensions; i < (row + 1) * dimensions; i++) vectors[i] = values[i]! * scale;
  }
  return { header, words, vectors, weights };
}

function align4(offset: number): number {
  return (offset + 3) & ~3;
}
