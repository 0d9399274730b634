import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../src/http/app.js';
import { createTenantWithUsers, type LoggedIn, loginAs } from '../support/auth.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { silentLogger } from '../support/logger.js';
import { multipartBody } from '../support/multipart.js';

describe('candidate commute radius (location by distance)', () => {
  let database: TestDatabase;
  let app: App;
  let recruiter: LoggedIn;
  let other: LoggedIn;
  beforeAll(async () => {
    database = await createTestDatabase();
    app = await buildApp({ database, logger: silentLogger, queue: { send: async () => null } });
    recruiter = await loginAs(app, (await createTenantWithUsers(database)).recruiter.email);
    other = await loginAs(app, (await createTenantWithUsers(database)).recruiter.email);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const request = (as: LoggedIn, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    app.inject({ method, url, headers: as.headers, ...(payload ? { payload } : {}) });

  it('is stored, updated, cleared and validated through the API', async () => {
    const created = await request(recruiter, 'POST', '/api/candidates', {
      first_name: 'Rita',
      last_name: 'Radius',
      email: 'rita@example.test',
      location: 'Seattle, WA',
      commute_radius_km: 30,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ commute_radius_km: 30 });
    const id = created.json().id as number;
    const updated = await request(recruiter, 'PATCH', `/api/candidates/${id}`, { commute_radius_km: 80 });
    expect(updated.statusCode).toBe(200);
    expect((await request(recruiter, 'GET', `/api/candidates/${id}`)).json()).toMatchObject({
      commute_radius_km: 80,
    });
    const cleared = await request(recruiter, 'PATCH', `/api/candidates/${id}`, { commute_radius_km: null });
    expect(cleared.json()).toMatchObject({ commute_radius_km: null });
    for (const bad of [0, 1001, 12.5, 'far']) {
      const response = await request(recruiter, 'PATCH', `/api/candidates/${id}`, { commute_radius_km: bad });
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    const unset = await request(recruiter, 'POST', '/api/candidates', {
      first_name: 'No',
      last_name: 'Radius',
      email: 'no-radius@example.test',
    });
    expect(unset.json()).toMatchObject({ commute_radius_km: null });
  });

  it("is another agency's candidate: 404 on read and write", async () => {
    const created = await request(recruiter, 'POST', '/api/candidates', {
      first_name: 'Iso',
      last_name: 'Lated',
      email: 'isolated@example.test',
      commute_radius_km: 40,
    });
    const id = created.json().id as number;
    expect((await request(other, 'GET', `/api/candidates/${id}`)).statusCode).toBe(404);
    expect(
      (await request(other, 'PATCH', `/api/candidates/${id}`, { commute_radius_km: 5 })).statusCode,
    ).toBe(404);
    expect((await request(recruiter, 'GET', `/api/candidates/${id}`)).json()).toMatchObject({
      commute_radius_km: 40,
    });
  });

  it('is read from a CSV import column, with the row number of a bad value', async () => {
    const csv =
      'first_name,last_name,email,commute_radius_km\n' +
      'Csv,Near,csv-near@example.test,25\n' +
      'Csv,Bad,csv-bad-radius@example.test,lots\n';
    const upload = multipartBody({}, { name: 'candidates.csv', content: csv });
    const response = await app.inject({
      method: 'POST',
      url: '/api/candidates/imports',
      payload: upload.payload,
      headers: { ...recruiter.headers, ...upload.headers },
    });
    expect(response.json()).toMatchObject({ total: 2, created: 1, failed: 1 });
    expect(response.json().errors[0]).toMatchObject({ row_number: 3, field: 'commute_radius_km' });
    const listed = (await request(recruiter, 'GET', '/api/candidates?search=csv-near')).json();
    expect(listed.items[0]).toMatchObject({ commute_radius_km: 25 });
  });
});
