import { createHash } from 'node:crypto';

/**
 * API keys: a prefix naming the kind (`jm_sk_` scraper, `jm_tk_` tenant) + 43 base62 characters (32 random
 * bytes) + 6 base62 characters of a CRC32 checksum over everything before it. CRC32 detects every change
 * confined to 32 consecutive bits, so any single mistyped or truncated character is rejected by
 * `isWellFormedApiKey` without a database lookup. The checksum is not a secret: it only filters out typos and
 * junk, the random body is the secret. Both kinds have the same shape; the prefix lets a route refuse the
 * other kind before a lookup and lets secret scanners tell them apart.
 */
export const API_KEY_PREFIXES = { scraper: 'jm_sk_', tenant: 'jm_tk_' } as const;
export type ApiKeyKind = keyof typeof API_KEY_PREFIXES;
export const API_KEY_PREFIX = API_KEY_PREFIXES.scraper;
export const API_KEY_RANDOM_BYTES = 32;

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BODY_LENGTH = 43; // 62^43 > 2^256
const CHECKSUM_LENGTH = 6; // 62^6 > 2^32
export const API_KEY_LENGTH = API_KEY_PREFIX.length + BODY_LENGTH + CHECKSUM_LENGTH;

const WELL_FORMED = new RegExp(
  `^(?:${Object.values(API_KEY_PREFIXES).join('|')})[0-9A-Za-z]{${BODY_LENGTH + CHECKSUM_LENGTH}}$`,
);
const DISPLAY_PREFIX_LENGTH = API_KEY_PREFIX.length + 4;

function toBase62(value: bigint, width: number): string {
  let digits = '';
  let rest = value;
  while (rest > 0n) {
    digits = ALPHABET[Number(rest % 62n)] + digits;
    rest /= 62n;
  }
  return digits.padStart(width, '0');
}

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, byte) => {
  let crc = byte;
  for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  return crc >>> 0;
});

/** CRC-32 (IEEE) of an ASCII string. */
function crc32(text: string): number {
  let crc = 0xffffffff;
  for (let index = 0; index < text.length; index++) {
    crc = CRC_TABLE[(crc ^ text.charCodeAt(index)) & 0xff]! ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function checksumOf(keyWithoutChecksum: string): string {
  return toBase62(BigInt(crc32(keyWithoutChecksum)), CHECKSUM_LENGTH);
}

/** A new key from `randomBytes` (pass `crypto.randomBytes`: the key is only as strong as that source). */
export function generateApiKey(
  randomBytes: (size: number) => Uint8Array,
  kind: ApiKeyKind = 'scraper',
): string {
  const bytes = randomBytes(API_KEY_RANDOM_BYTES);
  if (bytes.length !== API_KEY_RANDOM_BYTES) {
    throw new Error(`randomBytes returned ${bytes.length} bytes, expected ${API_KEY_RANDOM_BYTES}`);
  }
  const value = BigInt(`0x${Buffer.from(bytes).toString('hex')}`);
  const withoutChecksum = API_KEY_PREFIXES[kind] + toBase62(value, BODY_LENGTH);
  return withoutChecksum + checksumOf(withoutChecksum);
}

/** The kind a key's prefix names, whether or not the rest is well formed. */
export function apiKeyKindOf(key: string): ApiKeyKind | undefined {
  return (Object.keys(API_KEY_PREFIXES) as ApiKeyKind[]).find((kind) =>
    key.startsWith(API_KEY_PREFIXES[kind]),
  );
}

/**
 * Shape and checksum only (of the given kind, or of any): says nothing about whether the key exists or is
 * active.
 */
export function isWellFormedApiKey(key: unknown, kind?: ApiKeyKind): key is string {
  if (typeof key !== 'string' || !WELL_FORMED.test(key)) return false;
  if (kind !== undefined && !key.startsWith(API_KEY_PREFIXES[kind])) return false;
  const split = key.length - CHECKSUM_LENGTH;
  return checksumOf(key.slice(0, split)) === key.slice(split);
}

/** True when `text` contains something shaped like a key of any kind (refused where keys leak). */
export function containsApiKeyLike(text: string): boolean {
  return Object.values(API_KEY_PREFIXES).some((prefix) => text.includes(prefix));
}

/**
 * What the database stores and looks keys up by. A plain SHA-256 is enough: the key carries 256 random
 * bits, so there is nothing for a slow, salted password hash to protect against.
 */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** A short, non-secret prefix to tell keys apart on screen (reveals about 24 of the 256 random bits). */
export function apiKeyPrefix(key: string): string {
  return key.slice(0, DISPLAY_PREFIX_LENGTH);
}
