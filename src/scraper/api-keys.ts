import { randomBytes as cryptoRandomBytes } from 'node:crypto';
import type { Database, DbContext } from '../db/database.js';
import {
  ANY_TENANT_KEYS,
  type ApiKeyOwner,
  SCRAPER_KEYS,
  type ScraperApiKey,
  scraperApiKeyRepository,
} from '../db/repositories/scraper-api-key.repository.js';
import type { ApiKeyScope } from '../db/schema.js';
import { type ApiKeyKind, generateApiKey, hashApiKey, isWellFormedApiKey } from '../domain/api-key.js';
import { type ListQuery, type ListSpec, pageOfItems } from '../domain/list.js';
import { AppError } from '../errors.js';

export type { ApiKeyOwner, ScraperApiKey };

/*
 * One implementation for both kinds of key: the platform's scraper keys (the default owner) and agencies'
 * keys for the recruiter API (src/tenant-keys, which calls these inside the agency's transaction).
 */

/** What may be shown about a key: never its secret, never its hash. */
export interface ApiKeySummary {
  id: number;
  name: string;
  is_active: boolean;
  created_at: Date | null;
  created_by: number | null;
  last_used_at: Date | null;
  total_requests: number;
  revoked_at: Date | null;
  /** A tenant key's scope; null for scraper keys. */
  scope: ApiKeyScope | null;
}

export const API_KEY_NAME_MAX_LENGTH = 100;

/** The one answer for a missing, malformed, unknown or revoked key: callers cannot tell which. */
export const INVALID_API_KEY_MESSAGE = 'Invalid or missing API key.';

export function invalidApiKeyError(): AppError {
  return new AppError('unauthorized', INVALID_API_KEY_MESSAGE, { headers: { 'WWW-Authenticate': 'Bearer' } });
}

/** Revoked now, or a rotated key whose overlap has ended; a rotated key inside its overlap still works. */
const isRevoked = (key: Pick<ScraperApiKey, 'revoked_at'>) =>
  key.revoked_at !== null && key.revoked_at <= new Date();

export function toApiKeySummary(key: ScraperApiKey): ApiKeySummary {
  return {
    id: key.id,
    name: key.name,
    is_active: key.is_active === true && !isRevoked(key),
    created_at: key.created_at,
    created_by: key.created_by,
    last_used_at: key.last_used_at,
    total_requests: key.total_requests ?? 0,
    revoked_at: key.revoked_at,
    scope: key.scope,
  };
}

// Control, format, private-use and unassigned characters, and line/paragraph separators.
const UNPRINTABLE = /[\p{C}\p{Zl}\p{Zp}]/u;

/** The trimmed, NFC-normalized name, or a `validation_failed` error saying what is wrong. */
export function validateApiKeyName(name: unknown): string {
  const invalid = (message: string) =>
    new AppError('validation_failed', `Invalid API key name: ${message}.`, {
      errors: [{ field: 'name', message }],
    });
  if (typeof name !== 'string') throw invalid('must be a string');
  const trimmed = name.normalize('NFC').trim();
  if (trimmed.length === 0) throw invalid('must not be empty');
  if ([...trimmed].length > API_KEY_NAME_MAX_LENGTH) {
    throw invalid(`must be at most ${API_KEY_NAME_MAX_LENGTH} characters`);
  }
  if (UNPRINTABLE.test(trimmed)) throw invalid('must contain only printable characters');
  return trimmed;
}

export interface CreatedApiKey {
  key: ScraperApiKey;
  /** The plaintext key: shown to its owner once, never stored, never logged. */
  secret: string;
}

export async function createApiKey(
  ctx: DbContext,
  input: { name: string; createdBy?: number | null; owner?: ApiKeyOwner; scope?: ApiKeyScope },
  randomBytes: (size: number) => Uint8Array = cryptoRandomBytes,
): Promise<CreatedApiKey> {
  const name = validateApiKeyName(input.name);
  const owner = input.owner ?? SCRAPER_KEYS;
  const secret = generateApiKey(randomBytes, owner.kind);
  const key = await scraperApiKeyRepository(ctx, owner).create({
    key_hash: hashApiKey(secret),
    name,
    created_by: input.createdBy ?? null,
    scope: input.scope ?? null,
  });
  return { key, secret };
}

