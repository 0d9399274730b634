import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../src/http/app.js';
import { createTenantWithUsers, createTestUser, loginAs } from '../support/auth.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { silentLogger } from '../support/logger.js';

/**
 * The API contract's input rules: unknown query parameters and body fields are a 400 naming them; every list
 * pages with `page`/`page_size` (the old `limit`/`offset` still work, deprecated); candidates search with `q`;
 * a multipart import takes its options before or after the file and records who uploaded it.
 */
describe('API names and closed inputs', () => {
  let database: TestDatabase;
  let app: App;
  let recruiter: Record<string, string>;
  let platformAdmin: Record<string, string>;
  let platformAdminId: number;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await buildApp({ database, logger: silentLogger, webRoot: false });
    const agency = await createTenantWithUsers(database);
    recruiter = (await loginAs(app, agency.recruiter.email)).headers;
    const admin = await createTestUser(database, { role: 'PM_ADMIN', tenantId: null });
    platformAdminId = admin.id;
    platformAdmin = (await loginAs(app, admin.email)).headers;
    for (const [first, last] of [
      ['Ada', 'Lovelace'],
      ['Grace', 'Hopper'],
      ['Alan', 'Turing'],
    ] as const) {
      const created = await app.inject({
        method: 'POST',
        url: '/api/candidates',
        headers: recruiter,
        payload: { first_name: first, last_name: last, email: `${first.toLowerCase()}@example.test` },
      });
      expect(created.statusCode).toBe(201);
    }
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const get = (url: string, headers = recruiter) => app.inject({ method: 'GET', url, headers });

  it('refuses an unknown query parameter with a 400 naming it (no more silently unfiltered lists)', async () => {
    const jobs = await get('/api/jobs?search=python');
    expect(jobs.statusCode).toBe(400);
    expect(jobs.json().errors).toEqual([
      { field: 'querystring.search', message: 'Unknown field: this operation does not take it.' },
    ]);
    // A route without query parameters is closed too.
    const home = await get('/api/inbox/unread-count?verbose=1');
    expect(home.statusCode).toBe(400);
    expect(home.json().errors).toEqual([expect.objectContaining({ field: 'querystring.verbose' })]);
  });

  it('refuses an unknown body field with a 400 naming it', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/candidates',
      headers: recruiter,
      payload: { first_name: 'Kat', last_name: 'Johnson', email: 'kat@example.test', nickname: 'KJ' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      { field: 'body.nickname', message: 'Unknown field: this operation does not take it.' },
    ]);
  });

  it('refuses an unknown field at any depth with a 400 naming its path', async () => {
    const nested = await app.inject({
      method: 'POST',
      url: '/api/admin/tenants',
      headers: platformAdmin,
      payload: {
        name: 'Nested Agency',
        admin: { email: 'nested@example.test', password: 'a long enough password', nickname: 'N' },
      },
    });
    expect(nested.statusCode).toBe(400);
    expect(nested.json().errors).toEqual([
      { field: 'body.admin.nickname', message: 'Unknown field: this operation does not take it.' },
    ]);
    const admin = await createTenantWithUsers(database);
    const tenantAdmin = (await loginAs(app, admin.admin.email)).headers;
    const weights = await app.inject({
      method: 'PUT',
      url: '/api/tenant/settings',
      headers: tenantAdmin,
      payload: {
        weights: { skill: 0.3, experience: 0.2, location: 0.2, salary: 0.1, semantic: 0.2, luck: 1 },
      },
    });
    expect(weights.statusCode).toBe(400);
    expect(weights.json().errors).toEqual([expect.objectContaining({ field: 'body.weights.luck' })]);
    // Each branch of a union body is closed too.
    const application = await app.inject({
      method: 'POST',
      url: '/api/applications',
      headers: recruiter,
      payload: { match_id: 1, priority: 'high' },
    });
    expect(application.statusCode).toBe(400);
    expect(JSON.stringify(application.json().errors)).toContain('priority');
  });

  it('pages every list with page and page_size, keeping limit and offset as deprecated aliases', async () => {
    const second = await get('/api/candidates?sort=name&page=2&page_size=2');
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({ total: 3, limit: 2, offset: 2 });
    expect(second.json().items.map((c: { first_name: string }) => c.first_name)).toEqual(['Alan']);

    const old = await get('/api/candidates?sort=name&limit=2&offset=2');
    expect(old.json().items).toEqual(second.json().items);

    const mixed = await get('/api/candidates?page=2&limit=2');
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json().errors).toEqual([expect.objectContaining({ field: 'querystring.page' })]);

    const jobs = await get('/api/jobs?page=1&page_size=5');
    expect(jobs.json()).toMatchObject({ limit: 5, offset: 0 });
    const inbox = await get('/api/inbox?page=3&page_size=10');
    expect(inbox.statusCode).toBe(200);
    const queue = await get('/api/admin/queue?page=2&page_size=10', platformAdmin);
    expect(queue.statusCode).toBe(200);
  });

  it('searches, sorts and pages other lists by the same names (q, sort, order, page, page_size)', async () => {
    for (const name of ['Zeta Staffing', 'Alpha Staffing', 'Beta Recruiting'])
      await createTenantWithUsers(database, name);
    const staffing = await get('/api/admin/tenants?q=staffing&sort=name&order=desc', platformAdmin);
    expect(staffing.statusCode).toBe(200);
    expect(staffing.json().items.map((t: { name: string }) => t.name)).toEqual([
      'Zeta Staffing',
      'Alpha Staffing',
    ]);
    expect(staffing.json().total).toBe(2);
    const second = await get('/api/admin/tenants?q=staffing&sort=name&page=2&page_size=1', platformAdmin);
    expect(second.json().items.map((t: { name: string }) => t.name)).toEqual(['Zeta Staffing']);

    for (const file of ['first-sort.csv', 'second-sort.csv']) {
      const upload = fileThenFields({ platform: 'glassdoor' }, file, 'title,company\nGo Developer,Acme\n');
      const imported = await app.inject({
        method: 'POST',
        url: '/api/admin/imports',
        payload: upload.payload,
        headers: { ...upload.headers, ...platformAdmin },
      });
      expect(imported.statusCode).toBe(201);
    }
    const batches = await get('/api/admin/imports?q=-SORT&sort=file_name', platformAdmin);
    expect(batches.json().items.map((b: { file_name: string }) => b.file_name)).toEqual([
      'first-sort.csv',
      'second-sort.csv',
    ]);
    expect(batches.json().total).toBe(2);
    const unknownSort = await get('/api/admin/imports?sort=size', platformAdmin);
    expect(unknownSort.statusCode).toBe(400);
    expect(unknownSort.json().errors).toEqual([expect.objectContaining({ field: 'querystring.sort' })]);
  });

  it('searches candidates with q, the old search still working', async () => {
    const byQ = await get('/api/candidates?q=hopper');
    expect(byQ.json().items.map((c: { last_name: string }) => c.last_name)).toEqual(['Hopper']);
    const bySearch = await get('/api/candidates?search=hopper');
    expect(bySearch.json().items).toEqual(byQ.json().items);
  });

  /** A multipart body with the file part first and the options after it. */
  function fileThenFields(fields: Record<string, string>, name: string, content: string) {
    const boundary = '----jobmatchorder';
    const part = (header: string, body: string) => `--${boundary}\r\n${header}\r\n\r\n${body}\r\n`;
    const payload =
      part(
        `Content-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/csv`,
        content,
      ) +
      Object.entries(fields)
        .map(([key, value]) => part(`Content-Disposition: form-data; name="${key}"`, value))
        .join('') +
      `--${boundary}--\r\n`;
    return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
  }

  it('takes multipart import options sent after the file, and records who imported it', async () => {
    const csv = 'Job Title,Company Name\nJava Developer,Acme\nQA Engineer,Beta\n';
    const body = fileThenFields(
      { platform: 'glassdoor', map: 'title=Job Title,company=Company Name' },
      'late-options.csv',
      csv,
    );
    const response = await app.inject({
      method: 'POST',
      url: '/api/admin/imports',
      payload: body.payload,
      headers: { ...body.headers, ...platformAdmin },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().batch).toMatchObject({
      platform: 'glassdoor',
      new_jobs: 2,
      failed_jobs: 0,
      imported_by: platformAdminId,
    });
    const { rows } = await database.sql.query<{ imported_by: number }>(
      'SELECT imported_by FROM job_import_batches WHERE id = $1',
      [response.json().batch.id],
    );
    expect(rows[0]?.imported_by).toBe(platformAdminId);
  });

  it('keeps the role guard of whole plugins on every route, HEAD included', async () => {
    const head = await app.inject({ method: 'HEAD', url: '/api/admin/health' });
    expect(head.statusCode).toBe(401);
    const recruiterHead = await app.inject({ method: 'HEAD', url: '/api/admin/health', headers: recruiter });
    expect(recruiterHead.statusCode).toBe(403);
  });
});
