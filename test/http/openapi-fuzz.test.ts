import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../src/http/app.js';
import { createApiKey } from '../../src/scraper/api-keys.js';
import { type JobQueue, startJobQueue } from '../../src/worker/job-queue.js';
import { createTenantWithUsers, createTestUser, loginAs, type TestUser } from '../support/auth.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { silentLogger } from '../support/logger.js';
import { createFuzzer, createResponseChecker, type OpenApiDocument } from '../support/openapi-fuzz.js';

/**
 * Every operation of /openapi.json, fuzzed from its own schema for every kind of caller (signed in for real,
 * the session kept for the whole run): never a 5xx, and every answer is one the document describes.
 * Fixed seed and budget, so a failure reproduces.
 */
const SEED = 16;
const REQUESTS_PER_OPERATION_AND_CALLER = 8;
const FUZZ_ADDRESS = '203.0.113.7';

interface Caller {
  name: string;
  user?: TestUser;
  headers: Record<string, string>;
}

describe('schema-driven fuzzing of the OpenAPI document', () => {
  let database: TestDatabase;
  let queue: JobQueue;
  let app: App;
  const callers: Caller[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    queue = await startJobQueue(database, { logger: silentLogger, supervise: false });
    app = await buildApp({ database, logger: silentLogger, queue, webRoot: false });
    const platformAdmin = await createTestUser(database, { role: 'PM_ADMIN', tenantId: null });
    const { admin, recruiter } = await createTenantWithUsers(database);
    await createTenantWithUsers(database);
    const { secret } = await createApiKey(database, { name: 'fuzz-scraper' });
    callers.push({ name: 'anonymous', headers: {} });
    for (const [name, user] of [
      ['platform admin', platformAdmin],
      ['tenant admin', admin],
      ['recruiter', recruiter],
    ] as const) {
      callers.push({ name, user, headers: (await loginAs(app, user.email)).headers });
    }
    callers.push({ name: 'scraper', headers: { authorization: `Bearer ${secret}` } });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await queue?.stop();
    await database?.close();
  });

  /** Undoes what a fuzzed call may have done to the callers themselves (deactivated, demoted). */
  async function keepCallersSignedIn() {
    await database.sql.query(`UPDATE tenants SET is_active = true WHERE NOT is_active`);
    for (const caller of callers) {
      if (!caller.user) continue;
      await database.sql.query(`UPDATE users SET is_active = true, role = $2 WHERE id = $1`, [
        caller.user.id,
        caller.user.role,
      ]);
      const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: caller.headers });
      if (me.statusCode !== 200) caller.headers = (await loginAs(app, caller.user.email)).headers;
    }
  }

  it('answers every generated request without a 5xx and as documented', async () => {
    const spec = (await app.inject({ method: 'GET', url: '/openapi.json' })).json() as OpenApiDocument;
    const fuzzer = createFuzzer(spec, SEED);
    const check = createResponseChecker(spec);
    const operations = Object.entries(spec.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => ({ path, method })),
    );
    // Signing out ends the session the other operations run in: it goes last.
    const signOutLast = [
      ...operations.filter(({ path }) => path !== '/api/auth/logout'),
      ...operations.filter(({ path }) => path === '/api/auth/logout'),
    ];
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let requests = 0;
    for (const { path, method } of signOutLast) {
      for (const caller of callers) {
        const ids = [1, 2, 3, 4, 5, 6];
        const random = Array.from({ length: REQUESTS_PER_OPERATION_AND_CALLER }, () =>
          fuzzer.request(path, method, ids),
        );
        for (const request of [...random, ...fuzzer.probes(path, method, ids)]) {
          const hasBody = 'body' in request;
          const response = await app.inject({
            method: request.method as 'GET',
            url: request.url,
            remoteAddress: FUZZ_ADDRESS,
            headers: { ...caller.headers, ...(hasBody ? { 'content-type': 'application/json' } : {}) },
            ...(hasBody ? { payload: JSON.stringify(request.body) } : {}),
          });
          requests += 1;
          statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
          const ownArea = caller.user
            ? !/^\/api\/(auth|scraper)\//.test(path)
            : caller.name === 'scraper' && path.startsWith('/api/scraper/');
          const sessionLost = ownArea && response.statusCode === 401;
          const problem = sessionLost
            ? 'a signed-in caller was answered as anonymous'
            : response.statusCode >= 500
              ? `server error ${response.statusCode}: ${response.body.slice(0, 300)}`
              : check(
                  path,
                  method,
                  response.statusCode,
                  String(response.headers['content-type'] ?? ''),
                  response.body,
                );
          if (problem) {
            failures.push(
              `${request.operation} as ${caller.name}: ${problem}\n    ${request.url} ${hasBody ? JSON.stringify(request.body).slice(0, 200) : ''}`,
            );
          }
          if (method !== 'get' && /users|tenants/.test(path)) await keepCallersSignedIn();
        }
      }
    }
    expect(statuses.get(200) ?? 0).toBeGreaterThan(0);
    expect(requests).toBeGreaterThan(signOutLast.length * callers.length * REQUESTS_PER_OPERATION_AND_CALLER);
    const kinds = [...new Set(failures.map((failure) => failure.split('\n')[0]!.slice(0, 160)))];
    expect({ kinds, examples: failures.slice(0, 20) }).toEqual({ kinds: [], examples: [] });
  }, 600_000);
});
