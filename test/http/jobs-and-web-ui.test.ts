import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../src/http/auth/principal.js';
import { sendProblem, toAppError } from '../../src/http/problem.js';
import { jobRoutes } from '../../src/http/routes/jobs.routes.js';
import { hasWebUi, registerWebUi } from '../../src/http/web-ui.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

const recruiter: Principal = { userId: 1, email: 'r@x.test', role: 'RECRUITER', tenantId: 1, sessionId: 's' };

async function bareApp(principal: Principal | null) {
  const app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler((error, _request, reply) => sendProblem(reply, toAppError(error)));
  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      reply,
      toAppError(Object.assign(new Error(`No route for ${request.url}`), { statusCode: 404 })),
    ),
  );
  app.addHook('onRequest', async (request) => {
    if (principal) request.principal = principal;
  });
  return app;
}

describe('job search API', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await database.sql.query(
      `INSERT INTO job_postings (external_job_id, platform, title, company, location, description, skills, is_remote,
                                 salary_min_annual, salary_max_annual, salary_currency, status, posted_date)
       VALUES ('1', 'test', 'Senior Go Developer', 'Acme', 'Denver, CO', 'Go and gRPC services', '{Go,gRPC,Docker}',
               false, 120000, 150000, 'USD', 'active', '2024-05-02'),
              ('2', 'test', 'Rust Engineer', 'Beta 100% Co', 'Remote - US', 'Systems work', '{Rust,Linux}',
               true, 160000, 190000, 'USD', 'active', '2024-05-03'),
              ('3', 'test', 'Old Go Role', 'Acme', 'Denver, CO', NULL, '{Go}', false, NULL, NULL, NULL, 'expired',
               '2023-01-01')`,
    );
  });
  afterAll(async () => database.close());

  const search = async (query: string, principal: Principal | null = recruiter) => {
    const app = await bareApp(principal);
    await app.register(jobRoutes({ database }));
    return app.inject({ method: 'GET', url: `/api/jobs${query}` });
  };

  it('filters active jobs by text, skills (all, any case), company, location, remote and salary', async () => {
    const titles = async (query: string) =>
      (await search(query)).json().items.map((job: { title: string }) => job.title);
    expect(await titles('')).toEqual(['Rust Engineer', 'Senior Go Developer']);
    expect(await titles('?q=grpc')).toEqual(['Senior Go Developer']);
    expect(await titles('?skills=go,DOCKER')).toEqual(['Senior Go Developer']);
    expect(await titles('?skills=go,rust')).toEqual([]);
    expect(await titles('?company=100%25')).toEqual(['Rust Engineer']);
    expect(await titles('?location=denver&status=expired')).toEqual(['Old Go Role']);
    expect(await titles('?remote=true')).toEqual(['Rust Engineer']);
    expect(await titles('?salary_min=155000')).toEqual(['Rust Engineer']);
    expect(await titles('?salary_max=130000')).toEqual(['Senior Go Developer']);
    const page = (await search('?limit=1&offset=1')).json();
    expect(page).toMatchObject({ total: 2, limit: 1, offset: 1 });
    expect(page.items).toHaveLength(1);
  });

  it('refuses bad filters and anonymous callers as problems', async () => {
    expect((await search('?salary_min=200&salary_max=100')).statusCode).toBe(400);
    expect((await search('?remote=maybe')).statusCode).toBe(400);
    expect((await search('', null)).statusCode).toBe(401);
  });

  it('returns one job with its parsed fields and raw text, or 404', async () => {
    const app = await bareApp(recruiter);
    await app.register(jobRoutes({ database }));
    const list = (await search('?q=rust')).json();
    const job = await app.inject({ method: 'GET', url: `/api/jobs/${list.items[0].id}` });
    expect(job.statusCode).toBe(200);
    expect(job.json()).toMatchObject({
      title: 'Rust Engineer',
      description: 'Systems work',
      is_remote: true,
    });
    const missing = await app.inject({ method: 'GET', url: '/api/jobs/999999' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
  });
});

describe('web UI serving', () => {
  let root: string;
  beforeAll(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'jobmatch-webui-'));
    await fs.mkdir(path.join(root, 'assets'));
    await fs.writeFile(path.join(root, 'index.html'), '<!doctype html><title>Jobmatch</title>');
    await fs.writeFile(path.join(root, 'assets', 'app-abc123.js'), 'console.log(1)');
  });
  afterAll(async () => fs.rm(root, { recursive: true, force: true }));

  it('serves files, falls back to index.html for pages, and keeps unknown API paths problem+json', async () => {
    expect(hasWebUi(root)).toBe(true);
    expect(hasWebUi(path.join(root, 'assets'))).toBe(false);
    const app = await bareApp(null);
    await registerWebUi(app, root);
    const html = { accept: 'text/html,application/xhtml+xml' };

    const home = await app.inject({ method: 'GET', url: '/', headers: html });
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('<title>Jobmatch</title>');
    const page = await app.inject({ method: 'GET', url: '/candidates/12?tab=matches', headers: html });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    const asset = await app.inject({ method: 'GET', url: '/assets/app-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');

    for (const url of ['/api/nothing', '/assets/missing.js', '/no/such/page']) {
      const headers = url === '/no/such/page' ? {} : html;
      const response = await app.inject({ method: 'GET', url, headers });
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
  });
});
