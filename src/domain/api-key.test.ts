import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  API_KEY_LENGTH,
  API_KEY_PREFIX,
  API_KEY_PREFIXES,
  apiKeyKindOf,
  apiKeyPrefix,
  containsApiKeyLike,
  generateApiKey,
  hashApiKey,
  isWellFormedApiKey,
} from './api-key.js';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const randomBytes = fc.uint8Array({ minLength: 32, maxLength: 32 });
const keyFrom = (bytes: Uint8Array) => generateApiKey(() => bytes);

describe('generateApiKey', () => {
  it('produces well-formed keys of a fixed length', () => {
    fc.assert(
      fc.property(randomBytes, (bytes) => {
        const key = keyFrom(bytes);
        expect(key.startsWith(API_KEY_PREFIX)).toBe(true);
        expect(key).toHaveLength(API_KEY_LENGTH);
        expect(isWellFormedApiKey(key)).toBe(true);
      }),
    );
  });

  it('handles the extreme byte values', () => {
    for (const fill of [0, 255])
      expect(isWellFormedApiKey(keyFrom(new Uint8Array(32).fill(fill)))).toBe(true);
  });

  it('maps different random bytes to different keys', () => {
    fc.assert(
      fc.property(randomBytes, randomBytes, (a, b) => {
        fc.pre(Buffer.compare(a, b) !== 0);
        expect(keyFrom(a)).not.toBe(keyFrom(b));
      }),
    );
  });

  it('asks for 32 bytes and refuses a short random source', () => {
    const sizes: number[] = [];
    generateApiKey((size) => {
      sizes.push(size);
      return new Uint8Array(size);
    });
    expect(sizes).toEqual([32]);
    expect(() => generateApiKey(() => new Uint8Array(16))).toThrow(/expected 32/);
  });
});

describe('isWellFormedApiKey', () => {
  it('detects any single-character substitution', () => {
    fc.assert(
      fc.property(
        randomBytes,
        fc.nat(),
        fc.constantFrom(...`${BASE62}_-+/= `),
        (bytes, position, replacement) => {
          const key = keyFrom(bytes);
          const index = position % key.length;
          fc.pre(key[index] !== replacement);
          const altered = key.slice(0, index) + replacement + key.slice(index + 1);
          expect(isWellFormedApiKey(altered)).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('detects a swap of two adjacent different characters', () => {
    fc.assert(
      fc.property(randomBytes, fc.nat(), (bytes, position) => {
        const key = keyFrom(bytes);
        const index = API_KEY_PREFIX.length + (position % (key.length - API_KEY_PREFIX.length - 1));
        fc.pre(key[index] !== key[index + 1]);
        const swapped = key.slice(0, index) + key[index + 1] + key[index] + key.slice(index + 2);
        expect(isWellFormedApiKey(swapped)).toBe(false);
      }),
    );
  });

  it('rejects truncated, extended and padded keys', () => {
    const key = keyFrom(new Uint8Array(32).fill(7));
    for (const bad of [key.slice(0, -1), `${key}0`, ` ${key}`, `${key}\n`, key.toUpperCase()]) {
      expect(isWellFormedApiKey(bad)).toBe(false);
    }
  });

  it('rejects junk without throwing', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(isWellFormedApiKey(value)).toBe(false);
      }),
    );
    for (const junk of ['', API_KEY_PREFIX, 'Bearer', 'jm_sk_'.padEnd(API_KEY_LENGTH, '0')]) {
      expect(isWellFormedApiKey(junk)).toBe(false);
    }
  });
});

describe('hashApiKey and apiKeyPrefix', () => {
  it('hashes to 64 lowercase hex characters, deterministically', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(hashApiKey(text)).toMatch(/^[0-9a-f]{64}$/);
        expect(hashApiKey(text)).toBe(hashApiKey(text));
      }),
    );
    expect(hashApiKey('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('shows a short prefix that does not reveal the key', () => {
    const key = keyFrom(new Uint8Array(32).fill(42));
    expect(apiKeyPrefix(key)).toBe(key.slice(0, 10));
    expect(apiKeyPrefix(key).startsWith(API_KEY_PREFIX)).toBe(true);
  });

  it('spots key-like text inside a longer string', () => {
    expect(containsApiKeyLike(`/x?q=${keyFrom(new Uint8Array(32))}`)).toBe(true);
    expect(containsApiKeyLike('/x?q=hello')).toBe(false);
  });
});

describe('tenant keys', () => {
  const tenantKeyFrom = (bytes: Uint8Array) => generateApiKey(() => bytes, 'tenant');

  it('have the same shape as scraper keys under their own prefix, and are told apart by it', () => {
    fc.assert(
      fc.property(randomBytes, (bytes) => {
        const key = tenantKeyFrom(bytes);
        expect(key.startsWith(API_KEY_PREFIXES.tenant)).toBe(true);
        expect(key).toHaveLength(API_KEY_LENGTH);
        expect(isWellFormedApiKey(key)).toBe(true);
        expect(isWellFormedApiKey(key, 'tenant')).toBe(true);
        expect(isWellFormedApiKey(key, 'scraper')).toBe(false);
        expect(isWellFormedApiKey(keyFrom(bytes), 'tenant')).toBe(false);
        expect(apiKeyKindOf(key)).toBe('tenant');
        expect(apiKeyKindOf(keyFrom(bytes))).toBe('scraper');
        expect(containsApiKeyLike(`x${key}`)).toBe(true);
      }),
    );
  });

  it('cannot be turned into the other kind by editing the prefix: the checksum covers it', () => {
    fc.assert(
      fc.property(randomBytes, (bytes) => {
        const tenant = tenantKeyFrom(bytes);
        const relabelled = API_KEY_PREFIXES.scraper + tenant.slice(API_KEY_PREFIXES.tenant.length);
        expect(isWellFormedApiKey(relabelled)).toBe(false);
      }),
    );
  });
});
