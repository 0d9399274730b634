import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../src/http/app.js';
import { createTenantWithUsers, createTestUser, loginAs } from '../support/auth.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { silentLogger } from '../support/logger.js';
import { multipartBody } from '../support/multipart.js';

describe('admin import API', () => {
  let database: TestDatabase;
  let app: App;
  let adminHeaders: Record<string, string>;
  let recruiterHeaders: Record<string, string>;
  beforeAll(async () => {
    database = await createTestDatabase();
    app = await buildApp({ database, logger: silentLogger, importMaxBytes: 64 * 1024 });
    const admin = await createTestUser(database, { role: 'PM_ADMIN', tenantId: null });
    adminHeaders = (await loginAs(app, admin.email)).headers;
    const { recruiter } = await createTenantWithUsers(database);
    recruiterHeaders = (await loginAs(app, recruiter.email)).headers;
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const upload = (fields: Record<string, string>, name: string, content: string | Buffer, query = '') => {
    const body = multipartBody(fields, { name, content });
    return app.inject({
      method: 'POST',
      url: `/api/admin/imports${query}`,
      payload: body.payload,
      headers: { ...body.headers, ...adminHeaders },
    });
  };

  it('imports an uploaded CSV with a mapping and reports per-row errors', async () => {
    const csv =
      'Job Title,Company Name,Pay\nJava Developer,Acme,$120K - $140K\n,Nobody,\nQA Engineer,Beta,DOE\n';
    const response = await upload(
      { platform: 'glassdoor', map: 'title=Job Title,company=Company Name,salary_range=Pay' },
      'jobs.csv',
      csv,
    );
    expect(response.statusCode).toBe(201);
    const { batch, errors } = response.json();
    expect(batch).toMatchObject({
      import_status: 'partial',
      total_jobs: 3,
      new_jobs: 2,
      failed_jobs: 1,
      file_name: 'jobs.csv',
    });
    expect(errors).toEqual([expect.objectContaining({ row_number: 3, field: 'title' })]);

    const list = await app.inject({ method: 'GET', url: '/api/admin/imports', headers: adminHeaders });
    expect(list.json().items[0].id).toBe(batch.id);
    const detail = await app.inject({
      method: 'GET',
      url: `/api/admin/imports/${batch.id}`,
      headers: adminHeaders,
    });
    expect(detail.json()).toMatchObject({ id: batch.id, errors_total: 1, errors: [{ row_number: 3 }] });
  });

  it('takes options from the query string too', async () => {
    const response = await upload(
      {},
      'jobs.jsonl',
      '{"title":"Go Developer","external_job_id":"g1"}\n',
      '?platform=dice',
    );
    expect(response.statusCode).toBe(201);
    expect(response.json().batch).toMatchObject({ format: 'jsonl', new_jobs: 1 });
  });

  it("takes each row's platform from JobSpy's site column when the upload names none, as the CLI does", async () => {
    const csv =
      'id,site,job_url,title,company,location,interval,min_amount,max_amount,description\n' +
      'in-a1,indeed,https://www.indeed.com/viewjob?jk=a1,Site Data Engineer,Acme,"Austin, TX",,,,Python and SQL\n' +
      'li-42,linkedin,https://www.linkedin.com/jobs/view/42,Site QA Engineer,Beta,"Boston, MA",yearly,90000,110000,Selenium\n';
    const response = await upload({}, 'jobspy.csv', csv);
    expect(response.statusCode).toBe(201);
    expect(response.json().batch).toMatchObject({ platform: 'mixed', new_jobs: 2, failed_jobs: 0 });
    const stored = await database.sql.query<{ platform: string }>(
      `SELECT platform FROM job_postings WHERE title LIKE 'Site %' ORDER BY platform`,
    );
    expect(stored.rows.map((r) => r.platform)).toEqual(['indeed', 'linkedin']);
  });

  it('refuses bad requests with problem+json', async () => {
    const noPlatform = await upload({}, 'jobs.csv', 'title\nDev\n');
    expect(noPlatform.statusCode).toBe(400);
    expect(noPlatform.json()).toMatchObject({ code: 'validation_failed' });
    expect(noPlatform.json().detail).toMatch(/name no platform/);
    const badPlatform = await upload({ platform: 'Not A Platform!' }, 'jobs.csv', 'title\nDev\n');
    expect(badPlatform.json()).toMatchObject({ code: 'validation_failed', errors: [{ field: 'platform' }] });

    const unknownLayout = await upload({ platform: 'x' }, 'jobs.csv', 'Job Title\nDev\n');
    expect(unknownLayout.statusCode).toBe(400);
    expect(unknownLayout.json().detail).toMatch(/mapping/);

    const badMap = await upload({ platform: 'x', map: 'nonsense' }, 'jobs.csv', 'title\nDev\n');
    expect(badMap.statusCode).toBe(400);

    const unknownFormat = await upload({ platform: 'x' }, 'jobs.xlsx', 'PK\u0003\u0004');
    expect(unknownFormat.statusCode).toBe(400);

    const empty = await upload({ platform: 'x' }, 'jobs.csv', '');
    expect(empty.statusCode).toBe(400);

    const json = await app.inject({
      method: 'POST',
      url: '/api/admin/imports',
      payload: { title: 'x' },
      headers: adminHeaders,
    });
    expect(json.statusCode).toBe(415);

    const before = await database.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM job_import_batches`,
    );
    const tooBig = await upload({ platform: 'x' }, 'big.csv', `title\n${'Developer\n'.repeat(10_000)}`);
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.headers['content-type']).toMatch(/problem\+json/);
    const after = await database.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM job_import_batches`,
    );
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);

    expect(
      (await app.inject({ method: 'GET', url: '/api/admin/imports/99999', headers: adminHeaders }))
        .statusCode,
    ).toBe(404);
    expect(
      (await app.inject({ method: 'GET', url: '/api/admin/imports/abc', headers: adminHeaders })).statusCode,
    ).toBe(400);
  });

  it('is for platform admins only', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/admin/imports' })).statusCode).toBe(401);
    expect(
      (await app.inject({ method: 'GET', url: '/api/admin/imports', headers: recruiterHeaders })).statusCode,
    ).toBe(403);
    const body = multipartBody({ platform: 'x' }, { name: 'a.csv', content: 'title\nDev\n' });
    const upload = await app.inject({
      method: 'POST',
      url: '/api/admin/imports',
      payload: body.payload,
      headers: { ...body.headers, ...recruiterHeaders },
    });
    expect(upload.statusCode).toBe(403);
    expect(
      (await app.inject({ method: 'PATCH', url: '/api/admin/jobs/1', payload: { status: 'closed' } }))
        .statusCode,
    ).toBe(401);
  });

  it('lets an admin mark a job filled or closed', async () => {
    const { rows } = await database.sql.query<{ id: number }>(
      `INSERT INTO job_postings (platform, external_job_id, title) VALUES ('x', 'status-1', 'Dev') RETURNING id`,
    );
    const id = rows[0]!.id;
    const response = await app.inject({
      method: 'PATCH',
      url: `/api/admin/jobs/${id}`,
      payload: { status: 'filled' },
      headers: adminHeaders,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id, status: 'filled' });
    const bad = await app.inject({
      method: 'PATCH',
      url: `/api/admin/jobs/${id}`,
      payload: { status: 'expired' },
      headers: adminHeaders,
    });
    expect(bad.statusCode).toBe(400);
    expect(
      (
        await app.inject({
          method: 'PATCH',
          url: '/api/admin/jobs/999999',
          payload: { status: 'closed' },
          headers: adminHeaders,
        })
      ).statusCode,
    ).toBe(404);
  });
});
