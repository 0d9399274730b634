import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../src/http/app.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { silentLogger } from '../support/logger.js';

describe('HTTP foundation', () => {
  let database: TestDatabase;
  let app: App;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await buildApp({ database, logger: silentLogger, bodyLimit: 1024 });
    app.post('/test/echo', async (request) => ({ received: request.body }));
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const expectProblem = (
    response: { statusCode: number; headers: Record<string, unknown>; json(): unknown },
    status: number,
    code: string,
  ) => {
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({
      status,
      code,
      title: expect.any(String),
      detail: expect.any(String),
    });
  };

  it('GET /healthz answers while the process is up', async () => {
    const response = await app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('GET /readyz checks the database and the migrations, and counts the live workers', async () => {
    const response = await app.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      status: 'ready',
      database: { engine: 'pglite', migrationsApplied: expect.any(Number) },
      // The live workers (heartbeats): 0 tells the operator that nothing is matching.
      workers: { alive: expect.any(Number) },
      queues: expect.any(Array),
    });
  });

  it('GET /readyz is 503 when a migration is pending', async () => {
    const { rows } = await database.sql.query<{ id: number }>(
      'DELETE FROM drizzle.__drizzle_migrations WHERE id = (SELECT max(id) FROM drizzle.__drizzle_migrations) RETURNING id',
    );
    try {
      const response = await app.inject({ method: 'GET', url: '/readyz' });
      expectProblem(response, 503, 'unavailable');
      expect(response.json().detail).toMatch(/pending/);
    } finally {
      await database.sql.query(
        `INSERT INTO drizzle.__drizzle_migrations (id, hash, created_at)
         SELECT $1, 'restored', max(created_at) + 1 FROM drizzle.__drizzle_migrations`,
        [rows[0]!.id],
      );
    }
  });

  it('serves the OpenAPI document and the docs UI', async () => {
    const spec = await app.inject({ method: 'GET', url: '/openapi.json' });
    expect(spec.statusCode).toBe(200);
    expect(spec.json()).toMatchObject({ openapi: '3.1.0', info: { title: 'Jobmatch API' } });
    expect(Object.keys(spec.json().paths)).toEqual(expect.arrayContaining(['/healthz', '/readyz']));
    const docs = await app.inject({ method: 'GET', url: '/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toMatch(/text\/html/);
  });

  it('unknown routes are 404 problem+json', async () => {
    expectProblem(await app.inject({ method: 'GET', url: '/no/such/thing?x=1' }), 404, 'not_found');
  });

  it('malformed JSON is 400', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/test/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"broken": ',
    });
    expectProblem(response, 400, 'bad_request');
  });

  it('a body over the limit is 413', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/test/echo',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ text: 'x'.repeat(4096) }),
    });
    expectProblem(response, 413, 'payload_too_large');
  });

  it('an unsupported content type is 415', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/test/echo',
      headers: { 'content-type': 'application/xml' },
      payload: '<job/>',
    });
    expectProblem(response, 415, 'unsupported_media_type');
  });

  it('an unexpected error is a 500 that does not leak internals', async () => {
    const probe = await buildApp({ database, logger: silentLogger });
    probe.get('/test/boom', async () => {
      throw new Error('secret connection string postgres://admin:hunter2@db');
    });
    const response = await probe.inject({ method: 'GET', url: '/test/boom' });
    expectProblem(response, 500, 'internal');
    expect(response.body).not.toContain('hunter2');
    expect(response.body).not.toContain('secret');
    await probe.close();
  });
});