/** API keys (of either kind) as a list: `q` searches the name; newest first by default. */
export const API_KEY_LIST = {
  search: ['name'],
  sort: {
    created_at: { column: 'created_at', order: 'desc' },
    name: { column: 'name', order: 'asc' },
    last_used_at: { column: 'last_used_at', order: 'desc' },
    total_requests: { column: 'total_requests', order: 'desc' },
  },
  defaultSort: 'created_at',
} as const satisfies ListSpec;
export type ApiKeyListQuery = ListQuery<keyof typeof API_KEY_LIST.sort>;

/** A page of the keys (a short list, read whole). */
export async function listApiKeysPage(
  ctx: DbContext,
  query: ApiKeyListQuery,
  owner: ApiKeyOwner = SCRAPER_KEYS,
): Promise<{ items: ApiKeySummary[]; total: number }> {
  return pageOfItems(await listApiKeys(ctx, owner), API_KEY_LIST, query);
}

/** Newest first. */
export async function listApiKeys(
  ctx: DbContext,
  owner: ApiKeyOwner = SCRAPER_KEYS,
): Promise<ApiKeySummary[]> {
  const keys = await scraperApiKeyRepository(ctx, owner).list();
  return keys.map(toApiKeySummary);
}

export interface RevokedApiKey {
  key: ApiKeySummary;
  /** True when the key had been revoked before this call (revoking is idempotent). */
  alreadyRevoked: boolean;
}

export async function revokeApiKey(
  ctx: DbContext,
  id: number,
  owner: ApiKeyOwner = SCRAPER_KEYS,
): Promise<RevokedApiKey> {
  const keys = scraperApiKeyRepository(ctx, owner);
  const existing = Number.isSafeInteger(id) && id > 0 ? await keys.findById(id) : undefined;
  if (!existing) throw new AppError('not_found', `API key ${id} not found.`);
  const alreadyRevoked = isRevoked(existing);
  const revoked = alreadyRevoked ? existing : await keys.revoke(id);
  if (!revoked) throw new AppError('not_found', `API key ${id} not found.`);
  return { key: toApiKeySummary(revoked), alreadyRevoked };
}

export interface RotatedApiKey extends CreatedApiKey {
  /** The key replaced: it keeps working until its `revoked_at`, so scrapers can switch without a gap. */
  previous: ScraperApiKey;
}

/** A new key with the same name; the old one keeps working for `overlapSeconds`, then is revoked. */
export function rotateApiKey(
  database: Database,
  id: number,
  input: { overlapSeconds: number; createdBy?: number | null },
): Promise<RotatedApiKey> {
  return database.transaction((tx) => rotateApiKeyIn(tx, id, input));
}

/** {@link rotateApiKey} inside the caller's transaction; the new key keeps the old one's name and scope. */
export async function rotateApiKeyIn(
  tx: DbContext,
  id: number,
  input: { overlapSeconds: number; createdBy?: number | null; owner?: ApiKeyOwner },
): Promise<RotatedApiKey> {
  const owner = input.owner ?? SCRAPER_KEYS;
  const keys = scraperApiKeyRepository(tx, owner);
  const existing = await keys.findById(id);
  if (!existing || isRevoked(existing) || !existing.is_active) {
    throw new AppError('not_found', `Active API key ${id} not found.`);
  }
  const previous = await keys.scheduleRevocation(id, input.overlapSeconds);
  if (!previous) throw new AppError('conflict', `API key ${id} is already being rotated.`);
  const created = await createApiKey(tx, {
    name: existing.name,
    createdBy: input.createdBy ?? null,
    owner,
    ...(existing.scope ? { scope: existing.scope } : {}),
  });
  return { ...created, previous };
}

/**
 * The active key of this kind matching `presented`, with this use counted; otherwise the uniform
 * `unauthorized` error. Malformed keys, and keys of the other kind, are refused before any database lookup.
 */
export async function authenticateApiKey(
  ctx: DbContext,
  presented: string | undefined,
  kind: ApiKeyKind = 'scraper',
): Promise<ScraperApiKey> {
  if (!isWellFormedApiKey(presented, kind)) throw invalidApiKeyError();
  const owner = kind === 'scraper' ? SCRAPER_KEYS : ANY_TENANT_KEYS;
  const key = await scraperApiKeyRepository(ctx, owner).useActiveByHash(hashApiKey(presented));
  if (!key) throw invalidApiKeyError();
  return key;
}
