import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientKeyOf, createFailedAuthLimiter } from '../../src/accounts/failed-auth-limiter.js';
import { runCli } from '../../src/cli/program.js';
import { parseConfig } from '../../src/config/config.js';
import { generateApiKey, hashApiKey, isWellFormedApiKey } from '../../src/domain/api-key.js';
import { redactCredentialsInUrl, urlCarriesCredential } from '../../src/domain/credentials-in-url.js';
import { AppError } from '../../src/errors.js';
import { type App, buildApp } from '../../src/http/app.js';
import { KEY_IN_URL_MESSAGE, scraperAuth } from '../../src/http/scraper-auth.js';
import {
  authenticateApiKey,
  createApiKey,
  INVALID_API_KEY_MESSAGE,
  listApiKeys,
  revokeApiKey,
  validateApiKeyName,
} from '../../src/scraper/api-keys.js';
import { runCliOn } from '../support/cli.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { silentLogger } from '../support/logger.js';

const wellFormedUnknownKey = generateApiKey((size) => new Uint8Array(size).fill(9));

async function expectUnauthorized(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect(error).toMatchObject({ code: 'unauthorized', message: INVALID_API_KEY_MESSAGE });
}

describe('scraper API key use cases', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it('creates a key whose secret is returned once and only its hash is stored', async () => {
    const { key, secret } = await createApiKey(database, { name: '  LinkedIn scraper  ' });
    expect(isWellFormedApiKey(secret)).toBe(true);
    expect(key).toMatchObject({ name: 'LinkedIn scraper', key_hash: hashApiKey(secret), is_active: true });
    const { rows } = await database.sql.query('SELECT * FROM scraper_api_keys');
    expect(JSON.stringify(rows)).not.toContain(secret);
  });

  it('validates names: trimmed, 1-100 printable characters', () => {
    expect(validateApiKeyName(' cafe\u0301 ')).toBe('caf\u00e9');
    expect(validateApiKeyName('ü'.repeat(100))).toHaveLength(100);
    for (const bad of ['', '   ', 'x'.repeat(101), 'tab\there', 'bell\u0007', 'rtl\u202eoverride', 42]) {
      expect(() => validateApiKeyName(bad)).toThrow(expect.objectContaining({ code: 'validation_failed' }));
    }
  });

  it('lists keys without secrets or hashes', async () => {
    const { secret } = await createApiKey(database, { name: 'listed' });
    const listed = await listApiKeys(database);
    expect(listed[0]).toEqual({
      id: expect.any(Number),
      name: 'listed',
      is_active: true,
      created_at: expect.any(Date),
      created_by: null,
      last_used_at: null,
      total_requests: 0,
      revoked_at: null,
      scope: null,
    });
    expect(JSON.stringify(listed)).not.toContain(hashApiKey(secret));
  });

  it('authenticates an active key and counts its use', async () => {
    const { key, secret } = await createApiKey(database, { name: 'counting' });
    await authenticateApiKey(database, secret);
    const used = await authenticateApiKey(database, secret);
    expect(used.id).toBe(key.id);
    expect(used.total_requests).toBe(2);
    expect(used.last_used_at).toBeInstanceOf(Date);
  });

  it('refuses missing, malformed, unknown and revoked keys with the same error', async () => {
    const { key, secret } = await createApiKey(database, { name: 'to revoke' });
    await revokeApiKey(database, key.id);
    const tampered = `${secret.slice(0, -1)}${secret.endsWith('0') ? '1' : '0'}`;
    for (const presented of [undefined, '', 'garbage', tampered, wellFormedUnknownKey, secret]) {
      await expectUnauthorized(authenticateApiKey(database, presented));
    }
  });

  it('revokes idempotently and reports unknown ids as not found', async () => {
    const { key } = await createApiKey(database, { name: 'revoked twice' });
    const first = await revokeApiKey(database, key.id);
    expect(first.alreadyRevoked).toBe(false);
    expect(first.key).toMatchObject({ is_active: false, revoked_at: expect.any(Date) });
    const second = await revokeApiKey(database, key.id);
    expect(second).toEqual({ key: first.key, alreadyRevoked: true });
    await expect(revokeApiKey(database, 999_999)).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('failed authentication limiter', () => {
  const clock = (start = 1_000_000) => {
    let time = start;
    return { now: () => time, advance: (ms: number) => (time += ms) };
  };

  it('blocks a client for a whole window once it reaches the limit', () => {
    const { now, advance } = clock();
    const limiter = createFailedAuthLimiter({ limit: 3, windowMs: 60_000, now });
    limiter.recordFailure('10.0.0.1');
    limiter.recordFailure('10.0.0.1');
    expect(limiter.blockedForMs('10.0.0.1')).toBe(0);
    advance(1000);
    limiter.recordFailure('10.0.0.1');
    expect(limiter.blockedForMs('10.0.0.1')).toBe(60_000);
    expect(limiter.blockedForMs('10.0.0.2')).toBe(0);
    advance(59_999);
    expect(limiter.blockedForMs('10.0.0.1')).toBe(1);
    advance(1);
    expect(limiter.blockedForMs('10.0.0.1')).toBe(0);
    expect(limiter.size).toBe(0);
  });

  it('counts only the failures inside the sliding window', () => {
    const { now, advance } = clock();
    const limiter = createFailedAuthLimiter({ limit: 3, windowMs: 60_000, now });
    for (let attempt = 0; attempt < 10; attempt++) {
      limiter.recordFailure('10.0.0.1');
      advance(30_001);
      expect(limiter.blockedForMs('10.0.0.1')).toBe(0);
    }
  });

  it('keeps memory bounded, forgetting the least recently seen clients', () => {
    const limiter = createFailedAuthLimiter({ limit: 2, windowMs: 60_000, maxClients: 100, now: () => 0 });
    limiter.recordFailure('10.0.0.1');
    limiter.recordFailure('10.0.0.1');
    for (let client = 0; client < 1000; client++)
      limiter.recordFailure(`192.168.${client >> 8}.${client & 255}`);
    expect(limiter.size).toBe(100);
    expect(limiter.blockedForMs('10.0.0.1')).toBe(0);
  });

  it('is configured from the environment, defaulting to 20 failures per 5 minutes', () => {
    expect(parseConfig({}).auth).toEqual({ failureLimit: 20, failureWindowMs: 300_000 });
    const env = { JOBMATCH_AUTH_FAILURES_PER_WINDOW: '5', JOBMATCH_AUTH_FAILURE_WINDOW_SECONDS: '60' };
    expect(parseConfig(env).auth).toEqual({ failureLimit: 5, failureWindowMs: 60_000 });
    expect(() => parseConfig({ JOBMATCH_AUTH_FAILURES_PER_WINDOW: '0' })).toThrow(/FAILURES_PER_WINDOW/);
  });

  it('groups IPv6 clients by /64 and unwraps IPv4-mapped addresses', () => {
    expect(clientKeyOf('2001:db8:1:2:aaaa::1')).toBe(clientKeyOf('2001:0db8:0001:0002:ffff:1:2:3'));
    expect(clientKeyOf('2001:db8:1:2::1')).not.toBe(clientKeyOf('2001:db8:1:3::1'));
    expect(clientKeyOf('::1')).toBe('0:0:0:0::/64');
    expect(clientKeyOf('::ffff:10.1.2.3')).toBe('10.1.2.3');
    expect(clientKeyOf('10.1.2.3')).toBe('10.1.2.3');
  });
});

describe('scraperAuth hook', () => {
  let database: TestDatabase;
  let app: App;
  let secret: string;
  let now = 0;
  const limit = 3;

  beforeAll(async () => {
    database = await createTestDatabase();
    ({ secret } = await createApiKey(database, { name: 'http' }));
    const limiter = createFailedAuthLimiter({ limit, windowMs: 300_000, now: () => now });
    app = await buildApp({ database, logger: silentLogger });
    const guard = scraperAuth({ database, limiter });
    const whoAmI = async (request: { scraperKey?: { id: number; name: string } }) => ({
      id: request.scraperKey?.id,
      name: request.scraperKey?.name,
    });
    app.get('/api/scraper/ping', { preHandler: guard }, whoAmI);
    app.post('/api/scraper/early', { onRequest: guard }, whoAmI);
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  let address = 0;
  const freshAddress = () => `10.9.0.${++address}`;
  const ping = (headers: Record<string, string>, remoteAddress = freshAddress(), url = '/api/scraper/ping') =>
    app.inject({ method: 'GET', url, headers, remoteAddress });

  it('accepts the key as a Bearer token or in X-API-Key', async () => {
    const accepted: Record<string, string>[] = [
      { authorization: `Bearer ${secret}` },
      { authorization: `bearer  ${secret}` },
      { 'x-api-key': secret },
      { authorization: `Bearer ${secret}`, 'x-api-key': secret },
    ];
    for (const headers of accepted) {
      const response = await ping(headers);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ id: expect.any(Number), name: 'http' });
    }
  });

  it('runs before the body is parsed when used as onRequest', async () => {
    const refused = await app.inject({
      method: 'POST',
      url: '/api/scraper/early',
      headers: { 'content-type': 'application/json' },
      payload: '{"broken": ',
      remoteAddress: freshAddress(),
    });
    expect(refused.statusCode).toBe(401);
    const accepted = await app.inject({
      method: 'POST',
      url: '/api/scraper/early',
      headers: { 'x-api-key': secret, 'content-type': 'application/json' },
      payload: '{}',
      remoteAddress: freshAddress(),
    });
    expect(accepted.statusCode).toBe(200);
  });

  it('answers missing, malformed, unknown, revoked and conflicting keys with one uniform 401', async () => {
    const revoked = await createApiKey(database, { name: 'revoked' });
    await revokeApiKey(database, revoked.key.id);
    const cases: Record<string, string>[] = [
      {},
      { authorization: 'Bearer nonsense' },
      { authorization: secret },
      { authorization: `Basic ${Buffer.from(`user:${secret}`).toString('base64')}` },
      { 'x-api-key': wellFormedUnknownKey },
      { authorization: `Bearer ${revoked.secret}` },
      { authorization: `Bearer ${secret}`, 'x-api-key': revoked.secret },
    ];
    const bodies = new Set<string>();
    for (const headers of cases) {
      const response = await ping(headers);
      expect(response.statusCode, JSON.stringify(headers)).toBe(401);
      expect(response.headers['www-authenticate']).toBe('Bearer');
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      const { requestId: _requestId, ...problem } = response.json();
      bodies.add(JSON.stringify(problem));
    }
    expect([...bodies]).toEqual([
      JSON.stringify({
        type: 'https://jobmatch.dev/problems/unauthorized',
        title: 'Unauthorized',
        status: 401,
        detail: INVALID_API_KEY_MESSAGE,
        code: 'unauthorized',
        instance: '/api/scraper/ping',
      }),
    ]);
  });

  it('refuses keys in the URL, even alongside a valid header, with an explanation', async () => {
    for (const query of [`api_key=${secret}`, 'token=abc', 'KEY=x', `q=${wellFormedUnknownKey}`]) {
      const response = await ping(
        { authorization: `Bearer ${secret}` },
        freshAddress(),
        `/api/scraper/ping?${query}`,
      );
      expect(response.statusCode).toBe(401);
      expect(response.json().detail).toBe(KEY_IN_URL_MESSAGE);
      expect(response.body).not.toContain(secret);
    }
    expect(urlCarriesCredential('/api/scraper/ping?page=2&key=')).toBe(false);
    expect(urlCarriesCredential('/api/scraper/ping')).toBe(false);
    expect(redactCredentialsInUrl(`/x?page=2&api_key=${secret}&q=${secret}`)).toBe(
      '/x?page=2&api_key=%5Bredacted%5D&q=%5Bredacted%5D',
    );
    expect(redactCredentialsInUrl('/x?page=2')).toBe('/x?page=2');
  });

  it('rate limits an address after repeated bad keys, even for a valid key, until the window passes', async () => {
    const attacker = freshAddress();
    for (let attempt = 0; attempt < limit; attempt++) {
      expect((await ping({ 'x-api-key': wellFormedUnknownKey }, attacker)).statusCode).toBe(401);
    }
    now += 1000;
    const blocked = await ping({ 'x-api-key': secret }, attacker);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['retry-after']).toBe('299');
    expect(blocked.json()).toMatchObject({ code: 'rate_limited' });
    expect((await ping({ 'x-api-key': secret })).statusCode).toBe(200);
    now += 299_000;
    expect((await ping({ 'x-api-key': secret }, attacker)).statusCode).toBe(200);
  });

  it('does not count requests that carry no key', async () => {
    const client = freshAddress();
    for (let attempt = 0; attempt < limit + 2; attempt++)
      expect((await ping({}, client)).statusCode).toBe(401);
    expect((await ping({ 'x-api-key': secret }, client)).statusCode).toBe(200);
  });
});

describe('jobmatch keys', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jobmatch-keys-'));
  });
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  const run = (...argv: string[]) => runCliOn(dir, 'keys', ...argv);

  it('creates, lists and revokes keys on a fresh data dir', async () => {
    const created = await run('create', 'nightly crawler');
    expect(created.code).toBe(0);
    const secret = /^\s*(jm_sk_\w+)\s*$/m.exec(created.out)?.[1];
    expect(isWellFormedApiKey(secret)).toBe(true);
    expect(created.err).toMatch(/will not be shown again/);

    const json = await run('create', 'second', '--json');
    const second = JSON.parse(json.out);
    expect(second).toEqual({ id: expect.any(Number), name: 'second', key: expect.any(String) });
    expect(isWellFormedApiKey(second.key)).toBe(true);

    expect((await run('revoke', String(second.id))).out).toMatch(/Revoked API key \d+ "second"/);

    const table = await run('list');
    expect(table.code).toBe(0);
    expect(table.out).toMatch(/ID\s+NAME\s+STATUS\s+CREATED\s+LAST USED\s+REQUESTS/);
    expect(table.out).toMatch(/second\s+revoked/);
    expect(table.out).toMatch(/nightly crawler\s+active\s+\d{4}-\d\d-\d\d \d\d:\d\dZ\s+-\s+0/);
    expect(table.out).not.toContain(secret);

    const listed = JSON.parse((await run('list', '--json')).out);
    expect(listed.map((key: { name: string }) => key.name)).toEqual(['second', 'nightly crawler']);
    expect(JSON.stringify(listed)).not.toMatch(/jm_sk_|key_hash/);
  });

  it('fails clearly for an unknown id, a bad id and an invalid name', async () => {
    const unknown = await run('revoke', '424242');
    expect(unknown).toMatchObject({ code: 1, err: 'Error: API key 424242 not found.' });
    expect((await run('revoke', 'abc')).code).toBe(1);
    const badName = await run('create', '   ');
    expect(badName.code).toBe(1);
    expect(badName.err).toMatch(/Invalid API key name: must not be empty/);
  });
});
