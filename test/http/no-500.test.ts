import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../src/http/app.js';
import { type JobQueue, startJobQueue } from '../../src/worker/job-queue.js';
import { createTenantWithUsers, createTestUser, loginAs } from '../support/auth.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { silentLogger } from '../support/logger.js';

/**
 * Every documented route, called with hostile input by every kind of caller: whatever the answer, it is never
 * a 500, and an error is always problem+json.
 */
describe('no route answers 500 to bad input', () => {
  let database: TestDatabase;
  let queue: JobQueue;
  let app: App;
  const callers: Record<string, Record<string, string>> = { anonymous: {} };

  beforeAll(async () => {
    database = await createTestDatabase();
    queue = await startJobQueue(database, { logger: silentLogger, supervise: false });
    app = await buildApp({ database, logger: silentLogger, queue, webRoot: false });
    callers.admin = (
      await loginAs(app, (await createTestUser(database, { role: 'PM_ADMIN', tenantId: null })).email)
    ).headers;
    const { admin, recruiter } = await createTenantWithUsers(database);
    callers.tenantAdmin = (await loginAs(app, admin.email)).headers;
    callers.recruiter = (await loginAs(app, recruiter.email)).headers;
  });
  afterAll(async () => {
    await app.close();
    await queue.stop();
    await database.close();
  });

  const hostileIds = ['0', '-1', '99999999999', 'abc', '1.5', '%00'];
  const hostileBodies: unknown[] = [
    {},
    [],
    { id: 1, tenant_id: 2 },
    { status: 'nonsense', name: 'x'.repeat(10_000) },
    null,
  ];

  it('holds for every route in the OpenAPI document', async () => {
    const spec = (await app.inject({ method: 'GET', url: '/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const failures: string[] = [];
    let calls = 0;
    // Signing out ends the callers' sessions: it goes last, so every other route runs signed in.
    const signOutLast = Object.entries(spec.paths).sort(
      ([a], [b]) => Number(a === '/api/auth/logout') - Number(b === '/api/auth/logout'),
    );
    for (const [path, methods] of signOutLast) {
      for (const method of Object.keys(methods)) {
        const urls = path.includes('{')
          ? hostileIds.map((id) => path.replace(/\{[^}]+\}/g, id))
          : [path, `${path}?limit=-5&offset=x&from=notadate&status=zzz`];
        for (const url of urls) {
          for (const [caller, headers] of Object.entries(callers)) {
            for (const body of method === 'get' || method === 'delete' ? [undefined] : hostileBodies) {
              const response = await app.inject({
                method: method.toUpperCase() as 'GET',
                url,
                headers,
                ...(body === undefined
                  ? {}
                  : {
                      payload: JSON.stringify(body),
                      headers: { ...headers, 'content-type': 'application/json' },
                    }),
              });
              calls += 1;
              const signedIn = caller !== 'anonymous' && !/^\/api\/(auth|scraper)\//.test(path);
              if (signedIn && response.statusCode === 401)
                failures.push(`${method.toUpperCase()} ${url} as ${caller}: answered as if signed out`);
              else if (response.statusCode >= 500)
                failures.push(
                  `${method.toUpperCase()} ${url} as ${caller}: ${response.statusCode} ${response.body.slice(0, 200)}`,
                );
              else if (
                response.statusCode >= 400 &&
                !String(response.headers['content-type']).startsWith('application/problem+json')
              ) {
                failures.push(
                  `${method.toUpperCase()} ${url} as ${caller}: ${response.statusCode} not problem+json`,
                );
              }
            }
          }
        }
      }
    }
    expect(calls).toBeGreaterThan(500);
    expect(failures).toEqual([]);
  }, 240_000);
});
